"""Reading the figures away from the window's thread, without that thread touching Qt.

A large diary takes a moment to read, and the window must keep answering
meanwhile. The read runs on a ``concurrent.futures`` thread that calls core only,
never Qt: PySide6 keeps the GIL through some Qt calls, and a worker thread
emitting a signal while the window's thread deleted an object once deadlocked
(seen in CI). So the worker only fills a future, and a short timer on the
window's thread picks it up. Each read gets a thread of its own, and with it its
own database connection (peewee keeps one per thread; SQLCipher opens it with the
raw key, no key derivation, in a few milliseconds), which ends with the thread.
A newer read makes an older one's result be dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for

from PySide6.QtCore import QObject, QTimer, Signal

POLL_MS = 8
"""How often the window's thread looks for a finished read (a frame is ~16 ms)."""


class BackgroundRead(QObject):
    """Runs one read at a time off the window's thread; ``finished`` brings its result.

    ``finished`` carries the value returned, or the exception raised (the caller
    says it kindly). It is emitted on the window's thread.
    """

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._future: Future[object] | None = None
        self._running: list[Future[object]] = []
        """Every read not yet finished, a dropped one too: the profile waits for all."""
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def busy(self) -> bool:
        """Tell whether a read is under way (its result not yet handed over)."""
        return self._future is not None

    def start(self, read: Callable[[], object]) -> None:
        """Start ``read`` on a thread of its own; an earlier read's result is dropped."""
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="regroup-read")
        self._future = executor.submit(read)
        self._running = [f for f in self._running if not f.done()] + [self._future]
        executor.shutdown(wait=False)  # the thread ends with the read, and its connection
        self._timer.start()

    def wait(self, seconds: float = 30.0) -> None:
        """Let a read under way finish (the profile must not close under it)."""
        if self._running:
            wait_for(self._running, timeout=seconds)

    def _poll(self) -> None:
        future = self._future
        if future is None or not future.done():
            return
        self._timer.stop()
        self._future = None
        error = future.exception()
        self.finished.emit(error if error is not None else future.result())
