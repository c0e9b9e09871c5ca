"""kill -9 at a random moment during add, import, autosave and backup.

Each kind runs in batches on a small profile of its own: one full run first (its time
sets how late a kill may come), then cycles killed after a random delay between zero and
a little past a whole run, so some finish and are acknowledged. After each batch the
profile is opened and checked, and at the end every folder is scanned for plain text.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.torture.check import open_and_count, scan_for_canary
from tests.torture.harness import (
    Outcome,
    Tally,
    Workspace,
    add,
    entry_text,
    fresh_profile,
    new_marker,
)

BATCH = 25
ACK = re.compile(r"^ACK (TM[0-9a-f]{16})$", re.MULTILINE)


def killed_run(ws: Workspace, argv: list[str], delay: float) -> Outcome:
    """Start ``argv`` and SIGKILL it after ``delay`` seconds unless it ended first."""
    proc = ws.start(argv)
    try:
        out, err = proc.communicate(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        return Outcome(-9, out, err, killed=True)
    return Outcome(proc.returncode, out, err)


class Cycle:
    """One kind of write: how to run it once, and which markers its success acknowledges."""

    kind = ""

    def __init__(self, ws: Workspace, profile: Path) -> None:
        self.ws = ws
        self.profile = profile

    def prepare(self) -> tuple[list[str], set[str]]:
        """Return the command and the markers it writes."""
        raise NotImplementedError

    def acknowledged(self, outcome: Outcome, markers: set[str]) -> set[str]:
        """The markers this run acknowledged (all of them when it returned 0)."""
        return markers if outcome.code == 0 else set()


class AddCycle(Cycle):
    kind = "add"

    def prepare(self) -> tuple[list[str], set[str]]:
        marker = new_marker()
        return self.ws.writer(self.profile, "add", entry_text(marker)), {marker}


def _moment(rng: random.Random) -> datetime:
    start = datetime(2020, 1, 1, tzinfo=UTC)
    return start + timedelta(minutes=rng.randrange(0, 60 * 24 * 365 * 6))


class JsonImportCycle(Cycle):
    kind = "import JSON"

    def prepare(self) -> tuple[list[str], set[str]]:
        rng = random.Random()
        markers = {new_marker() for _ in range(3)}
        entries = []
        for marker in sorted(markers):
            when = _moment(rng).isoformat().replace("+00:00", "Z")
            entries.append(
                {
                    "uuid": str(uuid.uuid4()),
                    "entry_date": when[:10],
                    "created_at": when,
                    "updated_at": when,
                    "deleted_at": None,
                    "title": "imported",
                    "body": entry_text(marker),
                    "mood": rng.choice([None, 1, 3, 5]),
                    "tags": ["torture"],
                    "revisions": [],
                }
            )
        export = {"format": "regroup-export", "version": 2, "exported_at": "2026-01-01T00:00:00Z"}
        export.update(app_version="0.1.0", entries=entries, debriefs=[], goals=[])
        export.update(checkins=[], waiting=[])
        source = self.ws.inputs / f"{self.profile.name}.json"
        source.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
        return self.ws.command(self.profile, "import", str(source)), markers


class JrnlImportCycle(Cycle):
    kind = "import jrnl"

    def prepare(self) -> tuple[list[str], set[str]]:
        rng = random.Random()
        markers = {new_marker() for _ in range(3)}
        lines = [
            f"[{_moment(rng):%Y-%m-%d %H:%M}] Waiting {marker}. {entry_text(marker)} @torture\n"
            for marker in sorted(markers)
        ]
        source = self.ws.inputs / f"{self.profile.name}.txt"
        source.write_text("\n".join(lines), encoding="utf-8")
        return self.ws.command(self.profile, "import", str(source), "--from", "jrnl"), markers


class AutosaveCycle(Cycle):
    kind = "autosave"

    def prepare(self) -> tuple[list[str], set[str]]:
        saves = [str(self.profile), "12", "0.03"]
        child = [sys.executable, "-m", "tests.torture.autosave_child", *saves]
        return child, set()

    def acknowledged(self, outcome: Outcome, markers: set[str]) -> set[str]:
        return set(ACK.findall(outcome.out))


class BackupCycle(Cycle):
    kind = "backup"

    def prepare(self) -> tuple[list[str], set[str]]:
        return self.ws.command(self.profile, "backup", "create"), set()


CYCLES: dict[str, Callable[[Workspace, Path], Cycle]] = {
    cycle.kind: cycle for cycle in (AddCycle, JsonImportCycle, JrnlImportCycle, AutosaveCycle)
}
CYCLES[BackupCycle.kind] = BackupCycle


def run_kind(ws: Workspace, kind: str, cycles: int, tally: Tally) -> None:
    """Run ``cycles`` killed writes of ``kind`` in batches, checking after each batch."""
    rng = random.Random()
    done = 0
    while done < cycles:
        profile = ws.new_folder("batch")
        acknowledged = fresh_profile(ws, profile, tally, adds=0)
        make = CYCLES[kind](ws, profile)
        longest = _full_run(ws, profile, make, tally, acknowledged)
        for _ in range(min(BATCH, cycles - done)):
            if kind == "backup":
                add(ws, profile, tally, acknowledged)
            argv, markers = make.prepare()
            outcome = killed_run(ws, argv, rng.uniform(0.0, longest * 1.4))
            tally.saw(outcome, kind)
            acknowledged |= make.acknowledged(outcome, markers)
            if not outcome.killed and outcome.code != 0:
                tally.refused += 1
                tally.note(f"{kind} refused: {outcome.err.strip()[-200:]}")
            done += 1
            tally.cycles += 1
        tally.acknowledged += len(acknowledged)
        open_and_count(ws, profile, acknowledged, tally)
        if kind == "backup":
            _verify_backups(ws, profile, tally)
    scan_for_canary(ws.scanned(), tally)


def _full_run(
    ws: Workspace, profile: Path, make: Cycle, tally: Tally, acknowledged: set[str]
) -> float:
    """Run one write to its end; its length bounds the kill delays of the batch."""
    argv, markers = make.prepare()
    started = datetime.now(UTC)
    outcome = ws.run(argv)
    tally.saw(outcome, make.kind)
    if outcome.code != 0:
        tally.refused += 1
        tally.note(f"{make.kind} failed unhurt: {outcome.err.strip()[-200:]}")
    acknowledged |= make.acknowledged(outcome, markers)
    return max((datetime.now(UTC) - started).total_seconds(), 0.2)


def _verify_backups(ws: Workspace, profile: Path, tally: Tally) -> None:
    """Every backup still offered must pass its check: a killed one is never offered."""
    outcome = ws.run(ws.command(profile, "backup", "verify"))
    tally.saw(outcome, "backup verify")
    if outcome.code != 0:
        tally.damaged += 1
        tally.note(f"a backup offered after a kill fails its check: {outcome.err.strip()[-200:]}")
