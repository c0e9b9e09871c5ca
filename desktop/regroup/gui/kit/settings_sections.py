"""The boxes of the Settings page, given by the pages and the parts that start later.

Settings owns none of its boxes: each is a :class:`SettingsSection` that someone
added here (the pages through their ``PageEntry.sections``, the reminders once the
tray is up). A section is built only when Settings is, so a box that reads the
database or the OS costs nothing until the person opens Settings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from regroup.core.record import record

PROFILE = 10
APPEARANCE = 15
PRIVACY = 20
REMINDERS = 30
AUTOSTART = 40
"""Where each section stands on the page, top to bottom."""


@record
class SettingsSection:
    """One box of the Settings page: ``build`` makes it when Settings is built."""

    key: str
    order: int
    build: Callable[[], QWidget]


class SettingsSections(QObject):
    """The sections known so far; ``added`` tells a Settings page already built."""

    added = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sections: list[SettingsSection] = []
        self._declared: list[Callable[[], Sequence[SettingsSection]]] = []

    def declare(self, sections: Callable[[], Sequence[SettingsSection]]) -> None:
        """Note where some sections come from; they are read when first asked for."""
        self._declared.append(sections)

    def add(self, section: SettingsSection) -> None:
        """Give Settings one more section (replacing one with the same key)."""
        self._sections = [known for known in self._sections if known.key != section.key]
        self._sections.append(section)
        self.added.emit(section)

    def sections(self) -> list[SettingsSection]:
        """Return the sections in the order they stand on the page."""
        declared, self._declared = self._declared, []
        for sections in declared:
            self._sections.extend(sections())
        return sorted(self._sections, key=lambda section: section.order)
