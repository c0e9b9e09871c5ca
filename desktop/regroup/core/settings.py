"""Preferences kept inside the profile (the ``setting`` key/value table)."""

from __future__ import annotations

from peewee import SqliteDatabase

from regroup.core.errors import KeyFileError, RegroupError
from regroup.core.keys.app_lock import IDLE_MINUTES, PinVerifier
from regroup.core.storage.models import Setting
from regroup.core.storage.transactions import writing

DEFAULT_MOURNING_DAYS_KEY = "default_mourning_days"
DEFAULT_MOURNING_DAYS = 3
MOURNING_DAYS_RANGE = range(0, 366)
QUIET_DAYS_KEY = "waiting_quiet_days"
DEFAULT_QUIET_DAYS = 21
QUIET_DAYS_RANGE = range(1, 366)
LOCK_IDLE_MINUTES_KEY = "lock.idle_minutes"
LOCK_PIN_KEY = "lock.pin_verifier"
THEME_KEY = "theme"
THEME_CHOICES = ("system", "light", "dark")
"""The window's colour scheme: the desktop's (followed live), or always light or dark."""
DEFAULT_THEME = "system"
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

    def _days(self, key: str, allowed: range, default: int) -> int:
        """A stored count of days, or ``default`` when it is missing or was edited out of range."""
        stored = self.get(key)
        if stored is not None and stored.strip().isdigit() and int(stored) in allowed:
            return int(stored)
        return default

    def default_mourning_days(self) -> int:
        """Return the days a new debrief gives before its move-on check-in."""
        return self._days(DEFAULT_MOURNING_DAYS_KEY, MOURNING_DAYS_RANGE, DEFAULT_MOURNING_DAYS)

    def set_default_mourning_days(self, days: int) -> None:
        """Change the default for new debriefs (0 to 365 days)."""
        if isinstance(days, bool) or days not in MOURNING_DAYS_RANGE:
            raise SettingValueError("The days before a check-in are a number from 0 to 365.")
        self.set(DEFAULT_MOURNING_DAYS_KEY, str(days))

    def quiet_days(self) -> int:
        """Return the days without news after which a waiting application counts as quiet."""
        return self._days(QUIET_DAYS_KEY, QUIET_DAYS_RANGE, DEFAULT_QUIET_DAYS)

    def set_quiet_days(self, days: int) -> None:
        """Change when a waiting application counts as quiet (1 to 365 days)."""
        if isinstance(days, bool) or days not in QUIET_DAYS_RANGE:
            raise SettingValueError("The days before an application counts as quiet are 1 to 365.")
        self.set(QUIET_DAYS_KEY, str(days))

    def lock_idle_minutes(self) -> int | None:
        """Return the idle minutes after which the window locks, or None (the default: never)."""
        stored = (self.get(LOCK_IDLE_MINUTES_KEY) or "").strip()
        if stored.isascii() and stored.isdigit() and int(stored) in IDLE_MINUTES:
            return int(stored)
        return None

    def set_lock_idle_minutes(self, minutes: int | None) -> None:
        """Lock after ``minutes`` (1 to 120) without input; None turns the idle lock off."""
        if minutes is None:
            self.set(LOCK_IDLE_MINUTES_KEY, "")
            return
        if isinstance(minutes, bool) or minutes not in IDLE_MINUTES:
            raise SettingValueError("The lock waits 1 to 120 minutes.")
        self.set(LOCK_IDLE_MINUTES_KEY, str(minutes))

    def lock_pin(self) -> PinVerifier | None:
        """Return the lock PIN's verifier, or None when no PIN is set (or its record is damaged)."""
        stored = self.get(LOCK_PIN_KEY)
        if not stored:
            return None
        try:
            return PinVerifier.from_text(stored)
        except KeyFileError:
            return None

    def set_lock_pin(self, pin: str) -> None:
        """Set or change the lock PIN (4 to 12 digits); only its scrypt verifier is stored."""
        self.set(LOCK_PIN_KEY, PinVerifier.for_pin(pin).to_text())

    def remove_lock_pin(self) -> None:
        """Forget the lock PIN."""
        self.set(LOCK_PIN_KEY, "")

    def theme(self) -> str:
        """Return the colour scheme chosen for the window; unknown text reads as "system"."""
        stored = (self.get(THEME_KEY) or "").strip().lower()
        return stored if stored in THEME_CHOICES else DEFAULT_THEME

    def set_theme(self, choice: str) -> None:
        """Choose the window's colour scheme: "system", "light" or "dark"."""
        if choice not in THEME_CHOICES:
            raise SettingValueError("The colour scheme is one of: system, light, dark.")
        self.set(THEME_KEY, choice)

    def show_then_and_now(self) -> bool:
        """Tell whether the "then and now" look-back is shown (on until turned off)."""
        return self.get(THEN_AND_NOW_KEY) != "off"

    def set_show_then_and_now(self, shown: bool) -> None:
        """Show or stop showing the look-back on Insights and after a check-in."""
        self.set(THEN_AND_NOW_KEY, "on" if shown else "off")
