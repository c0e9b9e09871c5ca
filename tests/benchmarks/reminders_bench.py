"""Reminder figures: the check on 2,000 debriefs' check-ins, and the app's idle CPU in the tray.

The check runs every half minute for as long as Regroup runs, so its steady cost is
the budget (5 ms): nothing new is due, 2,000 check-ins lie in the table. The first
check after a long absence, which marks every overdue check-in missed in one
transaction, is measured too, for information.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile
from tests.benchmarks.plans_bench import DEBRIEFS, _summary, _times

IDLE_SECONDS = 60.0
SETTLE_SECONDS = 5.0
"""After the database is open, the window, the tray and the first check are done by then."""
OPEN_TIMEOUT_SECONDS = 60.0


def reminder_figures(profile: Profile, runs: int) -> dict[str, object]:
    """Milliseconds for a reminder check and the tray's count, with every check-in planned."""
    db = profile.db
    planned = db.execute_sql("SELECT count(*) FROM checkin").fetchone()[0]
    if planned < DEBRIEFS:
        raise RuntimeError(f"the benchmark debriefs have {planned} check-ins, not {DEBRIEFS}")
    service = profile.reminders
    firsts = []
    for _ in range(max(5, runs)):
        with db.atomic():
            db.execute_sql("UPDATE checkin SET delivered_at = NULL, missed_at = NULL")
        start = time.perf_counter()
        first = service.check()
        firsts.append((time.perf_counter() - start) * 1000)
    samples = max(50, runs)
    return {
        "checkins_planned": planned,
        "reminder_first_check_marked": len(first.missed) + len(first.delivered),
        "reminder_first_check_ms": _summary(firsts),
        "reminder_check_ms": _summary(_times(service.check, samples)),
        "tray_due_count_ms": _summary(_times(service.due_count, samples)),
    }


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime and stime, after the name
    return ticks / os.sysconf("SC_CLK_TCK")


def _has_open(pid: int, path: Path) -> bool:
    target = str(path.resolve())
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if os.readlink(fd) == target:
                return True
        except OSError:
            continue
    return False


def _wait_until_unlocked(process: subprocess.Popen[bytes], database: Path) -> None:
    """Wait until Regroup has opened its database: it is unlocked, not stuck at a prompt."""
    deadline = time.monotonic() + OPEN_TIMEOUT_SECONDS
    while not _has_open(process.pid, database):
        if process.poll() is not None:
            error = process.stderr.read().decode() if process.stderr else ""
            raise RuntimeError(f"Regroup stopped at start: {error}")
        if time.monotonic() > deadline:
            raise RuntimeError("Regroup did not open its database (waiting for a key?)")
        time.sleep(0.1)


def idle_cpu_percent(
    data_dir: Path,
    env: dict[str, str],
    seconds: float = IDLE_SECONDS,
    say: Callable[[str], None] = lambda _text: None,
) -> dict[str, object]:
    """Start Regroup in the tray (offscreen), let it settle, and measure its CPU time."""
    process = subprocess.Popen(
        [sys.executable, "-m", "regroup", "--data-dir", str(data_dir), "--minimized"],
        # Its /proc/<pid>/fd is read below, which a non-dumpable process forbids.
        env={**env, "QT_QPA_PLATFORM": "offscreen", "REGROUP_ALLOW_DUMPS": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_until_unlocked(process, ProfilePaths(data_dir).database)
        time.sleep(SETTLE_SECONDS)
        if process.poll() is not None:
            raise RuntimeError("Regroup stopped after it opened its database")
        say(f"measuring Regroup's idle CPU for {seconds:.0f} s")
        before, start = _cpu_seconds(process.pid), time.monotonic()
        time.sleep(seconds)
        used, elapsed = _cpu_seconds(process.pid) - before, time.monotonic() - start
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return {
        "start_cpu_seconds": round(before, 2),
        "idle_cpu_percent": round(100 * used / elapsed, 3),
        "idle_cpu_seconds": round(used, 3),
        "idle_wall_seconds": round(elapsed, 1),
    }
