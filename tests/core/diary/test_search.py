"""Search as the person types: prefixes, phrases, #tags, filters, ranking, highlights."""

from __future__ import annotations

import datetime as dt

import pytest

from regroup.core.diary.search import build_match
from regroup.core.diary.types import HIGHLIGHT_END, HIGHLIGHT_START, EntryContent, SearchQuery
from regroup.core.profile import Profile


@pytest.fixture
def journal(profile: Profile) -> dict[str, int]:
    add = profile.diary.add
    return {
        "panel": add(
            EntryContent(
                "The interview panel asked about my portfolio.",
                title="Final round",
                mood=2,
                tags=["interview"],
                entry_date=dt.date(2026, 5, 1),
            )
        ).id,
        "walk": add(
            EntryContent(
                "A long walk helped. Interview nerves gone.", mood=4, entry_date=dt.date(2026, 5, 3)
            )
        ).id,
        "title": add(
            EntryContent(
                "Nothing much.",
                title="Interview interview interview",
                entry_date=dt.date(2025, 1, 1),
            )
        ).id,
        "café": add(EntryContent("Coffee at the café with a mentor", tags=["networking"])).id,
    }


def _ids(profile: Profile, **kwargs: object) -> list[int]:
    return [hit.summary.id for hit in profile.search.search(SearchQuery(**kwargs))]  # type: ignore[arg-type]


def test_prefixes_match_as_you_type(profile: Profile, journal: dict[str, int]) -> None:
    assert set(_ids(profile, text="interv")) == {
        journal["panel"],
        journal["walk"],
        journal["title"],
    }
    assert _ids(profile, text="portf") == [journal["panel"]]


def test_titles_rank_above_bodies(profile: Profile, journal: dict[str, int]) -> None:
    assert _ids(profile, text="interview")[0] == journal["title"]


def test_phrases_and_tags(profile: Profile, journal: dict[str, int]) -> None:
    assert _ids(profile, text='"interview panel"') == [journal["panel"]]
    assert _ids(profile, text='"panel interview"') == []
    assert _ids(profile, text="#networking") == [journal["café"]]


def test_accents_do_not_matter(profile: Profile, journal: dict[str, int]) -> None:
    assert _ids(profile, text="cafe") == [journal["café"]]


def test_filters_narrow_the_hits(profile: Profile, journal: dict[str, int]) -> None:
    assert _ids(profile, text="interview", mood=4) == [journal["walk"]]
    assert _ids(profile, text="interview", tag="#Interview") == [journal["panel"]]
    assert set(_ids(profile, date_from=dt.date(2026, 5, 2))) >= {journal["walk"]}
    assert journal["title"] not in _ids(profile, text="interview", date_from=dt.date(2026, 1, 1))
    assert _ids(profile, text="interview", date_to=dt.date(2025, 12, 31)) == [journal["title"]]


def test_hits_carry_a_highlighted_snippet(profile: Profile, journal: dict[str, int]) -> None:
    [hit] = profile.search.search(SearchQuery("portfolio"))
    assert f"{HIGHLIGHT_START}portfolio{HIGHLIGHT_END}" in hit.snippet


@pytest.mark.parametrize(
    "typed", ['"', "AND", "OR NOT", "*", "(", "col:umn", "NEAR(a b)", "💥", "'; DROP TABLE entry"]
)
def test_nothing_typed_breaks_the_search(
    profile: Profile, journal: dict[str, int], typed: str
) -> None:
    profile.search.search(SearchQuery(typed))


def test_the_expression_quotes_every_word() -> None:
    assert build_match('job "final round" #Career-Change') == (
        '"final round" AND "job"* AND tags_text : "Career Change"'
    )
    assert build_match("   ") == ""


def test_very_common_words_are_ranked_among_the_newest_matches(
    profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from regroup.core.diary import search

    ids = [profile.diary.add(EntryContent(f"rejection note {i}")).id for i in range(6)]
    monkeypatch.setattr(search, "RANK_WINDOW", 4)
    hits = profile.search.search(SearchQuery("rejection"))
    assert sorted(hit.summary.id for hit in hits) == sorted(ids[-4:])
    assert profile.search.count(SearchQuery("rejection")) == 6
    assert len(profile.search.search(SearchQuery("note 0"))) == 1
