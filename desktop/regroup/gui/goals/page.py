"""The Goals board: Next, Doing and Done columns of cards, kept in the order left.

Cards move by drag and drop or with Ctrl+arrows on the chosen card; every move is
one call to the goals service, then the one card moves between the column models.
Archived and dropped goals stay out of the columns, in a dialog of their own.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from regroup.core.errors import RegroupError
from regroup.core.goals.types import BOARD_LANES, LANE_LABELS, Lane
from regroup.gui.goals.lane import LaneModel, LaneView
from regroup.gui.kit.page import Page, PageContext, Target
from regroup.gui.kit.page_parts import add_shortcuts, button, tool_row
from regroup.gui.kit.toasts import Tone, toasts_for


class GoalsPage(Page):
    """The board, its buttons and the way to archived and dropped goals."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        profile, events = context.profile, context.events
        self._names: dict[int, str] = {}
        self._announcing = False
        self.models: dict[Lane, LaneModel] = {}
        self.views: dict[Lane, LaneView] = {}
        self.headers: dict[Lane, QLabel] = {}
        for lane in BOARD_LANES:
            model = LaneModel(lane, profile.clock.today, self.source_name, self.move_goal, self)
            view = LaneView(model)
            view.move_requested.connect(lambda dx, dy, lane=lane: self.move_chosen(lane, dx, dy))
            view.activated.connect(lambda _index: self.edit_goal())
            view.selectionModel().selectionChanged.connect(
                lambda _new, _old, lane=lane: self._on_selection(lane)
            )
            self.models[lane], self.views[lane] = model, view
            self.headers[lane] = QLabel()
            self.headers[lane].setProperty("textStyle", "heading")
        self.new_button = button("New goal", "Add a goal to Next", self.new_goal)
        self.edit_button = button("Edit…", "Edit the chosen goal", self.edit_goal)
        self.archive_button = button(
            "Archive", "Archive the chosen goal", lambda: self.put_away(Lane.ARCHIVED)
        )
        self.drop_button = button(
            "Drop", "Drop the chosen goal", lambda: self.put_away(Lane.DROPPED)
        )
        self.delete_button = button("Delete…", "Delete the chosen goal", self.delete_goal)
        self.debrief_button = button(
            "Open debrief", "Open the debrief this goal came from", self.open_source
        )
        self.shelf_button = button(
            "Archived and dropped…", "Show archived and dropped goals", self.open_shelf
        )
        self._lay_out()
        add_shortcuts(
            self,
            (("New goal", "Ctrl+N", self.new_goal), ("Delete goal", "Delete", self.delete_goal)),
        )
        events.goals_changed.connect(self._on_goals_changed)
        events.debriefs_changed.connect(self._on_debriefs_changed)
        self.reload()

    def _lay_out(self) -> None:
        tools = tool_row(
            [
                self.new_button,
                self.edit_button,
                self.archive_button,
                self.drop_button,
                self.delete_button,
                self.debrief_button,
            ],
            [self.shelf_button],
        )
        columns = QHBoxLayout()
        columns.setSpacing(12)
        for lane in BOARD_LANES:
            column = QVBoxLayout()
            column.setSpacing(8)
            column.addWidget(self.headers[lane])
            column.addWidget(self.views[lane], 1)
            columns.addLayout(column, 1)
        hint = QLabel("Drag cards between columns, or choose one and press Ctrl+arrows to move it.")
        hint.setWordWrap(True)
        hint.setProperty("textStyle", "caption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(hint)
        layout.addLayout(columns, 1)

    def _notify(self, text: str, tone: Tone = Tone.INFO) -> None:
        """Say what happened in a toast over the board; it moves no card."""
        toasts_for(self, self.events).show(text, tone, owner=self)

    # Reading

    def source_name(self, debrief_id: int) -> str | None:
        """Return how a card names the debrief it came from (read once, then kept)."""
        if debrief_id not in self._names:
            self._names.update(self.profile.debrief_list.names([debrief_id]))
        return self._names.get(debrief_id)

    def reload(self) -> None:
        """Read the board again, keeping the chosen card chosen."""
        chosen = self.chosen()
        board = self.profile.goals.board()
        for lane in BOARD_LANES:
            self.models[lane].set_cards(board.lane(lane))
        self._count()
        if chosen is not None:
            self.select_goal(chosen[1])
        self._enable()

    def _count(self) -> None:
        for lane in BOARD_LANES:
            count = self.models[lane].rowCount()
            self.headers[lane].setText(f"<b>{LANE_LABELS[lane]}</b> ({count:,})")
            self.headers[lane].setAccessibleName(f"{LANE_LABELS[lane]}: {count} goals")

    def _on_goals_changed(self) -> None:
        if not self._announcing:
            self.reload()

    def _on_debriefs_changed(self) -> None:
        self._names.clear()
        for view in self.views.values():
            view.viewport().update()

    def _announce(self) -> None:
        """Tell other pages the goals changed, without reloading this board."""
        self._announcing = True
        try:
            self.events.goals_changed.emit()
        finally:
            self._announcing = False

    # Choosing

    def chosen(self) -> tuple[Lane, int] | None:
        """Return the lane and goal id of the chosen card."""
        for lane, view in self.views.items():
            goal_id = view.current_goal()
            if goal_id is not None:
                return lane, goal_id
        return None

    def open(self, target: Target) -> bool:
        """Show the board with goal ``target`` chosen."""
        return self.select_goal(target) if isinstance(target, int) else target is None

    def select_goal(self, goal_id: int) -> bool:
        """Choose the card of ``goal_id`` wherever it is on the board."""
        for view in self.views.values():
            if view.select_goal(goal_id):
                view.setFocus()
                return True
        return False

    def _on_selection(self, lane: Lane) -> None:
        if self.views[lane].current_goal() is not None:
            for other, view in self.views.items():
                if other is not lane:
                    view.clearSelection()
        self._enable()

    def _enable(self) -> None:
        chosen = self.chosen()
        for tool in (self.edit_button, self.archive_button, self.drop_button, self.delete_button):
            tool.setEnabled(chosen is not None)
        source = None
        if chosen is not None:
            model = self.models[chosen[0]]
            row = model.row_of(chosen[1])
            source = model.cards[row].source_debrief_id if row is not None else None
        self.debrief_button.setEnabled(source is not None)

    # Moving

    def move_goal(self, goal_id: int, from_lane: Lane, to_lane: Lane, index: int) -> bool:
        """Move a goal to ``index`` of ``to_lane`` (counted without it) and show it there."""
        try:
            record = self.profile.goals.move(goal_id, to_lane, index)
        except RegroupError as exc:
            self._notify(f"The goal was not moved: {exc}", Tone.ERROR)
            return False
        source = self.models.get(from_lane)
        if source is not None:
            source.take(goal_id)
        target = self.models.get(to_lane)
        if target is not None:
            target.put(index, record.card())
            self.views[to_lane].select_goal(goal_id)
        self._count()
        self._enable()
        self._announce()
        return True

    def move_chosen(self, lane: Lane, columns: int, places: int) -> None:
        """Ctrl+arrows: move the chosen card one column across or one place up or down."""
        goal_id = self.views[lane].current_goal()
        row = self.models[lane].row_of(goal_id) if goal_id is not None else None
        if goal_id is None or row is None:
            return
        if columns:
            number = BOARD_LANES.index(lane) + columns
            if not 0 <= number < len(BOARD_LANES):
                return
            target = BOARD_LANES[number]
            index = min(row, self.models[target].rowCount())
        else:
            target, index = lane, row + places
            if not 0 <= index < self.models[lane].rowCount():
                return
        if self.move_goal(goal_id, lane, target, index):
            self.views[target].setFocus()

    # Editing

    def new_goal(self) -> None:
        """Add a goal at the end of Next."""
        from regroup.gui.goals.goal_dialog import GoalDialog

        dialog = GoalDialog(self.profile.goals, parent=self)
        if dialog.exec() and dialog.record is not None:
            self.reload()
            self.select_goal(dialog.record.id)
            self._announce()

    def edit_goal(self) -> None:
        """Edit the chosen goal's title, category, due date and outcome."""
        from regroup.gui.goals.goal_dialog import GoalDialog

        chosen = self.chosen()
        if chosen is None:
            return
        try:
            record = self.profile.goals.get(chosen[1])
        except RegroupError as exc:
            self._notify(str(exc), Tone.ERROR)
            self.reload()
            return
        source = None
        if record.source_debrief_id is not None:
            source = self.source_name(record.source_debrief_id)
        dialog = GoalDialog(self.profile.goals, record, source, self)
        if dialog.exec() and dialog.record is not None:
            self.reload()
            self._announce()

    def put_away(self, lane: Lane) -> None:
        """Archive or drop the chosen goal: off the board, kept in the shelf dialog."""
        chosen = self.chosen()
        if chosen is None:
            return
        if self.move_goal(chosen[1], chosen[0], lane, 0):
            self._notify(f"The goal is in {LANE_LABELS[lane]}: see “Archived and dropped…”.")

    def delete_goal(self) -> None:
        """Delete the chosen goal for good, once the person confirms."""
        chosen = self.chosen()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete this goal?",
            "The goal is deleted for good. To keep it out of sight instead, archive or drop it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.profile.goals.delete(chosen[1])
        except RegroupError as exc:
            self._notify(f"Not deleted: {exc}", Tone.ERROR)
        self.models[chosen[0]].take(chosen[1])
        self._count()
        self._enable()
        self._announce()

    def open_source(self) -> None:
        """Show the debrief the chosen goal came from."""
        chosen = self.chosen()
        if chosen is None:
            return
        model = self.models[chosen[0]]
        row = model.row_of(chosen[1])
        if row is not None and model.cards[row].source_debrief_id is not None:
            self.context.open("debriefs", model.cards[row].source_debrief_id)

    def open_shelf(self) -> None:
        """Show archived and dropped goals; they can go back to Next or be deleted."""
        from regroup.gui.goals.shelf_dialog import GoalShelfDialog

        dialog = GoalShelfDialog(
            self.profile.goals, self.profile.clock.today, self.source_name, self
        )
        dialog.exec()
        if dialog.changed:
            self.reload()
            self._announce()
