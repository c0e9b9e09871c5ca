"""An import on a disk that cannot be written is refused in words, and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from regroup.core.errors import StorageWriteError
from regroup.core.exchange.importers.service import read_source
from regroup.core.exchange.importers.writer import write_entries
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile, save_problem
from regroup.core.storage.transactions import writing
from tests.conftest import TEST_KDF_SECONDS
from tests.core.exchange.sources import write_notes
from tests.support.filesystems import fill_disk, make_read_only, small_disk
from tests.support.prompter import ScriptedPrompter


def _notes(folder: Path) -> Path:
    return write_notes(
        folder,
        {
            "a.md": "---\ndate: 2024-01-01\n---\nA day.\n",
            "b.md": "---\ndate: 2024-01-02\n---\nMore.\n",
        },
    )


def test_a_write_the_database_refuses_becomes_a_storage_error(
    profile: Profile, tmp_path: Path
) -> None:
    plan = read_source(_notes(tmp_path / "vault"))
    refused = pytest.raises(StorageWriteError, match=r"could not be saved.*Nothing was imported")
    with refused, writing(profile.db):
        profile.db.execute_sql("PRAGMA query_only = ON")  # the disk turns read-only mid-import
        write_entries(profile.db, plan.entries)
    profile.db.execute_sql("PRAGMA query_only = OFF")
    assert profile.diary.count() == 0


@pytest.mark.parametrize("fault", ["read-only", "full"])
def test_a_profile_that_cannot_be_saved_says_so_before_anything_is_read(
    tmp_path: Path, keystore: SystemKeyStore, fault: str
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        paths = ProfilePaths(disk / "profile")
        made = open_profile(paths, keystore, ScriptedPrompter(), kdf_seconds=TEST_KDF_SECONDS)
        made.close()
        assert save_problem(paths) == ""
        if fault == "full":
            fill_disk(disk)
        else:
            make_read_only(disk)
        notice = save_problem(paths)
        assert notice.startswith("Regroup can read your diary but cannot save right now")
