"""A disk remounted read-only under an open profile's folder.

Regroup must still open the diary to read: `list` and `export` work and the export
holds every acknowledged entry; `add`, an import, the autosaver and a backup say in
words that they cannot save. Remounted writable, the profile holds everything and
takes writes again.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.torture.check import open_and_count, scan_for_canary
from tests.torture.faults import _acknowledged, _said_so, try_every_writer
from tests.torture.harness import Outcome, Tally, Workspace, add, fresh_profile
from tests.torture.mounts import remount, tmpfs


def run(ws: Workspace, cycles: int, tally: Tally) -> None:
    """``cycles`` disks: write, remount read-only, read and try to write, remount, check."""
    for _ in range(cycles):
        with tmpfs(ws.new_folder("disk", ws.mounts), "16m") as disk:
            profile = disk / "profile"
            acknowledged = fresh_profile(ws, profile, tally, adds=3)
            # The autosaver is open while the disk goes read-only, as a window would be.
            window = ws.start(
                [sys.executable, "-m", "tests.torture.autosave_child", str(profile), "6", "0.25"]
            )
            remount(disk, "ro")
            out, err = window.communicate(timeout=120)
            saving = Outcome(window.returncode, out, err)
            tally.saw(saving, "autosave across the remount")
            acknowledged |= _acknowledged("autosave", saving, set())
            _said_so("autosave across the remount", saving, tally)
            tally.cycles += 1
            _reading_works(ws, profile, acknowledged, tally)
            acknowledged |= try_every_writer(ws, profile, "on a read-only disk", tally)
            remount(disk, "rw")
            after = add(ws, profile, tally, acknowledged)
            if after.code != 0:
                tally.note(f"writing after the remount failed: {after.err.strip()[-160:]}")
            tally.acknowledged += len(acknowledged)
            open_and_count(ws, profile, acknowledged, tally)
            scan_for_canary([disk], tally)
    scan_for_canary(ws.scanned(), tally)


def _reading_works(ws: Workspace, profile: Path, acknowledged: set[str], tally: Tally) -> None:
    """`list` and a JSON export (to a writable folder) work and hold every ack."""
    listing = ws.run(ws.command(profile, "list", "-n", "5"))
    tally.saw(listing, "list on a read-only disk")
    export = ws.inputs / f"{profile.parent.name}-export.json"
    exported = ws.run(ws.command(profile, "export", "--format", "json", "--output", str(export)))
    tally.saw(exported, "export on a read-only disk")
    for name, outcome in (("list", listing), ("export", exported)):
        if outcome.code != 0:
            tally.damaged += 1
            tally.note(f"{name} fails on a read-only disk: {outcome.err.strip()[-160:]}")
    if exported.code == 0:
        text = export.read_text(encoding="utf-8")
        missing = {marker for marker in acknowledged if marker not in text}
        if missing:
            tally.lost += len(missing)
            tally.note(f"the read-only export misses {len(missing)} acknowledged entries")
        export.unlink()
