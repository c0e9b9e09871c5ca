"""Reading the figures away from the window's thread; only the latest reading counts.

A large diary takes a moment to read (for the last three months about 64 ms at
36,500 entries, "All" 264 ms, the look-back about a second before core was made
faster), and the window must keep answering meanwhile. Each reading runs on a
thread of its own through :class:`regroup.gui.kit.background.Background`, which
never lets that thread call into Qt. The thread's first query opens its own
database connection (peewee keeps one per thread; SQLCipher opens it with the raw
key, no key derivation: about 2 ms here), and the connection ends with the
thread. Its page cache starts cold, which costs the reading about a third more
than on the window's warm connection: the price of never freezing the window.
A newer reading (another period, changed records) makes an older one's result
be dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from regroup.gui.kit.background import Background


class LatestRead(QObject):
    """Runs readings off the window's thread and hands over the latest one's result."""

    arrived = Signal(object)
    """What the latest reading returned (on the window's thread)."""
    failed = Signal(str)
    """The latest reading failed: the error's own words, or "" for a bug (logged)."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._latest: Background | None = None
        self._running: list[Background] = []
        """Every reading not yet finished, a dropped one too: the profile waits for all."""

    @property
    def busy(self) -> bool:
        """Tell whether the latest reading's result is still to come."""
        return self._latest is not None

    def start(self, read: Callable[[], object]) -> None:
        """Start ``read`` on a thread of its own; an earlier reading's result is dropped."""
        job = Background(lambda _report: read(), unexpected="", name=self._name, parent=self)
        job.succeeded.connect(lambda value: self._done(job, value, True))
        job.failed.connect(lambda message: self._done(job, message, False))
        self._running.append(job)
        self._latest = job
        job.start()

    def wait(self, seconds: float = 30.0) -> None:
        """Let every reading under way finish (the profile must not close under one)."""
        for job in self._running:
            job.wait(seconds)

    def _done(self, job: Background, value: object, ok: bool) -> None:
        self._running.remove(job)
        job.deleteLater()
        if job is not self._latest:
            return  # a newer reading took over
        self._latest = None
        if ok:
            self.arrived.emit(value)
        else:
            self.failed.emit(str(value))
