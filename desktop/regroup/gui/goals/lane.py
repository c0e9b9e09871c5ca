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
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem, QWidget

from regroup.core.goals.types import CATEGORY_LABELS, LANE_LABELS, GoalCard, Lane
from regroup.gui.kit.dates import format_day
from regroup.gui.kit.row_view import RowDelegate, RowView, draw_line, ink, inside

GOAL_MIME = "application/x-regroup-goal"
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
GOAL_ID_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE_COLOUR = "#b3261e"
PADDING = 6

Mover = Callable[[int, Lane, Lane, int], bool]
"""Moves goal ``id`` from one lane to another at ``index``; False when it did not."""


def card_details(card: GoalCard, today: date, source: str | None) -> tuple[str, bool]:
    """Return a card's second line and whether its due date has passed."""
    parts = [CATEGORY_LABELS[card.category]] if card.category else []
    overdue = card.due_on is not None and card.due_on < today and card.lane is not Lane.DONE
    if card.due_on is not None:
        parts.append(f"{'Overdue: ' if overdue else 'Due '}{format_day(card.due_on)}")
    if source:
        parts.append(f"From: {source}")
    return " · ".join(parts), overdue


class LaneModel(QAbstractListModel):
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
            return f"{card.title}. {self.details(card)[0]}"
        return None

    def details(self, card: GoalCard) -> tuple[str, bool]:
        """Return the card's second line and whether it is overdue."""
        source = None
        if card.source_debrief_id is not None:
            source = self._source_name(card.source_debrief_id)
        return card_details(card, self._today(), source)

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


class CardDelegate(RowDelegate):
    """Paints a card: a framed box with the title, then category, due date and source."""

    air = 3 * PADDING
    width_hint = 160

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Qt: the card frame, the title in bold and the details line."""
        card = index.data(CARD_ROLE)
        if not isinstance(card, GoalCard):
            return
        model = index.model()
        assert isinstance(model, LaneModel)
        details, overdue = model.details(card)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        box = QRect(option.rect).adjusted(2, 2, -2, -2)
        with inside(painter, option.rect):
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            fill = palette.color(
                QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
            )
            painter.setBrush(fill)
            edge = QColor(OVERDUE_COLOUR) if overdue else palette.color(QPalette.ColorRole.Mid)
            painter.setPen(QPen(edge, 2 if overdue else 1))
            painter.drawRoundedRect(box, 5, 5)
            line = option.fontMetrics.lineSpacing()
            inner = box.adjusted(PADDING, PADDING // 2, -PADDING, -PADDING // 2)
            bold = QFont(option.font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(ink(option))
            draw_line(painter, QRect(inner.left(), inner.top(), inner.width(), line), card.title)
            painter.setFont(option.font)
            dim = QColor(OVERDUE_COLOUR) if overdue else QPalette.ColorRole.PlaceholderText
            painter.setPen(ink(option, dim))
            top = inner.top() + line + PADDING // 2
            draw_line(painter, QRect(inner.left(), top, inner.width(), line), details)


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
