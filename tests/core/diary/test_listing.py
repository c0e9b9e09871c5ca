"""Lists, the calendar and "on this day" read only what they show."""

import datetime as dt

from regroup.core.diary.types import EntryContent, ListPlace
from regroup.core.profile import Profile


def test_ids_come_newest_day_first_and_summaries_on_demand(profile: Profile) -> None:
    days = [dt.date(2024, 1, 3), dt.date(2026, 1, 1), dt.date(2025, 6, 1)]
    ids = [profile.diary.add(EntryContent(f"entry {d}", entry_date=d)).id for d in days]
    profile.diary.trash(ids[2])
    assert list(profile.browse.ordered_ids()) == [ids[1], ids[0]]
    summaries = profile.browse.summaries([ids[0]])
    assert summaries[ids[0]].preview == "entry 2024-01-03"


def test_ids_in_pages_follow_the_same_order_without_gaps(profile: Profile) -> None:
    start = dt.date(2020, 1, 1)
    profile.diary.add_many(
        EntryContent(str(i), entry_date=start + dt.timedelta(days=i // 3)) for i in range(50)
    )
    profile.diary.trash(profile.browse.ordered_ids()[10])
    everything = list(profile.browse.ordered_ids())
    newest = profile.browse.latest(7)
    place: ListPlace | None = ListPlace(newest[-1].entry_date, newest[-1].id)
    paged = [summary.id for summary in newest]
    while place is not None:
        ids, place = profile.browse.ids_after(place, 6)
        paged.extend(ids)
    assert paged == everything and len(everything) == 49


def test_long_bodies_preview_on_one_line(profile: Profile) -> None:
    entry = profile.diary.add(EntryContent("word\n\n" * 200))
    preview = profile.browse.summaries([entry.id])[entry.id].preview
    assert "\n" not in preview and preview.endswith("…") and len(preview) <= 120


def test_calendar_days_and_on_this_day(profile: Profile) -> None:
    for day in (dt.date(2024, 11, 25), dt.date(2025, 11, 25), dt.date(2026, 11, 3)):
        profile.diary.add(EntryContent("x", entry_date=day))
    marked = profile.browse.days_with_entries(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert marked == {dt.date(2026, 11, 3)}
    earlier = profile.browse.on_this_day(dt.date(2026, 11, 25))
    assert [s.entry_date for s in earlier] == [dt.date(2025, 11, 25), dt.date(2024, 11, 25)]


def test_tags_are_counted(profile: Profile) -> None:
    profile.diary.add(EntryContent("a", tags=["interview", "calm"]))
    profile.diary.add(EntryContent("b", tags=["Interview"]))
    assert profile.browse.tags() == [("interview", 2), ("calm", 1)]
