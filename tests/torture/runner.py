"""Runs the trial kinds (two at a time, one per core), prints the table, sets the exit status.

`--short` is the form `make test` runs (about a minute); the full form is `make torture`.
Everything happens in a temporary folder, on a private D-Bus with a real unlocked
keyring, so nothing touches the person's own profile or keyring.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.support.session_bus import private_session
from tests.torture import concurrent, corruptions, faults, kills, read_only
from tests.torture.harness import Tally, Workspace
from tests.torture.mounts import NeedsRoot
from tests.torture.table import render


@dataclass(frozen=True)
class Trial:
    """One row of the table: a name, how to run it, and its size in each form."""

    name: str
    run: Callable[[Workspace, int, Tally], None]
    short: int
    full: int


def _kill(kind: str) -> Callable[[Workspace, int, Tally], None]:
    return lambda ws, cycles, tally: kills.run_kind(ws, kind, cycles, tally)


TRIALS = (  # the longest first, so that it runs beside all the others
    Trial("concurrent writers", concurrent.run, 8, 500),
    Trial("kill -9: add", _kill("add"), 8, 300),
    Trial("kill -9: import JSON", _kill("import JSON"), 5, 150),
    Trial("kill -9: import jrnl", _kill("import jrnl"), 5, 150),
    Trial("kill -9: autosave", _kill("autosave"), 5, 200),
    Trial("kill -9: backup", _kill("backup"), 5, 200),
    Trial("ENOSPC/EIO injected (strace)", faults.run_injected, 8, 120),
    Trial("full disk (small tmpfs)", faults.run_full_disk, 1, 3),
    Trial("read-only remount", read_only.run, 1, 3),
    *(Trial(f"damaged: {name}", run, 1, 3) for name, run in corruptions.CASES),
)


def main(argv: list[str]) -> int:
    """Run the suite; 0 when no trial lost, damaged, leaked or crashed."""
    parser = argparse.ArgumentParser(prog="python -m tests.torture", description=__doc__)
    parser.add_argument("--short", action="store_true", help="the quick form run by make test")
    parser.add_argument("--only", action="append", default=[], help="trials whose name has this")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--keep", action="store_true", help="keep the work folder to look at")
    args = parser.parse_args(argv)
    chosen = [t for t in TRIALS if not args.only or any(w in t.name for w in args.only)]
    root = Path(tempfile.mkdtemp(prefix="regroup-torture-"))
    started = time.monotonic()
    try:
        with private_session(root / "session") as bus:
            tallies = _run_all(chosen, root, bus.env, args.short, args.jobs)
    finally:
        if args.keep:
            print(f"work folder kept: {root}")
        else:
            _remove(root)
    print(render(tallies, time.monotonic() - started), flush=True)
    return 0 if all(tally.passed for tally in tallies) else 1


def _run_all(
    chosen: list[Trial], root: Path, bus_env: dict[str, str], short: bool, jobs: int
) -> list[Tally]:
    tallies = [Tally(trial.name) for trial in chosen]

    def run(index: int) -> None:
        trial, tally = chosen[index], tallies[index]
        slug = "".join(c if c.isalnum() else "-" for c in trial.name.lower())
        ws = Workspace(root, bus_env, slug)
        began = time.monotonic()
        try:
            trial.run(ws, trial.short if short else trial.full, tally)
        except NeedsRoot as exc:
            tally.skipped = True
            tally.note(f"skipped: {exc}")
        except Exception as exc:  # a trial that cannot run is a failure to look at
            tally.damaged += 1
            tally.note(f"the trial itself failed: {exc!r}")
        print(f"{trial.name}: {time.monotonic() - began:.0f} s", flush=True)

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        list(pool.map(run, range(len(chosen))))
    return tallies


def _remove(root: Path) -> None:
    """Unmount anything a trial left mounted, then delete the work folder."""
    for mount in sorted(root.rglob("mounts/*"), reverse=True):
        if mount.is_mount():
            subprocess.run(["umount", "-l", str(mount)], check=False)
    shutil.rmtree(root, ignore_errors=True)
