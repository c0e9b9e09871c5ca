"""Two ``regroup add`` loops and the window's autosave, all writing one diary at once.

Every add that said "Added" and every autosave that returned must be in the diary,
and none may fail: SQLite's busy timeout makes each writer wait its turn. The test
(tests/cli/test_concurrent_writers.py) runs a short form; the full run is::

    python -m tests.stress.concurrent_adds --adds 500

which starts its own private D-Bus and keyring, so it never touches the real ones.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from regroup.core.diary.types import EntryContent
from regroup.core.errors import RegroupError
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import open_profile
from tests.support.prompter import ScriptedPrompter

AUTOSAVE_PAUSE = 0.05
"""Seconds between two autosaves: far busier than a person typing."""


@dataclass
class Outcome:
    """What the writers were told, and what the diary holds afterwards."""

    acknowledged: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    autosaves: int = 0
    last_autosaved: str = ""
    missing: list[str] = field(default_factory=list)
    seconds: float = 0.0


def regroup(folder: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the ``regroup`` command on ``folder`` as a person would."""
    return subprocess.run(
        [sys.executable, "-m", "regroup", "--data-dir", str(folder), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
        check=False,
    )


def _add_loop(folder: Path, name: str, adds: int, outcome: Outcome, lock: threading.Lock) -> None:
    for number in range(adds):
        body = f"{name} entry {number}"
        done = regroup(folder, "add", body)
        with lock:
            if done.returncode == 0 and "Added entry" in done.stdout:
                outcome.acknowledged.append(body)
            else:
                outcome.failures.append(f"{body}: {done.returncode} {done.stderr.strip()}")


def _autosave_loop(
    folder: Path, stop: threading.Event, outcome: Outcome, lock: threading.Lock
) -> None:
    """What the window's diary saver does while the person types: add once, then update."""
    profile = open_profile(ProfilePaths(folder), SystemKeyStore(), ScriptedPrompter())
    try:
        entry = profile.diary.add(EntryContent("autosaved words 0"))
        typed = 0
        while not stop.is_set():
            typed += 1
            text = f"autosaved words {typed}"
            try:
                profile.diary.update(entry.id, EntryContent(text))
            except RegroupError as exc:
                with lock:
                    outcome.failures.append(f"autosave {typed}: {exc}")
            else:
                with lock:
                    outcome.autosaves += 1
                    outcome.last_autosaved = text
            time.sleep(AUTOSAVE_PAUSE)
    finally:
        profile.close()


def _bodies(folder: Path) -> list[str]:
    profile = open_profile(ProfilePaths(folder), SystemKeyStore(), ScriptedPrompter())
    try:
        return [body for (body,) in profile.db.execute_sql("SELECT body FROM entry")]
    finally:
        profile.close()


def run(folder: Path, adds: int, loops: int = 2) -> Outcome:
    """Create a profile in ``folder``, write to it from every side at once, and check it."""
    created = regroup(folder, "init", stdin="")
    if created.returncode != 0:
        raise RuntimeError(f"regroup init failed: {created.stderr}")
    outcome = Outcome()
    lock = threading.Lock()
    stop = threading.Event()
    started = time.monotonic()
    saver = threading.Thread(target=_autosave_loop, args=(folder, stop, outcome, lock))
    adders = [
        threading.Thread(target=_add_loop, args=(folder, f"adder{n}", adds, outcome, lock))
        for n in range(loops)
    ]
    saver.start()
    for adder in adders:
        adder.start()
    for adder in adders:
        adder.join()
    stop.set()
    saver.join()
    outcome.seconds = time.monotonic() - started
    stored = set(_bodies(folder))
    outcome.missing = [body for body in outcome.acknowledged if body not in stored]
    if outcome.last_autosaved and outcome.last_autosaved not in stored:
        outcome.missing.append(outcome.last_autosaved)
    return outcome


def _in_private_session(work: Path, task: Callable[[], Outcome]) -> Outcome:
    from tests.support.session_bus import private_session

    with private_session(work / "session") as bus:
        os.environ.update(bus.env)
        return task()


def main(argv: list[str] | None = None) -> int:
    """Run the full load once and print its figures; exit 1 on any failure or loss."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adds", type=int, default=500, help="adds per loop (default 500)")
    parser.add_argument("--loops", type=int, default=2, help="concurrent add loops (default 2)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="regroup-stress-") as tmp:
        work = Path(tmp)
        outcome = _in_private_session(work, lambda: run(work / "profile", args.adds, args.loops))
    print(f"adds acknowledged: {len(outcome.acknowledged)} of {args.adds * args.loops}")
    print(f"autosaves:         {outcome.autosaves}")
    print(f"failures:          {len(outcome.failures)}")
    print(f"missing:           {len(outcome.missing)}")
    print(f"seconds:           {outcome.seconds:.0f}")
    for line in outcome.failures[:10] + outcome.missing[:10]:
        print(f"  {line}")
    return 1 if outcome.failures or outcome.missing else 0


if __name__ == "__main__":
    sys.exit(main())
