"""The damaged files of issue 13, each on a fresh profile with entries and a backup.

- a deleted, empty or one-byte `regroup.db`: refused in words, never replaced by a new
  empty diary; `regroup backup restore latest` brings back everything in the backup;
- `regroup.key` deleted (alone, or with its spare copy) or with one hex digit changed:
  the diary opens with the keyring's key, the key file is rebuilt, nothing is lost;
- a damaged WAL (bytes flipped in its last frame): the WAL is copied aside and the
  person told; entries checkpointed before it are all there.
"""

from __future__ import annotations

import random
import shutil
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from tests.torture.check import open_and_count, scan_for_canary
from tests.torture.harness import Outcome, Tally, Workspace, add
from tests.torture.kills import ACK

WAL_HEADER = 32
FRAME_HEADER = 24


_TEMPLATES: dict[Path, tuple[Path, set[str], set[str]]] = {}
_TEMPLATE_LOCK = threading.Lock()


def _profile_with_backup(ws: Workspace, tally: Tally) -> tuple[Path, set[str], set[str]]:
    """A copy of one profile per run with entries backed up and entries written after.

    Copied, not made again: every case starts the same and the short form stays short
    (the key stays in the keyring under the copied profile id).
    """
    run_root = ws.root.parent
    with _TEMPLATE_LOCK:
        if run_root not in _TEMPLATES:
            template = Workspace(run_root, ws.env, "damaged-template")
            _TEMPLATES[run_root] = _fresh_profile(template, tally)
    source, backed_up, later = _TEMPLATES[run_root]
    profile = ws.new_folder("damaged")
    shutil.copytree(source, profile, symlinks=True)
    return profile, set(backed_up), set(later)


def _fresh_profile(ws: Workspace, tally: Tally) -> tuple[Path, set[str], set[str]]:
    profile = ws.new_folder("template")
    ws.init(profile, tally)
    backed_up: set[str] = set()
    for _ in range(3):
        add(ws, profile, tally, backed_up)
    made = ws.run(ws.command(profile, "backup", "create"))
    tally.saw(made, "backup create")
    if made.code != 0:
        raise RuntimeError(f"the backup before the damage failed: {made.err.strip()}")
    later: set[str] = set()
    for _ in range(2):
        add(ws, profile, tally, later)
    return profile, backed_up, later


def _refused_in_words(outcome: Outcome, what: str, tally: Tally) -> None:
    if outcome.code == 0 or not outcome.err.strip():
        tally.damaged += 1
        tally.note(f"{what}: exit {outcome.code}, said {outcome.err.strip()[-160:]!r}")
    else:
        tally.note(f"{what}: {outcome.err.strip().splitlines()[-1][:200]}")


def _short_database(content: bytes | None) -> Callable[[Workspace, int, Tally], None]:
    """``content`` replaces the database; None deletes it (a sync that lost the file)."""
    what = "no database" if content is None else f"a {len(content)}-byte database"

    def run(ws: Workspace, cycles: int, tally: Tally) -> None:
        for _ in range(cycles):
            profile, backed_up, later = _profile_with_backup(ws, tally)
            database = profile / "regroup.db"
            if content is None:
                database.unlink()
            else:
                database.write_bytes(content)
            listing = ws.run(ws.command(profile, "list"))
            tally.saw(listing, "list")
            _refused_in_words(listing, f"list with {what}", tally)
            now = database.read_bytes() if database.exists() else None
            if now != content:
                tally.damaged += 1
                tally.note("the lost database was replaced before any restore")
            restored = ws.run(ws.command(profile, "backup", "restore", "latest"))
            tally.saw(restored, "backup restore")
            if restored.code != 0:
                tally.note(f"restore refused: {restored.err.strip()[-200:]}")
            tally.cycles += 1
            # What the damage destroyed is not Regroup's loss; what the backup held must return.
            tally.acknowledged += len(backed_up)
            tally.note(f"{len(later)} entries written after the backup went with the file")
            open_and_count(ws, profile, backed_up, tally)
        scan_for_canary(ws.scanned(), tally)

    return run


