"""A disk that fails or fills: injected ENOSPC and EIO (strace), and a small full tmpfs.

strace fails the Nth `pwrite64`, `fsync` or `fdatasync` of a writer (SQLite's own
I/O; the `write` of a printed line is left alone) with ENOSPC or EIO. A write that
fails must say so in words and lose nothing acknowledged before. The full disk is a
tmpfs of a few megabytes filled to the last byte: writing is refused, reading,
listing and the recovery draft (kept elsewhere, encrypted) still work.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from tests.support.filesystems import fill_disk
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
from tests.torture.kills import ACK
from tests.torture.mounts import tmpfs

SYSCALLS = {"ENOSPC": "pwrite64", "EIO": "pwrite64,fsync,fdatasync"}
BATCH = 20


def _injected(errno_name: str, when: int) -> list[str]:
    calls = SYSCALLS[errno_name]
    return [
        "strace", "-f", "-qq", "-o", "/dev/null", "-e", f"trace={calls}",
        "-e", f"inject={calls}:error={errno_name}:when={when}",
    ]  # fmt: skip


def _writes(ws: Workspace, profile: Path) -> list[tuple[str, list[str], set[str]]]:
    """One of each writer: what it runs and the markers it writes."""
    marker, jrnl_marker = new_marker(), new_marker()
    source = ws.inputs / f"{profile.name}-{jrnl_marker}.txt"
    source.write_text(f"[2024-03-0{random.randint(1, 9)} 08:00] Fault. {entry_text(jrnl_marker)}\n")
    autosave = [sys.executable, "-m", "tests.torture.autosave_child", str(profile), "2"]
    return [
        ("add", ws.command(profile, "add", entry_text(marker)), {marker}),
        ("import", ws.command(profile, "import", str(source), "--from", "jrnl"), {jrnl_marker}),
        ("autosave", autosave, set()),
        ("backup", ws.command(profile, "backup", "create"), set()),
    ]


def _acknowledged(name: str, outcome: Outcome, markers: set[str]) -> set[str]:
    if name == "autosave":
        return set(ACK.findall(outcome.out))
    return markers if outcome.code == 0 else set()


def _said_so(name: str, outcome: Outcome, tally: Tally) -> None:
    """A refused write must have said why, in words (a traceback is counted by saw())."""
    if outcome.code == 0 and "NOT SAVED" not in outcome.out:
        return
    tally.refused += 1
    said = [line for line in outcome.out.splitlines() if line.startswith("NOT SAVED")]
    words = said or (outcome.err.strip() or outcome.out.strip()).splitlines()
    if not words:
        tally.damaged += 1
        tally.note(f"{name} failed without a word (exit {outcome.code})")
        return
    tally.note(f"{name} refused: {words[-1][-160:]}")


def run_injected(ws: Workspace, cycles: int, tally: Tally) -> None:
    """``cycles`` writes, each with one injected error, in batches checked as they end."""
    rng = random.Random()
    done = 0
    while done < cycles:
        profile = ws.new_folder("inject")
        acknowledged = fresh_profile(ws, profile, tally, adds=1)
        for _ in range(min(BATCH, cycles - done)):
            name, argv, markers = rng.choice(_writes(ws, profile))
            errno_name = rng.choice(sorted(SYSCALLS))
            outcome = ws.run([*_injected(errno_name, rng.randint(1, 12)), *argv])
            tally.saw(outcome, f"{name} with {errno_name}")
            acknowledged |= _acknowledged(name, outcome, markers)
            _said_so(f"{name} with {errno_name}", outcome, tally)
            done += 1
            tally.cycles += 1
        after = add(ws, profile, tally, acknowledged)
        if after.code != 0:
            tally.note(f"the first write after the faults failed: {after.err.strip()[-160:]}")
        tally.acknowledged += len(acknowledged)
        open_and_count(ws, profile, acknowledged, tally)
    scan_for_canary(ws.scanned(), tally)


def try_every_writer(ws: Workspace, profile: Path, where: str, tally: Tally) -> set[str]:
    """Run each writer once, unhurt; return what they acknowledged (each must say why not)."""
    acknowledged: set[str] = set()
    for name, argv, markers in _writes(ws, profile):
        outcome = ws.run(argv)
        tally.saw(outcome, f"{name} {where}")
        acknowledged |= _acknowledged(name, outcome, markers)
        _said_so(f"{name} {where}", outcome, tally)
        tally.cycles += 1
    return acknowledged


def run_full_disk(ws: Workspace, cycles: int, tally: Tally) -> None:
    """Fill a small disk under a profile, try every writer, read, then free space and write."""
    for _ in range(cycles):  # the mounts folder is empty again once each disk is gone
        with tmpfs(ws.new_folder("disk", ws.mounts), "8m") as disk:
            profile = disk / "profile"
            acknowledged = fresh_profile(ws, profile, tally, adds=3)
            fill_disk(disk)
            acknowledged |= try_every_writer(ws, profile, "on a full disk", tally)
            listing = ws.run(ws.command(profile, "list"))
            tally.saw(listing, "list on a full disk")
            if listing.code != 0:
                tally.damaged += 1
                tally.note(f"list fails on a full disk: {listing.err.strip()[-160:]}")
            os.unlink(disk / "filler")
            add(ws, profile, tally, acknowledged)
            tally.acknowledged += len(acknowledged)
            open_and_count(ws, profile, acknowledged, tally)
            scan_for_canary([disk], tally)
    scan_for_canary(ws.scanned(), tally)
