"""Writers at once on one profile: two `regroup add` loops and the window's autosaver.

The issue's target is no failure at all; on a busy profile a write may still be
refused with a message (counted as refused), but never lost once acknowledged.
"""

from __future__ import annotations

import sys
import threading

from tests.torture.check import open_and_count, scan_for_canary
from tests.torture.faults import _acknowledged, _said_so
from tests.torture.harness import Outcome, Tally, Workspace, add


def run(ws: Workspace, adds: int, tally: Tally) -> None:
    """Two loops of ``adds`` adds each, while the autosaver saves as often, then check."""
    profile = ws.new_folder("shared")
    ws.init(profile, tally)
    acknowledged: set[str] = set()
    lock = threading.Lock()

    def loop() -> None:
        for _ in range(adds):
            mine: set[str] = set()
            outcome = add(ws, profile, tally, mine)
            with lock:
                acknowledged.update(mine)
                tally.cycles += 1
                if outcome.code != 0:
                    _said_so("a concurrent add", outcome, tally)

    saver = ws.start(
        [sys.executable, "-m", "tests.torture.autosave_child", str(profile), str(adds), "0.3"]
    )
    loops = [threading.Thread(target=loop) for _ in range(2)]
    for thread in loops:
        thread.start()
    for thread in loops:
        thread.join()
    out, err = saver.communicate(timeout=adds * 5 + 120)
    saving = Outcome(saver.returncode, out, err)
    tally.saw(saving, "the autosaver beside two adds")
    saved = _acknowledged("autosave", saving, set())
    tally.cycles += adds
    failed = out.count("NOT SAVED")
    if failed:
        tally.refused += failed
        first = out.split("NOT SAVED", 1)[1].splitlines()[0][:160]
        tally.note(f"{failed} autosaves failed: {first}")
    acknowledged |= saved
    tally.acknowledged += len(acknowledged)
    open_and_count(ws, profile, acknowledged, tally)
    scan_for_canary(ws.scanned(), tally)
