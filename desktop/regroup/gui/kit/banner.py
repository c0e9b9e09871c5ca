"""A message strip at the top of a page, with a button or two; never modal.

Autosave may fail every few seconds while a disk is full: a dialog each time would
be unbearable, and a banner stays readable while the person keeps their text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from regroup.gui.kit import icons, theme

Action = tuple[str, Callable[[], None]]


class Tone(Enum):
    """What kind of news the banner brings: its colours, in the theme's style sheet."""

    INFO = "info"
    ERROR = "error"


class Banner(QFrame):
    """Shows one message at a time; a new message replaces the old one."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAccessibleName(name)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(f"{name} message")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 8, 8, 8)
        self._layout.setSpacing(8)
        self._layout.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self.close_button = QPushButton()
        self.close_button.setIcon(icons.icon("x"))
        self.close_button.setFlat(True)
        self.close_button.setAccessibleName(f"Close the {name.lower()}")
        self.close_button.setToolTip("Hide this message")
        self.close_button.clicked.connect(self.dismiss)
        self._layout.addWidget(self.close_button)
        self.hide()

    def show_message(
        self,
        text: str,
        tone: Tone = Tone.INFO,
        actions: Sequence[Action] = (),
        closable: bool = True,
    ) -> None:
        """Show ``text`` with a button per action; each button also hides the banner."""
        for button in self._buttons:
            button.hide()
            button.deleteLater()
        self._buttons = []
        self.label.setText(text)
        theme.set_style(self, "tone", tone.value)
        for position, (title, callback) in enumerate(actions):
            button = QPushButton(title)
            button.setAccessibleName(title)
            button.clicked.connect(self.dismiss)
            button.clicked.connect(callback)
            self._layout.insertWidget(1 + position, button)
            self._buttons.append(button)
        self.close_button.setVisible(closable)
        self.show()

    def button(self, title: str) -> QPushButton | None:
        """Return the action button called ``title`` (for tests and keyboard focus)."""
        return next((b for b in self._buttons if b.text() == title), None)

    def dismiss(self) -> None:
        """Hide the banner."""
        self.hide()
