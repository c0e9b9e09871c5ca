"""One column of the goals board: a list model of cards, its painter and its view.

Cards are dragged as a goal id in their own MIME type. A drop does not move rows
itself: it hands (goal, from lane, to lane, index) to the board, which asks the
goals service to move the goal and then moves the one card between the models,
so a drop never reloads thousands of cards.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QWidget

from regroup.core.goals.types import LANE_LABELS, GoalCard, Lane
from regroup.gui.goals.card import CARD_ROLE, CardDelegate, CardFace, FacedModel, card_face
from regroup.gui.kit.row_view import RowView

GOAL_MIME = "application/x-regroup-goal"
GOAL_ID_ROLE = Qt.ItemDataRole.UserRole + 2
HINT_MARGIN = 16
EMPTY_HINTS = {
    Lane.NEXT: "Nothing here yet. Press New goal, or drag a card here.",
    Lane.DOING: "Nothing in progress. Drag a card here when you start on it.",
    Lane.DONE: "Finished goals rest here. Drag a card here when it is done.",
    Lane.ARCHIVED: "Nothing archived. Goals you archive wait here, out of the way.",
    Lane.DROPPED: "Nothing dropped. Goals you let go of are kept here.",
}
"""What an empty column says, in its own words for each lane."""

Mover = Callable[[int, Lane, Lane, int], bool]
"""Moves goal ``id`` from one lane to another at ``index``; False when it did not."""


class LaneModel(FacedModel):
    """The cards of one lane, in board order."""

    def __init__(
        self,
        lane: Lane,
        today: Callable[[], date],
        source_name: Callable[[int], str | None],
        mover: Mover,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lane = lane
        self.cards: list[GoalCard] = []
        self._today = today
        self._source_name = source_name
        self._mover = mover

    def set_cards(self, cards: Sequence[GoalCard]) -> None:
        """Replace every card."""
        self.beginResetModel()
        self.cards = list(cards)
        self.endResetModel()

    def row_of(self, goal_id: int) -> int | None:
        """Return the row of ``goal_id`` in this lane, if it is here."""
        return next((n for n, card in enumerate(self.cards) if card.id == goal_id), None)

    def take(self, goal_id: int) -> None:
        """Remove a card (after its goal moved away)."""
        row = self.row_of(goal_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.cards[row]
            self.endRemoveRows()

    def put(self, index: int, card: GoalCard) -> int:
        """Insert a card at ``index`` (clamped); return the row it landed on."""
        row = max(0, min(index, len(self.cards)))
        self.beginInsertRows(QModelIndex(), row, row)
        self.cards.insert(row, card)
        self.endInsertRows()
        return row

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Qt: how many cards."""
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        """Qt: a card's title, whole card, id and spoken text."""
        if not index.isValid():
            return None
        card = self.cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == CARD_ROLE:
            return card
        if role == GOAL_ID_ROLE:
            return card.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{card.title}. {self.face(card).spoken()}"
        return None

    def face(self, card: GoalCard) -> CardFace:
        """Return what the card shows: category, due chip and the debrief it came from."""
        source = None
        if card.source_debrief_id is not None:
            source = self._source_name(card.source_debrief_id)
        return card_face(card, self._today(), source)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        """Qt: cards can be picked and dragged; the lane accepts drops between them."""
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        """Qt: cards move; they are never copied (Qt drags with the same actions)."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        """Qt: the one type a card travels as."""
        return [GOAL_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Qt: the dragged card's goal id and lane."""
        data = QMimeData()
        valid = [index for index in indexes if index.isValid()]
        if valid:
            card = self.cards[valid[0].row()]
            payload = {"goal": card.id, "lane": self.lane.value}
            data.setData(GOAL_MIME, json.dumps(payload).encode())
            data.setText(card.title)
        return data

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """Qt: only cards, only moved."""
        return data.hasFormat(GOAL_MIME) and action in (
            Qt.DropAction.MoveAction,
            Qt.DropAction.CopyAction,
        )

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """Qt: move the dropped goal to this lane, before ``row`` (or onto ``parent``)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            payload = json.loads(bytes(data.data(GOAL_MIME).data()).decode())
            goal_id, from_lane = int(payload["goal"]), Lane(payload["lane"])
        except (ValueError, KeyError, TypeError):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.cards)
        index = row
        if from_lane is self.lane:
            old = self.row_of(goal_id)
            if old is None:
                return False
            if old < row:
                index -= 1  # the service counts the lane without the moved goal
        return self._mover(goal_id, from_lane, self.lane, index)


class LaneView(RowView):
    """A column of cards; drag and drop, and Ctrl+arrows to move the chosen card.

    A kit row view: no call per card after an insert or a scroll-to, which would
    cost tens of milliseconds for the 5,000 cards of a long Done column.
    """

    move_requested = Signal(int, int)
    """Columns to the right (+1) or left (-1), and places down (+1) or up (-1)."""

    def __init__(self, model: LaneModel, draggable: bool = True) -> None:
        super().__init__(CardDelegate(), f"{LANE_LABELS[model.lane]} goals")
        self.setModel(model)
        self.empty_hint = EMPTY_HINTS[model.lane]
        self.setAccessibleDescription(self.empty_hint)
        if draggable:
            self.setDragEnabled(True)
            self.setAcceptDrops(True)
            self.setDropIndicatorShown(True)
            self.setDragDropOverwriteMode(False)
            self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def lane_model(self) -> LaneModel:
        """Return the lane's model."""
        model = self.model()
        assert isinstance(model, LaneModel)
        return model

    def current_goal(self) -> int | None:
        """Return the id of the chosen card, if one is chosen."""
        indexes = self.selectionModel().selectedRows()
        return int(indexes[0].data(GOAL_ID_ROLE)) if indexes else None

    def select_goal(self, goal_id: int) -> bool:
        """Choose the card of ``goal_id`` and scroll to it; False if it is not in this lane."""
        row = self.lane_model().row_of(goal_id)
        if row is None:
            return False
        index = self.lane_model().index(row)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt: the cards; in an empty column, a kind word on what goes there.

        Painted rather than a label on top, so nothing moves when the first card lands.
        """
        super().paintEvent(event)
        if self.model().rowCount() or not self.empty_hint:
            return
        painter = QPainter(self.viewport())
        try:
            painter.setPen(
                self.palette().color(QPalette.ColorRole.PlaceholderText)
            )  # the theme's "text_muted"
            area = self.viewport().rect().adjusted(HINT_MARGIN, HINT_MARGIN, -HINT_MARGIN, 0)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(area, int(flags) | Qt.TextFlag.TextWordWrap, self.empty_hint)
        finally:
            painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt: Ctrl+arrows move the chosen card; other keys as usual."""
        moves = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        key = Qt.Key(event.key())
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and key in moves:
            self.move_requested.emit(*moves[key])
            event.accept()
            return
        super().keyPressEvent(event)