def _key_damage(damage: Callable[[Path, random.Random], None]) -> Callable[..., None]:
    def run(ws: Workspace, cycles: int, tally: Tally) -> None:
        rng = random.Random()
        for _ in range(cycles):
            profile, backed_up, later = _profile_with_backup(ws, tally)
            damage(profile, rng)
            listing = ws.run(ws.command(profile, "list"))
            tally.saw(listing, "list")
            said = (listing.err.strip() or listing.out.strip()).splitlines()
            tally.note(f"list: exit {listing.code}: {said[0][:200] if said else ''}")
            tally.cycles += 1
            tally.acknowledged += len(backed_up | later)
            open_and_count(ws, profile, backed_up | later, tally)
            if not (profile / "regroup.key").exists():
                tally.damaged += 1
                tally.note("the key file was not rebuilt")
        scan_for_canary(ws.scanned(), tally)

    return run


def _delete_key(profile: Path, rng: random.Random) -> None:
    (profile / "regroup.key").unlink()


def _delete_key_and_copy(profile: Path, rng: random.Random) -> None:
    (profile / "regroup.key").unlink()
    (profile / "regroup.key.copy").unlink()


def _change_hex_digit(profile: Path, rng: random.Random) -> None:
    key = profile / "regroup.key"
    text = key.read_text()
    field = rng.choice(['"key_check": "', '"profile_id": "'])
    start = text.index(field) + len(field)
    place = start + rng.randrange(0, 32)
    while text[place] == "-":
        place += 1
    digit = rng.choice([d for d in "0123456789abcdef" if d != text[place]])
    key.write_text(text[:place] + digit + text[place + 1 :])


def _damaged_wal(ws: Workspace, cycles: int, tally: Tally) -> None:
    rng = random.Random()
    for _ in range(cycles):
        profile, backed_up, later = _profile_with_backup(ws, tally)
        saver = [sys.executable, "-m", "tests.torture.autosave_child", str(profile), "4", "0"]
        child = ws.run([*saver, "--leave-wal"])
        tally.saw(child, "autosave leaving its WAL")
        in_wal = set(ACK.findall(child.out))
        wal = profile / "regroup.db-wal"
        data = bytearray(wal.read_bytes())
        page = int.from_bytes(data[8:12], "big")
        frames = (len(data) - WAL_HEADER) // (FRAME_HEADER + page)
        last = WAL_HEADER + (frames - 1) * (FRAME_HEADER + page) + FRAME_HEADER
        for offset in rng.sample(range(last, last + page), 8):
            data[offset] ^= 0xFF
        wal.write_bytes(bytes(data))
        listing = ws.run(ws.command(profile, "list"))
        tally.saw(listing, "list")
        said = (listing.err.strip() or listing.out.strip()).splitlines()
        tally.note(f"list: exit {listing.code}: {said[0][:200] if said else ''}")
        if not list(profile.glob("regroup.db-wal.*.aside")):
            tally.damaged += 1
            tally.note("the damaged WAL was not copied aside")
        tally.cycles += 1
        tally.acknowledged += len(backed_up | later)
        found = open_and_count(ws, profile, backed_up | later, tally)
        kept = len(in_wal & found)
        tally.note(f"{kept} of {len(in_wal)} entries only in the damaged WAL came back")
    scan_for_canary(ws.scanned(), tally)


CASES: tuple[tuple[str, Callable[[Workspace, int, Tally], None]], ...] = (
    ("regroup.db deleted", _short_database(None)),
    ("empty regroup.db", _short_database(b"")),
    ("one-byte regroup.db", _short_database(b"S")),
    ("regroup.key deleted", _key_damage(_delete_key)),
    ("regroup.key and its copy deleted", _key_damage(_delete_key_and_copy)),
    ("one hex digit of regroup.key", _key_damage(_change_hex_digit)),
    ("damaged WAL frame", _damaged_wal),
)
