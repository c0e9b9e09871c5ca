"""The mood picker: five faces with their words, one click to choose, and one for none.

A drop-down hid the moods behind a click and a list of numbers. Here every mood is
in sight. It behaves like a radio group: Tab comes in on the chosen face (or the
first), the arrow keys move the choice, 1 to 5 choose, 0, Delete or Backspace clear,
and clicking the chosen face again clears it too. The colours are calm and never red
for a low mood: the lowest is the quietest, the highest the accent.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

from regroup.gui.kit import theme

FACE_SIZE = 20
CLEAR_KEYS = (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


def mood_colour(palette: QPalette, mood: int) -> QColor:
    """Return mood ``mood``'s colour from the theme: calm hues, never red for a low day."""
    del palette  # the theme follows the scheme on show
    return theme.colour(f"mood{mood}")


def face_icon(palette: QPalette, mood: int | None, size: int = FACE_SIZE) -> QIcon:
    """Draw a round face for ``mood`` (its mouth from a frown to a smile); None: a ring."""
    ratio = 2
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = palette.color(QPalette.ColorRole.WindowText)  # the theme's "text"
    painter.setPen(QPen(ink, 1.2))
    box = QRectF(1, 1, size - 2, size - 2)
    if mood is None:
        painter.setPen(QPen(ink, 1.2, Qt.PenStyle.DashLine))
        painter.drawEllipse(box)
        painter.end()
        return QIcon(pixmap)
    painter.setBrush(mood_colour(palette, mood))
    painter.drawEllipse(box)
    painter.setBrush(ink)
    eye = size * 0.07
    for x in (0.36, 0.64):
        painter.drawEllipse(QPointF(size * x, size * 0.4), eye, eye)
    curve = (mood - 3) / 2  # -1 a frown, 0 straight, 1 a smile
    mouth = QPainterPath(QPointF(size * 0.32, size * 0.66))
    mouth.quadTo(
        QPointF(size * 0.5, size * (0.66 + 0.16 * curve)), QPointF(size * 0.68, size * 0.66)
    )
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(ink, 1.4))
    painter.drawPath(mouth)
    painter.end()
    return QIcon(pixmap)


class MoodPicker(QWidget):
    """Moods 1 to 5 (``labels``) and a "none" choice named ``blank``; None means no mood.

    ``value_changed`` gives the new mood (or None) whenever it changes, by the person
    or by :meth:`set_value`.
    """

    value_changed = Signal(object)

    def __init__(
        self,
        name: str,
        labels: Mapping[int, str],
        blank: str = "No mood",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._value: int | None = None
        self.buttons: dict[int | None, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for mood, label in [(None, blank), *labels.items()]:
            button = QToolButton()
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setText(label)
            button.setIconSize(QSize(FACE_SIZE, FACE_SIZE))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setAccessibleName(blank if mood is None else f"Mood {mood} of 5: {label}")
            button.setToolTip(blank if mood is None else f"{label} (key {mood})")
            button.clicked.connect(lambda _checked=False, m=mood: self._clicked(m))
            button.installEventFilter(self)
            self.buttons[mood] = button
            layout.addWidget(button)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(name)
        self._paint_faces()
        self._show_choice()

    def value(self) -> int | None:
        """Return the chosen mood, or None."""
        return self._value

    def set_value(self, mood: int | None) -> None:
        """Choose ``mood`` (None, or one not offered: no mood)."""
        mood = mood if mood in self.buttons else None
        if mood == self._value:
            self._show_choice()
            return
        self._value = mood
        self._show_choice()
        self.value_changed.emit(mood)

    def _clicked(self, mood: int | None) -> None:
        self.set_value(None if mood == self._value else mood)

    def _show_choice(self) -> None:
        """Check the chosen button only, and make it the one Tab comes in on."""
        for mood, button in self.buttons.items():
            chosen = mood == self._value
            button.setChecked(chosen)
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if chosen else Qt.FocusPolicy.ClickFocus
            )
        chosen_text = self.buttons[self._value].text()
        self.setAccessibleDescription(f"{self._name}: {chosen_text}")
        self.setFocusProxy(self.buttons[self._value])

    def _paint_faces(self) -> None:
        for mood, button in self.buttons.items():
            button.setIcon(face_icon(self.palette(), mood))

    def changeEvent(self, event: QEvent) -> None:
        """Qt: paint the faces again when the colours change (light or dark)."""
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_faces()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt: the arrow keys and 0 to 5 choose, as in a radio group."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        moods = list(self.buttons)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            forward = key in (Qt.Key.Key_Right, Qt.Key.Key_Down)
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft and key in (
                Qt.Key.Key_Left,
                Qt.Key.Key_Right,
            ):
                forward = not forward
            step = moods.index(self._value) + (1 if forward else -1)
            self._choose_by_key(moods[max(0, min(len(moods) - 1, step))])
            return True
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_5 and (key - Qt.Key.Key_0) in self.buttons:
            self._choose_by_key(key - Qt.Key.Key_0)
            return True
        if key in CLEAR_KEYS:
            self._choose_by_key(None)
            return True
        return super().eventFilter(watched, event)

    def _choose_by_key(self, mood: int | None) -> None:
        self.set_value(mood)
        self.buttons[mood].setFocus(Qt.FocusReason.TabFocusReason)
