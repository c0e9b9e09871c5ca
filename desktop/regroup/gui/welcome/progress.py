"""How far a new profile got through the welcome, kept in the profile itself.

The profile is created before the window opens, and its recovery key waits in the
(encrypted) database until it is typed back: closing Regroup halfway keeps the
profile, and the next start shows the same key again. A profile made by
``regroup init`` confirmed its key in the terminal and never sees the welcome.
"""

from __future__ import annotations

from typing import Protocol

WELCOME = "welcome"
"""``open`` while the welcome has not been finished, then ``done``."""
PENDING_KEY = "welcome_recovery_key"
"""The new recovery key until it is typed back; empty afterwards."""
OPEN = "open"
DONE = "done"


class Settings(Protocol):
    """The part of the profile's SettingsService the welcome uses."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...


class WelcomeProgress:
    """Reads and writes the welcome's two settings."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def begin(self, recovery_key: str) -> None:
        """A new profile was just made with ``recovery_key``: the welcome starts."""
        self._settings.set(PENDING_KEY, recovery_key)  # first: the key alone opens the welcome
        self._settings.set(WELCOME, OPEN)

    def needed(self) -> bool:
        """Tell whether the welcome is still to be shown (or finished)."""
        return self._settings.get(WELCOME) == OPEN or bool(self.recovery_key())

    def recovery_key(self) -> str | None:
        """Return the recovery key still waiting to be typed back, if any."""
        return self._settings.get(PENDING_KEY) or None

    def key_confirmed(self) -> None:
        """The key was typed back: it is no longer kept in the profile."""
        self._settings.set(PENDING_KEY, "")

    def finish(self) -> None:
        """The welcome was gone through; it does not come back."""
        self.key_confirmed()
        self._settings.set(WELCOME, DONE)
