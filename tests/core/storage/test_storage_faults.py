"""A full disk or a read-only folder gives a clear error and loses nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from regroup.core.diary.types import EntryContent
from regroup.core.drafts import Draft
from regroup.core.errors import StorageWriteError
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Drafts, open_profile
from tests.support.filesystems import fill_disk, make_read_only, small_disk
from tests.support.prompter import ScriptedPrompter
from tests.support.snapshots import folder_fingerprint

pytestmark = pytest.mark.integration


def test_a_full_disk_refuses_the_save_clearly_and_keeps_what_was_saved(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "6m") as disk:
        paths = ProfilePaths(disk / "profile")
        profile = open_profile(paths, SystemKeyStore(), ScriptedPrompter())
        kept = profile.diary.add(EntryContent("saved before the disk filled"))
        fill_disk(disk)
        with pytest.raises(StorageWriteError, match="could not be saved"):
            profile.diary.add(EntryContent("x" * 2_000_000))
        assert profile.diary.get(kept.id).body == "saved before the disk filled"
        assert profile.diary.count() == 1
        draft = Draft(None, EntryContent("the unsaved words"), dt.datetime.now(dt.UTC))
        where = profile.drafts.entries.save(draft)
        assert not where.is_relative_to(disk)
        assert profile.drafts.entries.load() == draft
        assert b"unsaved words" not in where.read_bytes()
        profile.drafts.entries.discard()
        assert profile.drafts.entries.load() is None
        profile.close()


def test_a_profile_on_a_read_only_disk_opens_for_reading_and_is_left_alone(
    tmp_path: Path,
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        paths = ProfilePaths(disk / "profile")
        profile = open_profile(paths, SystemKeyStore(), ScriptedPrompter())
        profile.diary.add(EntryContent("kept"))
        profile.close()
        before = folder_fingerprint(paths.root)
        make_read_only(disk)
        reopened = open_profile(paths, SystemKeyStore(), ScriptedPrompter())
        try:
            assert reopened.read_only == "the disk is read-only"
            assert reopened.diary.get(1).body == "kept"
            with pytest.raises(StorageWriteError, match="could not be saved") as refused:
                reopened.diary.add(EntryContent("not now"))
            assert "cannot be written right now" in str(refused.value)
            assert "readonly database" not in str(refused.value)  # not SQLite's words
        finally:
            reopened.close()
        assert folder_fingerprint(paths.root) == before


def test_drafts_round_trip_hard_text(profile) -> None:  # type: ignore[no-untyped-def]
    text = "לא נורא 🌱 \x00 end"
    draft = Draft(
        7,
        EntryContent(text, title="t", mood=3, tags=("a",), entry_date=dt.date(1900, 1, 1)),
        dt.datetime.now(dt.UTC),
    )
    profile.drafts.entries.save(draft)
    assert profile.drafts.entries.load() == draft


def test_a_draft_saved_elsewhere_wins_over_an_old_copy_that_cannot_be_removed(
    tmp_path: Path,
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        drafts = Drafts(bytes(32), [disk / "profile", tmp_path / "fallback"])
        old = Draft(None, EntryContent("older words"), dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        assert drafts.entries.save(old).is_relative_to(disk)
        make_read_only(disk)
        new = Draft(None, EntryContent("newer words"), dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
        assert not drafts.entries.save(new).is_relative_to(disk)
        assert drafts.entries.load() == new
