"""The Page contract: what the main window knows of a page, and what every page answers.

The window holds one light :class:`PageEntry` per page: its key, title, icon, shortcut
and where its class lives. Nothing of a page is imported until it is first needed,
so start-up pays only for the Diary. A built page is a :class:`Page`: the window opens
a record on it with :meth:`Page.open` and asks it to save before closing and quitting,
without knowing which page it is. Pages reach each other only through
:attr:`PageContext.open`, by key.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final, TypeAlias

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent, QPaintEvent
from PySide6.QtWidgets import QWidget

from regroup.core.record import record
from regroup.gui.kit.data_events import DataEvents
from regroup.gui.kit.settings_sections import SettingsSection, SettingsSections

if TYPE_CHECKING:
    from regroup.core.profile import Profile

Target: TypeAlias = int | str | None
"""What to show on a page: a record's id, :data:`NEW`, or None for the page as it is."""

NEW: Final = "new"
"""The target that starts a new record (the tray's "New entry")."""


@record
class PageContext:
    """What every page is built with: the profile, the app's data signals, the way out.

    ``open(key, target)`` shows another page on a record (a debrief's linked entry
    opens the Diary); it answers whether the record could be shown.
    """

    profile: Profile
    events: DataEvents
    open: Callable[[str, Target], bool]
    settings_sections: SettingsSections

    @classmethod
    def alone(cls, profile: Profile, events: DataEvents | None = None) -> PageContext:
        """Return a context for a page shown outside the window (benchmarks): it opens nothing."""
        return cls(profile, events or DataEvents(), lambda _key, _target: False, SettingsSections())


@record
class PageEntry:
    """One page as the window lists it, before (and without) importing the page.

    ``page`` is ``"module:Class"``; an empty one is a page not in this version yet,
    shown disabled. ``sections`` is ``"module:function"``: the function takes the
    :class:`PageContext` and returns the page's Settings sections, and is imported
    only when Settings is built. ``icon`` names an icon of the bundled set
    (:mod:`regroup.gui.kit.icons`).
    """

    key: str
    title: str
    icon: str
    shortcut: str
    page: str = ""
    sections: str = ""
    after_first_paint: bool = False
    """Built right after the window's first paint instead of when first shown."""

    @property
    def available(self) -> bool:
        """Tell whether this version of Regroup has the page."""
        return bool(self.page)

    def load(self) -> type[Page]:
        """Import the page's class (its module is imported here, the first time)."""
        cls = _import(self.page)
        if not (isinstance(cls, type) and issubclass(cls, Page)):
            raise TypeError(f"{self.page} is not a Page")
        return cls

    def settings_sections(self, context: PageContext) -> Sequence[SettingsSection]:
        """Return the Settings sections this page gives, without building the page."""
        if not self.sections:
            return ()
        give = _import(self.sections)
        if not callable(give):
            raise TypeError(f"{self.sections} is not a function")
        sections: Sequence[SettingsSection] = give(context)
        return sections


def _import(path: str) -> object:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


class Page(QWidget):
    """A page of the window; the defaults suit a page with nothing to save.

    Leaving a page (another page, the window hidden to the tray or minimised) calls
    :meth:`save_before_leaving` from ``hideEvent``; closing and quitting are asked
    by the window of every page built so far.
    """

    first_painted = Signal()
    """The page and its children reached the screen (the first time only)."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.profile = context.profile
        self.events = context.events
        self._painted = False

    def open(self, target: Target) -> bool:
        """Show ``target``; False when it cannot be shown (the page then stays away)."""
        return target is None

    def save_before_leaving(self) -> None:
        """The page goes off screen: store what waits (never blocks the move)."""

    def save_before_close(self) -> bool:
        """Save before the window closes; False when the person chose to stay."""
        return True

    def save_before_quit(self) -> None:
        """The app is quitting and cannot wait: a last save."""

    def hideEvent(self, event: QHideEvent) -> None:
        """Qt: leaving the page saves what waits."""
        self.save_before_leaving()
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt: paint; the first time, say so once the children have painted too."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.first_painted.emit)
