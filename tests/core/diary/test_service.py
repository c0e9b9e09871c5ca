"""Entries keep exactly what was written, and refuse clearly what cannot be kept."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regroup.core.diary.types import EntryContent, normalise_tag
from regroup.core.errors import ValidationError
from regroup.core.profile import Profile

HARD_TEXTS = [
    "They chose someone else \U0001f614\U0001f3f3\ufe0f\u200d\U0001f308",
    "לא קיבלתי את התפקיד",
    "لم أحصل على الوظيفة",
    "before\x00after",
    "line\r\nbreaks\rand\ttabs",
    "",
]


@pytest.mark.parametrize("text", HARD_TEXTS)
def test_hard_texts_come_back_exactly(profile: Profile, text: str) -> None:
    saved = profile.diary.add(EntryContent(body=text, title=text[:20]))
    loaded = profile.diary.get(saved.id)
    assert (loaded.body, loaded.title) == (text, text[:20])


def test_a_5_mb_paste_is_kept_whole(profile: Profile) -> None:
    text = ("All the things I would say differently next time. " * 100_000)[:5_000_000]
    saved = profile.diary.add(EntryContent(body=text))
    assert profile.diary.get(saved.id).body == text


def test_far_dates_tags_and_mood_are_kept(profile: Profile) -> None:
    old = profile.diary.add(
        EntryContent(
            body="a", entry_date=dt.date(1900, 1, 1), mood=1, tags=["#Career", "career", "  "]
        )
    )
    far = profile.diary.add(EntryContent(body="b", entry_date=dt.date(2200, 12, 31), mood=5))
    assert profile.diary.get(old.id).entry_date == dt.date(1900, 1, 1)
    assert profile.diary.get(old.id).tags == ("Career",)
    assert profile.diary.get(far.id).entry_date == dt.date(2200, 12, 31)
    assert profile.diary.count() == 2


def test_a_lone_surrogate_is_refused_with_its_position(profile: Profile) -> None:
    with pytest.raises(ValidationError, match="position 3"):
        profile.diary.add(EntryContent(body="abc\ud800def"))
    assert profile.diary.count() == 0


def test_a_mood_outside_1_to_5_is_refused(profile: Profile) -> None:
    with pytest.raises(ValidationError, match="1 to 5"):
        profile.diary.add(EntryContent(body="x", mood=6))


def test_tags_are_trimmed_and_lose_their_hash() -> None:
    assert normalise_tag("  #interview ") == "interview"
    assert normalise_tag("#") == ""


def test_many_entries_are_saved_in_batches(profile: Profile) -> None:
    count = profile.diary.add_many((EntryContent(body=f"entry {i}") for i in range(2500)), 1000)
    assert count == 2500 == profile.diary.count()


text_strategy = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=text_strategy, title=text_strategy)
def test_any_text_round_trips(profile: Profile, body: str, title: str) -> None:
    saved = profile.diary.add(EntryContent(body=body, title=title))
    loaded = profile.diary.get(saved.id)
    assert (loaded.body, loaded.title) == (body, title)


def test_a_tag_made_in_a_rolled_back_save_is_made_again_next_time(profile: Profile) -> None:
    with profile.db.atomic() as transaction:
        profile.diary.add(EntryContent("not kept", tags=["fresh-start"]))
        transaction.rollback()
    profile.diary.add(EntryContent("another", tags=["other"]))
    kept = profile.diary.add(EntryContent("kept", tags=["fresh-start"]))
    assert profile.diary.get(kept.id).tags == ("fresh-start",)
    assert sorted(profile.browse.tags()) == [("fresh-start", 1), ("other", 1)]
