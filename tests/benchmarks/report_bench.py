"""The insights report as a PDF, in a process of its own (it needs a Qt application).

Run as ``python -m tests.benchmarks.report_bench PROFILE_DIR RUNS`` on the journal
with its 2,000 debriefs; prints JSON with the milliseconds of each run, from
computing every figure over all the records to the PDF written in one step, as
``regroup report`` does (names left out, the default).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from regroup.core.insights.types import Period
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from regroup.gui.exchange.report_pdf import write_report
from tests.support.prompter import ScriptedPrompter


def report_ms(profile: Profile, target: Path) -> float:
    start = time.perf_counter()
    write_report(profile, target, Period.everything(), names=False)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    app = QGuiApplication(sys.argv[:1])
    root, runs = Path(sys.argv[1]), int(sys.argv[2])
    profile = open_profile(ProfilePaths(root), SystemKeyStore(), ScriptedPrompter())
    try:
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "report.pdf"
            times = [report_ms(profile, target) for _ in range(runs)]
    finally:
        profile.close()
    print(json.dumps({"insights_report_ms": times}))
    del app


if __name__ == "__main__":
    main()
