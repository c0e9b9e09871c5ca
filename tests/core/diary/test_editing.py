"""Editing keeps earlier states; the trash keeps deleted entries until it is emptied."""

from __future__ import annotations

import datetime as dt

import pytest

from regroup.core.diary.service import REVISION_INTERVAL, DiaryService
from regroup.core.diary.types import EntryContent, EntryNotFoundError
from regroup.core.profile import Profile
from tests.support.clock import ManualClock


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(dt.datetime(2026, 3, 29, 0, 30, tzinfo=dt.UTC))


@pytest.fixture
def diary(profile: Profile, clock: ManualClock) -> DiaryService:
    return DiaryService(profile.db, clock)


def test_saving_the_same_content_again_changes_nothing(diary: DiaryService) -> None:
    entry = diary.add(EntryContent("first words", tags=["a"]))
    again = diary.update(entry.id, entry.content())
    assert again == entry
    assert diary.revisions(entry.id) == []


def test_quick_autosaves_keep_one_revision_per_interval(
    diary: DiaryService, clock: ManualClock
) -> None:
    entry = diary.add(EntryContent("v1"))
    for text in ("v2", "v3", "v4"):
        clock.advance(dt.timedelta(seconds=2))
        diary.update(entry.id, EntryContent(text))
    assert [r.body for r in diary.revisions(entry.id)] == ["v1"]
    clock.advance(REVISION_INTERVAL)
    diary.update(entry.id, EntryContent("v5"))
    assert [r.body for r in diary.revisions(entry.id)] == ["v4", "v1"]
    assert diary.get(entry.id).body == "v5"


def test_restoring_a_revision_keeps_the_replaced_text_too(
    diary: DiaryService, clock: ManualClock
) -> None:
    entry = diary.add(EntryContent("original", title="T", mood=2, tags=["x"]))
    clock.advance(dt.timedelta(minutes=1))
    diary.update(entry.id, EntryContent("a bad autosave", title="T"))
    [old] = diary.revisions(entry.id)
    restored = diary.restore_revision(old.id)
    assert (restored.body, restored.mood, restored.tags) == ("original", 2, ("x",))
    assert "a bad autosave" in [r.body for r in diary.revisions(entry.id)]


def test_trash_restore_and_empty(diary: DiaryService, profile: Profile) -> None:
    keep = diary.add(EntryContent("keep me"))
    gone = diary.add(EntryContent("changed my mind"))
    diary.trash(gone.id)
    assert diary.count() == 1
    assert [s.id for s in diary.trashed()] == [gone.id]
    assert profile.search.search(_query("changed")) == []
    diary.restore(gone.id)
    assert diary.count() == 2
    diary.trash(gone.id)
    assert diary.empty_trash() == 1
    with pytest.raises(EntryNotFoundError):
        diary.get(gone.id)
    assert diary.get(keep.id).body == "keep me"


def test_a_missing_entry_is_named(diary: DiaryService) -> None:
    with pytest.raises(EntryNotFoundError, match="Entry 999"):
        diary.update(999, EntryContent("x"))


def _query(text: str):  # type: ignore[no-untyped-def]
    from regroup.core.diary.types import SearchQuery

    return SearchQuery(text)
