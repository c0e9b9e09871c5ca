"""After a trial: the profile must open, pass its integrity check and hold every ack."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

from tests.torture.harness import CANARY, Tally, Workspace

CANARY_BYTES = CANARY.encode()
CANARY_FORMS = (CANARY_BYTES, CANARY.encode("utf-16-le"))
"""UTF-8 as SQLite stores it, and UTF-16 in case anything writes wide text."""


def open_and_count(
    ws: Workspace, profile: Path, acknowledged: Iterable[str], tally: Tally
) -> set[str]:
    """Open ``profile`` in a child; count a damaged profile and every lost ack; return markers."""
    outcome = ws.run([sys.executable, "-m", "tests.torture.inspect_profile", str(profile)])
    tally.saw(outcome, f"opening {profile.name}")
    try:
        found = json.loads(outcome.out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        found = {"opened": False, "problem": f"the check crashed: {outcome.err.strip()[-300:]}"}
    if not found.get("opened"):
        tally.damaged += 1
        tally.note(f"{profile.name} does not open: {found.get('problem')}")
        lost = set(acknowledged)
        tally.lost += len(lost)
        return set()
    if found.get("integrity") != ["ok"]:
        tally.damaged += 1
        tally.note(f"{profile.name} fails its integrity check: {found.get('integrity')}")
    markers = set(found.get("markers", []))
    missing = set(acknowledged) - markers
    if missing:
        tally.lost += len(missing)
        tally.note(f"{profile.name} lost {len(missing)} acknowledged writes")
    return markers


def scan_for_canary(folders: Iterable[Path], tally: Tally) -> None:
    """Read every file below ``folders``; each one holding the canary in plain text counts."""
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            try:
                if not path.is_file() or path.is_symlink():
                    continue
                data = path.read_bytes()
            except OSError:
                continue
            if any(form in data for form in CANARY_FORMS):
                tally.canaries += 1
                tally.note(f"plain text in {path}")
