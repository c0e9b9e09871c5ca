"""Where the words go: the body's writing surface, and the measure it shares with the preview.

Lines of about seventy characters are the easiest to read; in a maximised window
they would otherwise run across the whole screen. The body and the Markdown
preview (:mod:`regroup.gui.diary.preview`) keep their full
width (the scroll bar stays at the edge and the wheel scrolls anywhere over them)
and grow equal side margins instead, recomputed when the widget is resized or its
font changes. The body stays a plain-text edit: a 5 MB paste is laid out lazily,
a block at a time, as before; its layout only spaces the lines of the blocks
it has laid out (Qt's plain-text layout has no line height of its own).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QPlainTextDocumentLayout, QPlainTextEdit, QWidget

from regroup.gui.kit.viewports import viewport_of

MEASURE_CHARS = 70
"""The line length aimed at, in average characters of the body font."""
SIDE_MIN = 12
LINE_HEIGHT_PERCENT = 150
FONT_SCALE = 1.15
"""The body reads a little larger than the controls around it."""


def measure_width(area: QAbstractScrollArea) -> int:
    """Return the width in pixels of a line of :data:`MEASURE_CHARS` characters."""
    return MEASURE_CHARS * area.fontMetrics().averageCharWidth()


def text_room(area: QAbstractScrollArea) -> int:
    """Return the width the text and its side margins share: the viewport's, margins included.

    The viewport is reached through :func:`viewport_of`: a plain ``viewport()`` call
    would make PySide build a class for every widget type (~20 ms) at the Diary's start.
    """
    margins = area.viewportMargins()
    return viewport_of(area).width() + margins.left() + margins.right()


def keep_measure(area: QAbstractScrollArea) -> bool:
    """Give ``area`` equal side margins so its text is one measure wide, centred.

    Returns whether the margins changed. The caller lays the text out afterwards:
    the viewport's own resize event is not always delivered while the area is
    itself being resized, which left the text wrapped at the old width.
    """
    margins = area.viewportMargins()
    side = max(SIDE_MIN, (text_room(area) - measure_width(area)) // 2)
    if side == margins.left() and side == margins.right():
        return False
    area.setViewportMargins(side, 0, side, 0)
    return True


def writing_font(area: QWidget) -> None:
    """Set the calm, slightly larger body font (the theme's "writing" style, when on, too)."""
    area.setProperty("textStyle", "writing")
    font = area.font()
    font.setPointSizeF(font.pointSizeF() * FONT_SCALE)
    area.setFont(font)


def measured_event(
    area: QAbstractScrollArea,
    event: QEvent,
    handle: Callable[[QEvent], bool],
    lay_out: Callable[[QResizeEvent], None],
) -> bool:
    """Handle an area's event (``handle``: its own handling) with the measure's part.

    The wheel scrolls over the side margins too: Qt leaves events outside the
    viewport to the parent, so the margins would be dead. A new font means a
    new measure, and the text is laid out again in it.
    """
    if isinstance(event, QWheelEvent):
        area.wheelEvent(event)
        return True
    handled = handle(event)
    if event.type() == QEvent.Type.FontChange and keep_measure(area):
        lay_out(QResizeEvent(area.size(), area.size()))
    return handled


def nearest_point(area: QAbstractScrollArea, event: QMouseEvent) -> QPoint:
    """Return the viewport point nearest to a click in the margins."""
    viewport = viewport_of(area)
    point = viewport.mapFrom(area, event.position().toPoint())
    x = min(max(point.x(), 0), viewport.width() - 1)
    y = min(max(point.y(), 0), viewport.height() - 1)
    return QPoint(x, y)


class SpacedLayout(QPlainTextDocumentLayout):
    """Qt's plain-text layout with its lines :data:`LINE_HEIGHT_PERCENT` apart.

    Qt lays a block out when it is first shown or edited and then asks for its
    rectangle before painting it, hit-testing or scrolling to it; this spreads
    the block's lines at that moment (once per layout) and answers the taller
    rectangle. The cursor, clicks and scrolling all follow the lines' positions.
    """

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        """Qt: the block's rectangle, its lines spaced for reading."""
        rect = super().blockBoundingRect(block)
        layout = block.layout()
        count = layout.lineCount()
        if rect.isNull() or count == 0:
            return rect
        first = layout.lineAt(0)
        spread = first.y() > 0  # Qt puts a fresh layout's first line at the very top
        top = 0.0
        for number in range(count):
            line = layout.lineAt(number)
            step = math.ceil(line.height() * LINE_HEIGHT_PERCENT / 100)
            if not spread:
                line.setPosition(QPointF(line.x(), top + (step - line.height()) / 2))
            top += step
        if not block.next().isValid():
            top += self.document().documentMargin()
        return QRectF(rect.x(), rect.y(), rect.width(), top)


class WritingSurface(QPlainTextEdit):
    """The body's plain-text editor, one readable measure wide whatever the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = QTextDocument(self)
        self._layout = SpacedLayout(self._document)  # kept: Qt calls back into it
        self._document.setDocumentLayout(self._layout)
        self.setDocument(self._document)
        writing_font(self)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the viewport's own role
        self.setAutoFillBackground(True)  # the margins read as part of the page

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt: re-centre the measure for the new width, then lay the text out in it."""
        keep_measure(self)
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        """Qt: a click in the margins puts the cursor at the nearest place in the text.

        The wheel scrolls over the margins too, and a new font gets a new measure.
        """
        if (
            isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseButtonPress
            and event.button() == Qt.MouseButton.LeftButton
        ):
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.setTextCursor(self.cursorForPosition(nearest_point(self, event)))
            return True
        return measured_event(self, event, super().event, super().resizeEvent)

    def insert_heading(self, text: str) -> None:
        """Insert ``text`` as a Markdown heading and put the cursor under it (one undo step).

        In an empty body the heading goes at the top; otherwise it starts a new
        paragraph after the one the cursor is in.
        """
        heading = "## " + " ".join(text.split())
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if self.document().characterCount() > 1:
            cursor.movePosition(cursor.MoveOperation.EndOfBlock)
            block = cursor.block()
            if block.text().strip():
                heading = "\n\n" + heading
            elif block.previous().isValid() and block.previous().text().strip():
                heading = "\n" + heading
        cursor.insertText(heading + "\n\n")
        following = cursor.block().next()
        if cursor.block().text() == "" and following.isValid() and following.text().strip():
            cursor.insertText("\n")
            cursor.movePosition(cursor.MoveOperation.PreviousCharacter)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus()
