"""Reading and writing an import on a thread of its own, so the window keeps answering.

The work runs in core (Qt-free); this thread only carries its progress and result
back as signals, which Qt delivers on the window's thread. The database connection
the work uses belongs to this thread (see ``own_connection``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from regroup.core.errors import RegroupError
from regroup.core.exchange.importers.service import (
    ImportFormat,
    ImportPlan,
    own_connection,
    preview,
    read_source,
    write_plan,
)
from regroup.core.profile import Profile


class ImportWorker(QThread):
    """One step of an import (reading with a preview, or writing) off the window's thread."""

    progress = Signal(str, int, int)
    """(what is happening, done, total)."""
    succeeded = Signal(object)
    """An ImportPreview after reading, an ImportOutcome after writing."""
    failed = Signal(str)

    def __init__(self, job: Callable[[Callable[[str, int, int], None]], object]) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        try:
            result = self._job(self.progress.emit)
        except RegroupError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug must not leave the dialog waiting forever
            self.failed.emit(f"The import stopped unexpectedly ({exc}). Nothing was imported.")
        else:
            self.succeeded.emit(result)


def reading(profile: Profile, path: Path, kind: ImportFormat | None) -> ImportWorker:
    """Read and check ``path``, then compare it with the diary."""

    def job(report: Callable[[str, int, int], None]) -> object:
        with own_connection(profile.db):
            plan = read_source(path, kind, lambda done, total: report("Reading", done, total))
            return preview(profile.db, plan)

    return ImportWorker(job)


def writing(profile: Profile, plan: ImportPlan) -> ImportWorker:
    """Add what the diary lacks, in one transaction."""

    def job(report: Callable[[str, int, int], None]) -> object:
        with own_connection(profile.db):
            return write_plan(profile.db, plan, lambda done, total: report("Adding", done, total))

    return ImportWorker(job)
