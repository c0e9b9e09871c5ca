"""Work that takes a while (an import, a backup), done on a plain Python thread.

The thread runs Qt-free code only and never calls into Qt, not even to emit a
signal: a worker thread inside a Qt call while the window's thread deleted an
object once deadlocked the app (PySide6 keeps Python's lock through such calls,
while Qt held its own lock on the other side). The window's thread looks at the
work every few milliseconds instead, and it alone emits the signals below.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from regroup.core.errors import RegroupError

log = logging.getLogger(__name__)
POLL_MS = 20
"""How often the window's thread looks at the work: quick enough to feel immediate."""

Report = Callable[..., None]
"""What the work calls to say how far it got; its arguments reach ``progress`` as a tuple."""


class Background(QObject):
    """Runs ``job(report)`` on its own thread; the signals come on the window's thread."""

    progress = Signal(object)
    """The arguments of the work's latest ``report(...)`` call, as a tuple."""
    succeeded = Signal(object)
    """What the work returned."""
    failed = Signal(str)
    """A message to show: the error's own words, or ``unexpected`` for a bug."""
    finished = Signal()
    """After ``succeeded`` or ``failed``."""

    def __init__(
        self,
        job: Callable[[Report], object],
        unexpected: str = "It stopped unexpectedly ({error}).",
        name: str = "regroup-work",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._job = job
        self._unexpected = unexpected
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._reported: tuple[Any, ...] | None = None
        self._sent: tuple[Any, ...] | None = None
        self._outcome: tuple[bool, object] | None = None
        self._done = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._look)

    def start(self) -> None:
        """Start the work; the signals follow as it goes."""
        self._thread.start()
        self._timer.start()

    def running(self) -> bool:
        """Tell whether the work has been started and its outcome not yet delivered."""
        return self._thread.is_alive() or (self._timer.isActive() and not self._done)

    def wait(self, seconds: float | None = None) -> bool:
        """Let the work finish (before the profile closes); False if it is still going."""
        if self._thread.ident is not None:
            self._thread.join(seconds)
        return not self._thread.is_alive()

    def deliver(self) -> None:
        """Emit what the work has to say now, rather than at the next look (after ``wait``)."""
        self._look()

    def _report(self, *args: Any) -> None:
        self._reported = args  # one reference swap: the window's thread reads the latest

    def _run(self) -> None:
        try:
            result = self._job(self._report)
        except RegroupError as exc:
            self._outcome = (False, str(exc))
        except Exception as exc:  # a bug must not leave the window waiting forever
            log.exception("background work %s failed", self._thread.name)
            self._outcome = (False, self._unexpected.format(error=exc))
        else:
            self._outcome = (True, result)

    def _look(self) -> None:
        reported = self._reported
        if reported is not None and reported is not self._sent:
            self._sent = reported
            self.progress.emit(reported)
        outcome = self._outcome
        if outcome is None or self._thread.is_alive() or self._done:
            return
        self._done = True
        self._timer.stop()
        ok, value = outcome
        if ok:
            self.succeeded.emit(value)
        else:
            self.failed.emit(str(value))
        self.finished.emit()
