"""How a goal card reads and is painted: title, category colour, a due chip, its debrief.

Cards are painted, not widgets: the board may hold ten thousand goals, and only
the cards on screen are drawn. Everything a card shows comes from its GoalCard
and the debrief names the board already keeps, so painting reads nothing.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QStyleOptionViewItem

from regroup.core.goals.types import CATEGORY_LABELS, GoalCard, GoalCategory, Lane
from regroup.core.record import record
from regroup.gui.kit.dates import format_short_day
from regroup.gui.kit.row_view import RowDelegate, draw_line, fit, ink, inside, is_selected

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
PADDING = 8
GAP = 4
STRIPE = 4
DOT = 8
CHIP_AIR = 8


def short_day(day: date, today: date) -> str:
    """Return a day as a card says it: "3 Dec", with the year when it is not this year's."""
    return format_short_day(day, today)


@record
class CardFace:
    """What a card shows besides its title."""

    category: GoalCategory | None = None
    due: str = ""
    """The due chip's words ("Due 3 Dec", "Was due 3 Dec"), or "" without a due date."""
    overdue: bool = False
    source: str = ""
    """ "From: <debrief>", or "" when the goal did not come from a debrief."""

    @property
    def category_label(self) -> str:
        """The category's name, or "" without one."""
        return CATEGORY_LABELS[self.category] if self.category else ""

    def spoken(self) -> str:
        """Return the card's details as one line, for screen readers."""
        parts = (self.category_label, self.due, self.source)
        return " · ".join(part for part in parts if part)


def card_face(card: GoalCard, today: date, source: str | None) -> CardFace:
    """Return what a card shows. A due date that passed reads kindly, never in Done."""
    due, overdue = "", False
    if card.due_on is not None:
        overdue = card.due_on < today and card.lane is not Lane.DONE
        if overdue:
            due = f"Was due {short_day(card.due_on, today)}"
        elif card.due_on == today and card.lane is not Lane.DONE:
            due = "Due today"
        else:
            due = f"Due {short_day(card.due_on, today)}"
    return CardFace(card.category, due, overdue, f"From: {source}" if source else "")


def category_colour(category: GoalCategory, palette: QPalette) -> QColor:
    """Return a category's calm colour, the same for a category every time."""
    # Hue steps from the accent, not theme.category_colour: a hash could give two of
    # the few categories one colour, and the board must tell them apart.
    accent = palette.color(QPalette.ColorRole.Highlight)
    step = list(GoalCategory).index(category)
    return QColor.fromHsv((max(accent.hsvHue(), 0) + 60 * step) % 360, 110, 200)


class FacedModel(QAbstractListModel):
    """A list of cards that knows each card's face (the lanes of the board)."""

    def face(self, card: GoalCard) -> CardFace:
        """Return what ``card`` shows; a lane knows today and the debrief names."""
        raise NotImplementedError


def draw_chip(painter: QPainter, left: int, top: int, height: int, text: str, ink: QColor) -> int:
    """Draw a small rounded label in ``ink`` on a tint of it; return its width."""
    width = painter.fontMetrics().horizontalAdvance(text) + 2 * CHIP_AIR
    box = QRectF(left, top, width, height)
    tint = QColor(ink)
    tint.setAlphaF(0.14)  # a tint of the ink: the chip reads in both schemes
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(tint)
    painter.drawRoundedRect(box, height / 2, height / 2)
    painter.setPen(ink)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    return width


class CardDelegate(RowDelegate):
    """Paints a card: a rounded box with a category stripe and three lines.

    The title in bold; the category and due chip; the debrief it came from.
    """

    lines = 3
    air = 2 * PADDING + 2 * GAP + 6
    width_hint = 160

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Qt: the card, from its GoalCard and the face the lane model gives it."""
        card = index.data(CARD_ROLE)
        if not isinstance(card, GoalCard):
            return
        model = index.model()
        assert isinstance(model, FacedModel)
        face = model.face(card)
        palette = option.palette
        selected = is_selected(option, index)
        box = QRect(option.rect).adjusted(3, 3, -3, -3)
        with inside(painter, option.rect):
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            outline = QPainterPath()
            outline.addRoundedRect(QRectF(box), 6, 6)
            role = QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
            painter.fillPath(outline, palette.color(role))  # the theme sets Base to "surface"
            stripe = 0
            if face.category is not None:
                stripe = STRIPE
                painter.setClipPath(outline, Qt.ClipOperation.IntersectClip)
                colour = category_colour(face.category, palette)
                painter.fillRect(QRect(box.left(), box.top(), STRIPE, box.height()), colour)
                painter.setClipRect(option.rect)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))  # "border"
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(outline)
            inner = box.adjusted(PADDING + stripe, PADDING, -PADDING, -PADDING)
            self._paint_words(painter, option, inner, card.title, face, selected)

    @staticmethod
    def _paint_words(
        painter: QPainter,
        option: QStyleOptionViewItem,
        inner: QRect,
        title: str,
        face: CardFace,
        selected: bool,
    ) -> None:
        line = option.fontMetrics.lineSpacing()
        middle = face.category is not None or bool(face.due)
        unused = CardDelegate.lines - 1 - middle - bool(face.source)
        top = inner.top() + unused * (line + GAP) // 2  # fewer lines sit in the middle
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(ink(option, selected=selected))
        draw_line(painter, QRect(inner.left(), top, inner.width(), line), title)
        painter.setFont(option.font)
        metrics = painter.fontMetrics()
        dim = ink(option, QPalette.ColorRole.PlaceholderText, selected)  # "text_muted"
        top += line + GAP
        left = inner.left()
        if face.category is not None:
            dot = QRectF(left, top + (line - DOT) / 2, DOT, DOT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(category_colour(face.category, option.palette))
            painter.drawEllipse(dot)
            left += DOT + GAP
            chip = metrics.horizontalAdvance(face.due) + 2 * CHIP_AIR + 2 * GAP if face.due else 0
            room = inner.right() - left - chip  # the due date matters more than the label
            label = fit(metrics, face.category_label, room) if room > 2 * DOT else ""
            painter.setPen(dim)
            painter.drawText(
                QRect(left, top, max(room, 0), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            left += metrics.horizontalAdvance(label) + 2 * GAP if label else 0
        if face.due and inner.right() - left > 2 * CHIP_AIR:
            chip_ink = ink(option, "overdue" if face.overdue else QPalette.ColorRole.Text, selected)
            room = inner.right() - left - 2 * CHIP_AIR
            draw_chip(painter, left, top, line, fit(metrics, face.due, room), chip_ink)
        if face.source:
            if middle:
                top += line + GAP
            painter.setPen(dim)
            draw_line(painter, QRect(inner.left(), top, inner.width(), line), face.source)
