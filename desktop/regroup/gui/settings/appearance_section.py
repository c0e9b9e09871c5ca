"""Settings: light or dark, or the desktop's scheme followed as it changes.

The choice is stored in the profile at once and shown at once; the next start
applies it before the window appears.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from regroup.core.errors import RegroupError
from regroup.gui.kit import icons, theme

if TYPE_CHECKING:
    from regroup.core.settings import SettingsService

log = logging.getLogger(__name__)
OPTIONS = (
    (theme.SYSTEM, "Same as my system", "device-desktop"),
    (theme.LIGHT, "Light", "sun"),
    (theme.DARK, "Dark", "moon"),
)
HINT = "“Same as my system” follows your desktop when it switches between light and dark."


class AppearanceBox(QGroupBox):
    """Three choices of colour scheme; picking one stores it and shows it."""

    def __init__(self, settings: SettingsService, parent: QWidget | None = None) -> None:
        super().__init__("Appearance", parent)
        self.settings = settings
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        row = QHBoxLayout()
        row.setSpacing(16)
        stored = settings.theme()
        for choice, title, icon_name in OPTIONS:
            radio = QRadioButton(title)
            radio.setIcon(icons.icon(icon_name))
            radio.setAccessibleName(f"Colour scheme: {title}")
            radio.setChecked(choice == stored)
            radio.toggled.connect(lambda on, choice=choice: self._toggled(on, choice))
            self.group.addButton(radio)
            self.buttons[choice] = radio
            row.addWidget(radio)
        row.addStretch()
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        hint.setProperty("textStyle", "caption")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setProperty("textTone", "error")
        self.error_label.setAccessibleName("Colour scheme problem")
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(hint)
        overridden = os.environ.get(theme.ENVIRONMENT, "").strip().lower()
        if overridden in theme.CHOICES:
            note = QLabel(f"For now {theme.ENVIRONMENT}={overridden} decides the scheme.")
            note.setProperty("textStyle", "caption")
            layout.addWidget(note)
        layout.addWidget(self.error_label)

    def _toggled(self, on: bool, choice: str) -> None:
        if on:
            self.choose(choice)

    def choose(self, choice: str) -> None:
        """Store ``choice`` and show it; if it cannot be stored, it is still shown now."""
        try:
            self.settings.set_theme(choice)
        except RegroupError as exc:
            log.warning("the colour scheme could not be stored: %s", exc)
            self.error_label.setText(f"This choice could not be saved for next time: {exc}")
            self.error_label.show()
        else:
            self.error_label.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, theme.resolve_choice(choice))
