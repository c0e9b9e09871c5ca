"""A profile on a read-only or full disk opens for reading, searching and exporting."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from regroup.core.diary.search import SearchQuery
from regroup.core.diary.types import EntryContent
from regroup.core.errors import StorageWriteError
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from tests.conftest import TEST_KDF_SECONDS
from tests.support.filesystems import fill_disk, make_read_only, small_disk
from tests.support.prompter import ScriptedPrompter


def _open(paths: ProfilePaths, keystore: SystemKeyStore) -> Profile:
    return open_profile(paths, keystore, ScriptedPrompter(), kdf_seconds=TEST_KDF_SECONDS)


def _diary_with_two_entries(paths: ProfilePaths, keystore: SystemKeyStore) -> None:
    profile = _open(paths, keystore)
    profile.diary.add(EntryContent(body="The interview felt warm"))
    profile.diary.add(EntryContent(body="Heard back: not this time"))
    profile.close()


def _reads_searches_and_refuses_to_save(profile: Profile) -> None:
    assert profile.diary.count() == 2
    assert [h.summary.id for h in profile.search.search(SearchQuery("warm"))] == [1]
    with pytest.raises(StorageWriteError):
        profile.diary.add(EntryContent(body="a new thought"))
    assert profile.diary.count() == 2


def test_a_read_only_disk_opens_read_only_and_says_why(
    tmp_path: Path, keystore: SystemKeyStore
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        paths = ProfilePaths(disk / "profile")
        _diary_with_two_entries(paths, keystore)
        make_read_only(disk)
        profile = _open(paths, keystore)
        try:
            assert profile.read_only == "the disk is read-only"
            _reads_searches_and_refuses_to_save(profile)
            from regroup.core.exchange.service import write_json_export

            write_json_export(profile.db, tmp_path / "export.json")
            assert "Heard back" in (tmp_path / "export.json").read_text(encoding="utf-8")
        finally:
            profile.close()


def test_a_full_disk_opens_read_only_and_says_why(tmp_path: Path, keystore: SystemKeyStore) -> None:
    with small_disk(tmp_path / "disk", "4m") as disk:
        paths = ProfilePaths(disk / "profile")
        _diary_with_two_entries(paths, keystore)
        fill_disk(disk)
        profile = _open(paths, keystore)
        try:
            assert profile.read_only == "the disk is full"
            _reads_searches_and_refuses_to_save(profile)
        finally:
            profile.close()


@pytest.mark.parametrize(
    ("part", "locked_mode", "open_mode", "why"),
    [
        ("root", 0o500, 0o700, "the profile folder cannot be written"),
        ("database", 0o400, 0o600, "regroup.db is read-only"),
    ],
)
def test_a_read_only_folder_or_file_opens_read_only(
    tmp_path: Path,
    keystore: SystemKeyStore,
    part: str,
    locked_mode: int,
    open_mode: int,
    why: str,
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes through file modes; the mounted read-only disk covers root")
    paths = ProfilePaths(tmp_path / "profile")
    _diary_with_two_entries(paths, keystore)
    locked: Path = getattr(paths, part)
    locked.chmod(locked_mode)
    try:
        profile = _open(paths, keystore)
        try:
            assert profile.read_only == why
            _reads_searches_and_refuses_to_save(profile)
        finally:
            profile.close()
    finally:
        locked.chmod(open_mode)
