"""Importing a 36,500-entry jrnl journal into a new profile (issue 14: at most 20 s).

The journal is the benchmark journal written in jrnl's plain-text layout (the same
one the search comparison with jrnl uses), so jrnl itself need not be installed.
The figure is the whole import: reading and checking the file, then writing it in
one transaction.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

from regroup.core.exchange.importers.service import read_source, write_plan
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile
from tests.benchmarks.search_bench import write_jrnl_journal


def jrnl_journal(cache: Path, size: int) -> Path:
    """Write (once) the benchmark journal as a jrnl file, oldest first."""
    journal = cache / "jrnl" / f"import-{size}.txt"
    if not journal.exists():
        write_jrnl_journal(journal, size)
    return journal


def import_seconds(
    cache: Path, size: int, runs: int, open_new: Callable[[ProfilePaths], Profile]
) -> list[float]:
    """Seconds to import the jrnl journal into a new profile, once per run."""
    journal = jrnl_journal(cache, size)
    seconds = []
    for run in range(runs):
        paths = ProfilePaths(cache / "scratch" / f"import-{run}")
        shutil.rmtree(paths.root, ignore_errors=True)
        profile = open_new(paths)
        try:
            start = time.perf_counter()
            outcome = write_plan(profile.db, read_source(journal))
            seconds.append(time.perf_counter() - start)
            assert outcome.added == size, outcome
        finally:
            profile.close()
            shutil.rmtree(paths.root)
    return seconds
