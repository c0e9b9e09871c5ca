"""Preferences kept inside the profile (the ``setting`` key/value table)."""

from __future__ import annotations

from peewee import SqliteDatabase

from regroup.core.errors import RegroupError
from regroup.core.storage.models import Setting
from regroup.core.storage.transactions import writing

DEFAULT_MOURNING_DAYS_KEY = "default_mourning_days"
DEFAULT_MOURNING_DAYS = 3
MOURNING_DAYS_RANGE = range(0, 366)
THEN_AND_NOW_KEY = "show_then_and_now"


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

    def show_then_and_now(self) -> bool:
        """Tell whether the "then and now" look-back is shown (on until turned off)."""
        return self.get(THEN_AND_NOW_KEY) != "off"

    def set_show_then_and_now(self, shown: bool) -> None:
        """Show or stop showing the look-back on Insights and after a check-in."""
        self.set(THEN_AND_NOW_KEY, "on" if shown else "off")
