"""Reading and writing an import on a thread of its own, so the window keeps answering.

The work runs in core (Qt-free) through :class:`~regroup.gui.kit.background.Background`,
whose signals come on the window's thread. The database connection the work uses
belongs to its thread (see ``own_connection``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from regroup.core.exchange.importers.service import (
    ImportFormat,
    ImportPlan,
    own_connection,
    preview,
    read_source,
    write_plan,
)
from regroup.core.profile import Profile
from regroup.gui.kit.background import Background

UNEXPECTED = "The import stopped unexpectedly ({error}). Nothing was imported."


def reading(profile: Profile, path: Path, kind: ImportFormat | None) -> Background:
    """Read and check ``path``, then compare it with the diary."""

    def job(report: Callable[[str, int, int], None]) -> object:
        with own_connection(profile.db):
            plan = read_source(path, kind, lambda done, total: report("Reading", done, total))
            return preview(profile.db, plan)

    return Background(job, UNEXPECTED, name="regroup-import")


def writing(profile: Profile, plan: ImportPlan) -> Background:
    """Add what the diary lacks, in one transaction."""

    def job(report: Callable[[str, int, int], None]) -> object:
        with own_connection(profile.db):
            return write_plan(profile.db, plan, lambda done, total: report("Adding", done, total))

    return Background(job, UNEXPECTED, name="regroup-import")
