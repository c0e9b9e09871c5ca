"""Every file of a profile is the owner's alone (0600), and an open folder is closed again."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from regroup.core.diary.types import EntryContent
from regroup.core.drafts import Draft
from regroup.core.exchange.service import write_json_export
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from tests.support.prompter import ScriptedPrompter

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")

MADE_PRIVATE = "Regroup has made it private to you"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _every_file(folder: Path) -> dict[str, int]:
    return {
        str(path.relative_to(folder)): _mode(path) for path in folder.rglob("*") if path.is_file()
    }


def test_every_file_a_profile_writes_is_readable_by_its_owner_only(
    profile: Profile, paths: ProfilePaths, tmp_path: Path
) -> None:
    profile.diary.add(EntryContent("words for me alone"))
    draft = Draft(None, EntryContent("a draft"), dt.datetime.now(dt.UTC))
    profile.drafts.entries.save(draft)
    outcome = profile.backups.create()
    assert outcome is not None
    write_json_export(profile.db, tmp_path / "export.json")
    wal = paths.database.with_name("regroup.db-wal")
    shm = paths.database.with_name("regroup.db-shm")
    assert wal.exists() and shm.exists()  # checked while the database is open
    files = _every_file(paths.root)
    assert {"regroup.db", "regroup.key", "regroup.key.copy", "regroup.db-wal"} <= set(files)
    assert any(name.startswith("backups/") for name in files)
    assert files == dict.fromkeys(files, 0o600)
    assert _mode(tmp_path / "export.json") == 0o600
    assert _mode(paths.root) == 0o700


def test_a_profile_others_could_open_is_made_private_and_the_person_told_once(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    assert MADE_PRIVATE not in profile.notice
    profile.diary.add(EntryContent("kept"))
    profile.close()
    paths.root.chmod(0o755)  # as an older Regroup, a copy or a hand-made folder left it
    for name in ("regroup.db", "regroup.key", "regroup.key.copy"):
        (paths.root / name).chmod(0o644)
    reopened = open_profile(paths, keystore, ScriptedPrompter())
    reopened.close()
    assert MADE_PRIVATE in reopened.notice
    assert _mode(paths.root) == 0o700
    assert set(_every_file(paths.root).values()) == {0o600}
    again = open_profile(paths, keystore, ScriptedPrompter())
    again.close()
    assert MADE_PRIVATE not in again.notice


def test_a_new_profile_in_an_open_folder_closes_it_and_says_so(
    tmp_path: Path, keystore: SystemKeyStore
) -> None:
    folder = tmp_path / "chosen"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    created = open_profile(ProfilePaths(folder), keystore, ScriptedPrompter())
    created.close()
    assert MADE_PRIVATE in created.notice
    assert _mode(folder) == 0o700


@pytest.mark.integration
def test_the_command_line_says_once_that_it_made_the_folder_private(tmp_path: Path) -> None:
    folder = tmp_path / "profile"

    def regroup(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "regroup", "--data-dir", str(folder), *args],
            capture_output=True,
            text=True,
            env=dict(os.environ),
            timeout=60,
            check=False,
        )

    assert regroup("init").returncode == 0
    folder.chmod(0o755)
    first = regroup("list")
    assert first.returncode == 0
    assert first.stderr.count(MADE_PRIVATE) == 1
    assert MADE_PRIVATE not in regroup("list").stderr
