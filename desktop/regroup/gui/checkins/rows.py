"""The Check-ins list's rows: a status chip over each group, two lines for each check-in.

Rows are painted, not built from widgets, so a list of thousands of answered
check-ins costs no more to show than a short one. Every row is the same height and
elides its lines with "…" (the whole text is in its tooltip), so a long company
or role never asks the window for more width.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem, QTreeWidgetItem

from regroup.core.checkins.types import CheckinItem
from regroup.gui.checkins.form import local_text
from regroup.gui.kit import theme
from regroup.gui.kit.row_view import RowDelegate, draw_line, fit, ink, inside, is_selected

ID_ROLE = Qt.ItemDataRole.UserRole
TITLE_ROLE = Qt.ItemDataRole.UserRole + 1
WHEN_ROLE = Qt.ItemDataRole.UserRole + 2
CHIP_ROLE = Qt.ItemDataRole.UserRole + 3
"""On a group's row: the chip it shows, a name of the theme's chip colours."""

SECTIONS = (
    ("due", "Due now", "accent"),
    ("missed", "Missed", "warning"),
    ("upcoming", "Coming up", "neutral"),
    ("done", "Done", "done"),
)
"""Each group of the list: its key in the overview, its chip's words and colour.

Missed is a calm "warning", never the red of "overdue": nobody is scolded for a
check-in that came while Regroup was closed.
"""


def when_text(item: CheckinItem, section: str) -> str:
    """Return the second line of a check-in's row: when it came, comes or closed."""
    checkin = item.checkin
    if section == "done" and checkin.done_at is not None:
        return f"Closed {local_text(checkin.done_at)}"
    if section == "upcoming":
        return f"Due {local_text(checkin.next_due_at)}"
    if section == "missed":
        return f"Came due {local_text(checkin.next_due_at)}"
    return f"Due since {local_text(checkin.next_due_at)}"


def group_row(title: str, chip: str, count: int) -> QTreeWidgetItem:
    """Return a group's row: its chip and how many it holds (not selectable)."""
    row = QTreeWidgetItem([f"{title} ({count})"])
    row.setFlags(Qt.ItemFlag.ItemIsEnabled)
    row.setData(0, TITLE_ROLE, title)
    row.setData(0, WHEN_ROLE, str(count))
    row.setData(0, CHIP_ROLE, chip)
    return row


def checkin_row(item: CheckinItem, section: str) -> QTreeWidgetItem:
    """Return a check-in's row: its debrief's name over when it is due."""
    when = when_text(item, section)
    row = QTreeWidgetItem([f"{item.title} · {when}"])
    row.setData(0, ID_ROLE, item.checkin.id)
    row.setData(0, TITLE_ROLE, item.title)
    row.setData(0, WHEN_ROLE, when)
    row.setToolTip(0, f"{item.title}\n{when}")
    return row


def chip_colour(palette: QPalette, chip: str) -> QColor:
    """Return the colour of a chip: the theme's colour of that name, the border's for others."""
    del palette  # the theme follows the scheme on show
    return theme.colour(chip if chip in ("accent", "warning", "done") else "border")


class CheckinRowDelegate(RowDelegate):
    """Paints a group's chip and count, and each check-in's two lines."""

    air = 12

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Qt: a chip for a group's row, two elided lines for a check-in's."""
        chip = index.data(CHIP_ROLE)
        title = str(index.data(TITLE_ROLE) or "")
        second = str(index.data(WHEN_ROLE) or "")
        rect = option.rect
        with inside(painter, rect):
            if chip:
                self._paint_group(painter, option, str(chip), title, second)
                return
            self.paint_ground(painter, option, index)
            selected = is_selected(option, index)
            metrics = option.fontMetrics
            line = metrics.lineSpacing()
            text = rect.adjusted(8, self.air // 2, -8, 0)
            painter.setPen(ink(option, selected=selected))
            bold = QFont(option.font)
            bold.setBold(True)
            painter.setFont(bold)
            draw_line(painter, QRect(text.left(), text.top(), text.width(), line), title)
            painter.setFont(option.font)
            painter.setPen(ink(option, selected=selected))  # "text_muted", still AA on the surface
            draw_line(painter, QRect(text.left(), text.top() + line, text.width(), line), second)

    def _paint_group(
        self, painter: QPainter, option: QStyleOptionViewItem, chip: str, title: str, count: str
    ) -> None:
        """Draw a group's chip at the foot of its (taller) row, leaving air above it."""
        rect = option.rect
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        height = metrics.height() + 8
        words = fit(metrics, title, max(0, rect.width() - 64))
        width = metrics.horizontalAdvance(words) + 16
        top = rect.bottom() - height - 2
        box = QRectF(rect.left() + 4, top, width, height)
        colour = chip_colour(option.palette, chip)
        fill = QColor(colour)
        fill.setAlpha(40)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(colour)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, height / 2, height / 2)
        painter.setPen(theme.colour("text"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, words)
        painter.setFont(option.font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))  # the theme's "text_muted"
        after = QRect(int(box.right()) + 8, int(top), 48, int(height))
        painter.drawText(after, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, count)
