"""The PDF export of 1,000 diary entries, in a process of its own (it needs a Qt application).

Run as ``python -m tests.benchmarks.pdf_bench PROFILE_DIR RUNS``; prints JSON with the
milliseconds of each run, from reading the entries to the PDF's bytes (the file
written in one step, as the export does).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from regroup.core.exchange.print_document import printable, save_printed
from regroup.core.exchange.readable import Scope
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from regroup.gui.exchange.pdf_writer import render_pdf
from tests.support.prompter import ScriptedPrompter

ENTRIES = 1_000


def thousand_days(profile: Profile) -> Scope:
    """The diary between two days that hold exactly the newest 1,000 entries."""
    rows = profile.db.execute_sql(
        "SELECT entry_date FROM entry WHERE deleted_at IS NULL "
        "ORDER BY entry_date DESC, id DESC LIMIT ?",
        (ENTRIES,),
    ).fetchall()
    first, last = rows[-1][0], rows[0][0]
    count = profile.db.execute_sql(
        "SELECT count(*) FROM entry WHERE deleted_at IS NULL AND entry_date BETWEEN ? AND ?",
        (first, last),
    ).fetchone()[0]
    assert count == ENTRIES, f"{count} entries between {first} and {last}"
    return Scope.diary_only(date.fromisoformat(first), date.fromisoformat(last))


def pdf_ms(profile: Profile, scope: Scope, target: Path) -> float:
    start = time.perf_counter()
    document = printable(profile.db, scope, profile.clock)
    save_printed(target, render_pdf(document))
    return (time.perf_counter() - start) * 1000


def main() -> None:
    app = QGuiApplication(sys.argv[:1])
    root, runs = Path(sys.argv[1]), int(sys.argv[2])
    profile = open_profile(ProfilePaths(root), SystemKeyStore(), ScriptedPrompter())
    try:
        scope = thousand_days(profile)
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "diary.pdf"
            times = [pdf_ms(profile, scope, target) for _ in range(runs)]
    finally:
        profile.close()
    print(json.dumps({"pdf_1000_entries_ms": times}))
    del app


if __name__ == "__main__":
    main()
