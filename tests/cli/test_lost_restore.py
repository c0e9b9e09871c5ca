"""From a terminal: a diary whose database was emptied or deleted comes back from a backup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_diary import new_profile, ok, regroup

pytestmark = pytest.mark.integration


@pytest.fixture
def data(tmp_path: Path) -> str:
    data = new_profile(tmp_path / "profile")
    for body in ("the first evening", "a second thought 🌱"):
        ok("--data-dir", data, "add", body)
    ok("--data-dir", data, "backup", "create")
    return data


@pytest.mark.parametrize("lost", [b"", b"\x00", None])
def test_the_offered_restore_runs_and_brings_every_entry_back(
    data: str, lost: bytes | None
) -> None:
    database = Path(data) / "regroup.db"
    if lost is None:
        database.unlink()
    else:
        database.write_bytes(lost)
    refused = regroup("--data-dir", data, "list")
    assert refused.returncode == 1
    assert "regroup backup restore latest" in refused.stderr
    listed = json.loads(ok("--data-dir", data, "backup", "list", "--json"))
    assert [backup["entries"] for backup in listed] == [2]
    assert "good" in ok("--data-dir", data, "backup", "verify")
    said = ok("--data-dir", data, "backup", "restore", "latest")
    assert "Restored the backup of" in said
    listing = ok("--data-dir", data, "list")
    assert "the first evening" in listing and "a second thought" in listing
    kept = sorted(path.name for path in Path(data).glob("regroup.db.lost-*"))
    assert len(kept) == (0 if lost is None else 1)


def test_without_a_backup_the_message_says_what_else_can_be_done(tmp_path: Path) -> None:
    data = new_profile(tmp_path / "bare")
    (Path(data) / "regroup.db").write_bytes(b"")
    refused = regroup("--data-dir", data, "info")
    assert refused.returncode == 1
    assert "no backup of this profile yet" in refused.stderr and "put it back" in refused.stderr
    tried = regroup("--data-dir", data, "backup", "restore", "latest")
    assert tried.returncode == 1
    assert "no backup to restore" in tried.stderr and "put it back" in tried.stderr
    assert "Traceback" not in tried.stderr + refused.stderr
