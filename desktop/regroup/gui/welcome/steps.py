"""The welcome's steps: what each one says, built from the theme's text roles."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QLabel,
    QPushButton,
    QStackedWidget,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from regroup.gui.keys.recovery_key_panel import RecoveryKeyConfirm, RecoveryKeyShow

PURPOSE = (
    "Regroup is a private place to steady yourself after a job rejection: "
    "write it out, learn what you can from it, and move on at your own pace."
)
DATA_TEXT = (
    "Everything you write stays in this folder, on this computer, in an encrypted "
    "database. Regroup never connects to the network, so nothing you write ever "
    "leaves this machine."
)
KEY_TEXT = (
    "This key is the only way back into your diary if the system keyring forgets "
    "its key or you forget your passphrase. Keep it somewhere safe, away from this "
    "computer: Regroup shows it only until you have typed it back."
)
TRAY_TEXT = (
    "When you close this window, Regroup stays in the system tray, so it can "
    "gently bring you check-ins when they come due. Open it again from the tray "
    "icon; quit it from the tray's menu or File ▸ Quit."
)
NO_TRAY_TEXT = (
    "Regroup brings your check-ins when they come due while it runs. This desktop "
    "shows no system tray, so closing the window quits Regroup; check-ins that came "
    "due meanwhile are waiting for you the next time you open it."
)
DEBRIEF = "debriefs"
DIARY = "diary"
CHOICES = (
    (DEBRIEF, "I just heard back: start a debrief", "Go through what happened, step by step."),
    (DIARY, "Write in the diary", "Just put down how today went."),
)


def _label(text: str, style: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("textStyle", style)
    return label


def step(title: str, *parts: QWidget) -> QWidget:
    """Return a step: its title, then ``parts`` one under the other."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(16)
    heading = _label(title, "title")
    heading.setAccessibleName(title)
    layout.addWidget(heading)
    for part in parts:
        layout.addWidget(part)
    layout.addStretch()
    return page


def purpose_step() -> QWidget:
    """Step 1: what Regroup is for."""
    return step("Welcome to Regroup", _label(PURPOSE, "body"))


def data_step(folder: str) -> QWidget:
    """Step 2: where the data lives, by its real path."""
    path = _label(folder, "body")
    path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    path.setAccessibleName("Profile folder")
    card = QFrame()
    card.setProperty("card", True)
    QVBoxLayout(card).addWidget(path)
    return step("Your words stay here", _label(DATA_TEXT, "body"), card)


def tray_step() -> QWidget:
    """Step 5: Regroup stays in the tray (or says what happens without one)."""
    text = TRAY_TEXT if QSystemTrayIcon.isSystemTrayAvailable() else NO_TRAY_TEXT
    return step("Regroup stays nearby", _label(text, "body"))


class KeyStep(QWidget):
    """Step 3: the key with ways to keep it, then typed back; ``changed`` when Next may change."""

    changed = Signal()

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.show_part = RecoveryKeyShow(recovery_key)
        self.confirm_part = RecoveryKeyConfirm(recovery_key)
        self.parts = QStackedWidget()
        self.parts.addWidget(step("Your recovery key", _label(KEY_TEXT, "body"), self.show_part))
        self.parts.addWidget(
            step("Type your recovery key back", self.confirm_part_intro(), self.confirm_part)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.parts)
        self.show_part.kept.connect(self.changed)
        self.confirm_part.confirmed.connect(self.changed)

    @staticmethod
    def confirm_part_intro() -> QLabel:
        return _label("To be sure you have it, type the key you kept.", "body")

    def typing(self) -> bool:
        """Tell whether the key is being typed back (the second part)."""
        return self.parts.currentIndex() == 1

    def can_go_on(self) -> bool:
        """Tell whether Next may be pressed now."""
        if self.typing():
            return self.confirm_part.is_confirmed()
        return self.show_part.saved_check.isChecked()

    def show_typing(self, typing: bool) -> None:
        """Show the key (False) or the box to type it back (True)."""
        self.parts.setCurrentIndex(1 if typing else 0)
        if typing:
            self.confirm_part.confirm_edit.setFocus()
        self.changed.emit()


class ChoiceStep(QWidget):
    """Step 4: a debrief or the diary; ``chosen`` with the page's key on a click."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        parts: list[QWidget] = []
        for key, title, hint in CHOICES:
            button = QPushButton(f"{title}\n{hint}")
            button.setCheckable(True)
            button.setAccessibleName(title)
            button.setAccessibleDescription(hint)
            button.setProperty("card", True)
            button.setMinimumHeight(64)
            button.clicked.connect(lambda _checked=False, key=key: self.chosen.emit(key))
            self.group.addButton(button)
            self.buttons[key] = button
            parts.append(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(step("Where would you like to start?", *parts))

    def choice(self) -> str | None:
        """Return the page chosen so far, if any."""
        for key, button in self.buttons.items():
            if button.isChecked():
                return key
        return None
