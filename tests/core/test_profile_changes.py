"""The profile tells its own writes from another program's, so the window reloads only for those."""

from __future__ import annotations

from regroup.core.diary.types import EntryContent
from regroup.core.profile import Profile


def test_the_profile_s_own_writes_are_not_news_and_a_closed_profile_has_none(
    profile: Profile,
) -> None:
    assert not profile.changed_elsewhere()
    entry = profile.diary.add(EntryContent("Mine"))
    profile.diary.trash(entry.id)
    profile.settings.set("reminder_hour", "9")
    assert not profile.changed_elsewhere()
    profile.close()
    assert not profile.changed_elsewhere()
