"""Notices that float over the page: short-lived cards at the bottom of the window.

A notice placed in a page's layout pushes everything below it down, so the button
under the cursor moves just as the person clicks it. A toast is a child of the
window but in no layout: it covers a strip of the page for a few seconds and moves
nothing. Autosave failures, Undo offers, reminders and recovery drafts all use it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCursor,
    QEnterEvent,
    QKeyEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from regroup.gui.kit.data_events import DataEvents

Action = tuple[str, Callable[[], None]]
"""A button's title and what it does; pressing it also closes the toast."""

SHORT_MS = 5000
"""Long enough to read one sentence twice."""
WITH_ACTION_MS = 10000
"""Time to read, move the mouse and press Undo."""
MARGIN = 16
MAX_WIDTH = 560
MIN_WIDTH = 320
MOST_SHOWN = 3
"""Older toasts give way: a pile of notices would cover the page."""


class Tone(Enum):
    """What kind of news a toast brings; a problem is announced to screen readers at once."""

    INFO = "info"
    ERROR = "error"


class Toast(QFrame):
    """One notice: its words, an action or two, and a close button.

    ``dismissed`` fires once, however it goes: by its timer, Esc, its buttons, a newer
    toast with the same key, or the page taking it back.
    """

    dismissed = Signal()

    def __init__(
        self,
        text: str,
        tone: Tone,
        actions: Sequence[Action],
        *,
        duration_ms: int | None,
        closable: bool,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setProperty("card", True)
        self.setProperty("tone", tone.value)
        # The card style draws the box; Base (the theme's "surface") fills under the shadow.
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        from PySide6.QtWidgets import QGraphicsDropShadowEffect  # its Python type costs start-up

        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(24)
        shadow.setOffset(0, 4)
        shade = self.palette().color(QPalette.ColorRole.Shadow)
        shade.setAlpha(90)
        shadow.setColor(shade)
        self.setGraphicsEffect(shadow)
        self.tone = tone
        self.closable = closable
        self._gone = False
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setProperty("textStyle", "body")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        kind = "Problem" if tone is Tone.ERROR else "Notice"
        self.setAccessibleName(kind)
        self.setAccessibleDescription(text)
        self.label.setAccessibleName(f"{kind}: {text}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 8, 12)
        layout.setSpacing(8)
        layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        for title, callback in actions:
            button = QPushButton(title)
            button.setAccessibleName(title)
            button.setAccessibleDescription(text)
            button.clicked.connect(self.dismiss)
            button.clicked.connect(lambda _checked=False, callback=callback: callback())
            layout.addWidget(button)
            self.buttons.append(button)
        self.close_button = QPushButton("×")
        self.close_button.setFlat(True)
        self.close_button.setAccessibleName("Close this notice")
        self.close_button.setToolTip("Close this notice (Esc)")
        self.close_button.clicked.connect(self.dismiss)
        if not closable:  # (setVisible(True) here, before the toast shows, took focus away)
            self.close_button.hide()
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.duration_ms = duration_ms
        self._remaining = duration_ms
        self._hovered = False

    def button(self, title: str) -> QPushButton | None:
        """Return the action button called ``title`` (for tests and keyboard focus)."""
        return next((b for b in self.buttons if b.text() == title), None)

    def natural_width(self) -> int:
        """The width that keeps each line of the words on one line (a wrapped hint is narrow)."""
        lines = self.label.fontMetrics().boundingRect(QRect(0, 0, 4000, 4000), 0, self.text())
        return lines.width() + self.sizeHint().width() - self.label.sizeHint().width() + 4

    def text(self) -> str:
        """Return the words on the toast."""
        return self.label.text()

    @property
    def is_gone(self) -> bool:
        """True once the toast was dismissed (it is deleted soon after)."""
        return self._gone

    # Time

    def run_clock(self, running: bool) -> None:
        """Count down only while the window is active and the pointer is not on the toast."""
        if self._remaining is None or self._gone:
            return
        if running and not self._hovered and not self._timer.isActive():
            self._timer.start(max(self._remaining, 1))
        elif not running and self._timer.isActive():
            self._remaining = self._timer.remainingTime()
            self._timer.stop()

    def enterEvent(self, event: QEnterEvent) -> None:
        """Qt: someone is reading or about to press a button; hold the toast.

        Qt also sends Enter when a widget appears or moves while the pointer is
        elsewhere; only a pointer really on the toast holds it.
        """
        self._hovered = self.rect().contains(self.mapFromGlobal(QCursor.pos()))
        self.run_clock(not self._hovered and self.window().isActiveWindow())
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        """Qt: the pointer left; the rest of the time runs on."""
        self._hovered = False
        self.run_clock(self.window().isActiveWindow())
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt: Esc on the toast (or on its button) closes it."""
        if event.key() == Qt.Key.Key_Escape and self.closable:
            self.dismiss()
            return
        super().keyPressEvent(event)

    def dismiss(self) -> None:
        """Hide the toast for good."""
        if self._gone:
            return
        self._gone = True
        self._timer.stop()
        self.hide()
        self.dismissed.emit()
        self.deleteLater()

    def announce(self) -> None:
        """Tell screen readers, which do not notice a widget that merely appears."""
        # Imported here: building QAccessible's Python enums cost every start about 6 ms.
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

        politeness = (
            QAccessible.AnnouncementPoliteness.Assertive
            if self.tone is Tone.ERROR
            else QAccessible.AnnouncementPoliteness.Polite
        )
        event = QAccessibleAnnouncementEvent(self, self.label.text())
        event.setPoliteness(politeness)
        QAccessible.updateAccessibility(event)


class ToastHost(QObject):
    """Shows toasts over ``window``'s content, newest at the bottom, and places them.

    With ``events``, a toast given ``drop_when`` is checked after every data change
    and goes once that is true: an Undo for an entry that came back another way (the
    Trash, the command line) would otherwise offer to restore it again.
    """

    def __init__(self, window: QWidget, events: DataEvents | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.toasts: list[Toast] = []
        self._keys: dict[Toast, str] = {}
        self._drop_when: dict[Toast, Callable[[], bool]] = {}
        self._owners: dict[Toast, QWidget] = {}
        window.installEventFilter(self)
        if events is not None:
            events.anything_changed.connect(self.check_drops)

    def show(
        self,
        text: str,
        tone: Tone = Tone.INFO,
        actions: Sequence[Action] = (),
        *,
        key: str = "",
        sticky: bool = False,
        closable: bool = True,
        duration_ms: int | None = None,
        drop_when: Callable[[], bool] | None = None,
        owner: QWidget | None = None,
    ) -> Toast:
        """Show a toast and return it.

        A toast with the same non-empty ``key`` is replaced. ``sticky`` keeps it until
        it is closed or taken back (a save that keeps failing); otherwise it goes
        after ``duration_ms``, by default a few seconds, more when there is a button.
        A toast with an ``owner`` (the page it speaks of) shows only while that does.
        """
        if key:
            self.dismiss(key)
        if sticky:
            duration = None
        elif duration_ms is not None:
            duration = duration_ms
        else:
            duration = WITH_ACTION_MS if actions or tone is Tone.ERROR else SHORT_MS
        toast = Toast(
            text, tone, actions, duration_ms=duration, closable=closable, parent=self.window
        )
        toast.dismissed.connect(lambda toast=toast: self._forget(toast))
        self.toasts.append(toast)
        if key:
            self._keys[toast] = key
        if drop_when is not None:
            self._drop_when[toast] = drop_when
        if owner is not None:
            self._owners[toast] = owner
            owner.installEventFilter(self)
        while len(self.toasts) > MOST_SHOWN:  # a choice still waiting (sticky) stays longest
            passing = [t for t in self.toasts if t.duration_ms is not None]
            (passing or self.toasts)[0].dismiss()
        self.place()
        toast.run_clock(self.window.isActiveWindow())
        toast.announce()
        return toast

    def offer_undo(
        self, text: str, undo: Callable[[], None], back: Callable[[], bool], owner: QWidget
    ) -> Toast:
        """Offer to undo what ``text`` says was done, until ``back`` tells it was undone anyway."""
        return self.show(text, actions=[("Undo", undo)], drop_when=back, owner=owner)

    def dismiss(self, key: str) -> None:
        """Take back the toast shown with ``key``, if it is still there."""
        for toast, shown_key in list(self._keys.items()):
            if shown_key == key:
                toast.dismiss()

    def latest(self, key: str | None = None) -> Toast | None:
        """Return the newest toast on show (with ``key``, when given)."""
        for toast in reversed(self.toasts):
            if key is None or self._keys.get(toast) == key:
                return toast
        return None

    def check_drops(self) -> None:
        """Data changed: drop the toasts whose reason is gone."""
        for toast, gone in list(self._drop_when.items()):
            if gone():
                toast.dismiss()

    def _forget(self, toast: Toast) -> None:
        if toast in self.toasts:
            self.toasts.remove(toast)
        self._keys.pop(toast, None)
        self._drop_when.pop(toast, None)
        self._owners.pop(toast, None)
        self.place()

    def place(self) -> None:
        """Stack the toasts bottom-centre over the content, above the status bar."""
        area = self.window.rect()
        central = getattr(self.window, "centralWidget", None)
        content = central() if callable(central) else None
        if content is not None:
            area = content.geometry()
        widest = max(min(MAX_WIDTH, area.width() - 2 * MARGIN), MIN_WIDTH)
        bottom = area.bottom() - MARGIN
        for toast in reversed(self.toasts):
            owner = self._owners.get(toast)
            if owner is not None and not owner.isVisible():
                toast.hide()
                continue
            width = min(widest, max(toast.natural_width(), MIN_WIDTH))
            height = max(toast.heightForWidth(width), toast.minimumSizeHint().height())
            toast.setGeometry(area.center().x() - width // 2, bottom - height + 1, width, height)
            toast.show()  # after it is in place: shown at (0, 0) it took the pointer as on it
            toast.raise_()
            bottom -= height + 8

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt: follow the window's size, and pause the clocks while it is not in front."""
        kind = event.type()
        if watched is not self.window:
            if kind in (QEvent.Type.Show, QEvent.Type.Hide) and watched in self._owners.values():
                self.place()
        elif kind in (QEvent.Type.Resize, QEvent.Type.LayoutRequest, QEvent.Type.Show):
            if self.toasts:
                self.place()
        elif kind == QEvent.Type.WindowActivate:
            for toast in self.toasts:
                toast.run_clock(True)
        elif kind in (QEvent.Type.WindowDeactivate, QEvent.Type.Hide):
            for toast in self.toasts:
                toast.run_clock(False)
        return False


def toasts_for(widget: QWidget, events: DataEvents | None = None) -> ToastHost:
    """Return the toast host of ``widget``'s window, making one there if it has none.

    The main window makes its own with the app's data events; a page or dialog shown
    on its own (in a test) gets one on its own top-level widget.
    """
    window = widget.window()
    host = window.findChild(ToastHost, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return host if host is not None else ToastHost(window, events)
