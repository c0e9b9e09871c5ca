"""Preferences kept inside the profile (the ``setting`` key/value table)."""

from __future__ import annotations

from peewee import SqliteDatabase

from regroup.core.errors import RegroupError
from regroup.core.storage.models import Setting
from regroup.core.storage.transactions import writing

DEFAULT_MOURNING_DAYS_KEY = "default_mourning_days"
DEFAULT_MOURNING_DAYS = 3
MOURNING_DAYS_RANGE = range(0, 366)
THEME_KEY = "theme"
THEME_CHOICES = ("system", "light", "dark")
"""The window's colour scheme: the desktop's (followed live), or always light or dark."""
DEFAULT_THEME = "system"


class SettingValueError(RegroupError):
    """A setting was given a value it cannot take; the message says which values it can."""


class SettingsService:
    """Reads and writes settings; each write is one transaction."""

    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    def get(self, key: str) -> str | None:
        """Return the stored text of a setting, or None when it was never set."""
        value = Setting.select(Setting.value).where(Setting.key == key).scalar(self._db)
        return None if value is None else str(value)

    def set(self, key: str, value: str) -> None:
        """Store a setting's text, replacing any earlier value."""
        with writing(self._db):
            Setting.insert(key=key, value=value).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: value}
            ).execute(self._db)

    def default_mourning_days(self) -> int:
        """Return the days a new debrief gives before its move-on check-in."""
        stored = self.get(DEFAULT_MOURNING_DAYS_KEY)
        if stored is not None and stored.strip().isdigit():
            days = int(stored)
            if days in MOURNING_DAYS_RANGE:
                return days
        return DEFAULT_MOURNING_DAYS

    def set_default_mourning_days(self, days: int) -> None:
        """Change the default for new debriefs (0 to 365 days)."""
        if isinstance(days, bool) or days not in MOURNING_DAYS_RANGE:
            raise SettingValueError("The days before a check-in are a number from 0 to 365.")
        self.set(DEFAULT_MOURNING_DAYS_KEY, str(days))

    def theme(self) -> str:
        """Return the colour scheme chosen for the window; unknown text reads as "system"."""
        stored = (self.get(THEME_KEY) or "").strip().lower()
        return stored if stored in THEME_CHOICES else DEFAULT_THEME

    def set_theme(self, choice: str) -> None:
        """Choose the window's colour scheme: "system", "light" or "dark"."""
        if choice not in THEME_CHOICES:
            raise SettingValueError("The colour scheme is one of: system, light, dark.")
        self.set(THEME_KEY, choice)
