"""``regroup insights`` from a terminal: every figure as JSON, or the readings as text."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from regroup.cli.insights import mood_days_json
from regroup.core.checkins.types import CheckinAnswers
from regroup.core.debriefs.types import DebriefContent, KeepLooking, NewsVia, Stage
from regroup.core.diary.types import EntryContent
from regroup.core.insights.types import MoodDay
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import open_profile
from tests.cli.test_diary import new_profile, ok, regroup
from tests.support.clock import ManualClock
from tests.support.prompter import ScriptedPrompter

pytestmark = pytest.mark.integration

TODAY = dt.date.today()
STORY = [  # days before today the news came, stage, how, asked, feedback text
    (100, Stage.APPLIED, NewsVia.NO_REPLY, False, ""),
    (80, Stage.SCREENING_CALL, NewsVia.EMAIL, True, ""),
    (60, Stage.INTERVIEWS, NewsVia.CALL, True, "Good on the case study"),
    (40, Stage.FINAL_ROUND, NewsVia.CALL, True, "Another person had more years"),
]


def _noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)


@pytest.fixture
def four_debriefs(tmp_path: Path) -> str:
    """Four debriefs, getting further each time; the third is ready to move on after 9 days."""
    data = new_profile(tmp_path / "profile")
    clock = ManualClock(_noon(TODAY - dt.timedelta(days=120)))
    profile = open_profile(ProfilePaths(Path(data)), SystemKeyStore(), ScriptedPrompter(), clock)
    try:
        ids = []
        for days_ago, stage, via, asked, text in STORY:
            news = TODAY - dt.timedelta(days=days_ago)
            content = DebriefContent(
                company=f"Co {days_ago}",
                role_kind="Analyst",
                stage=stage,
                news_on=news,
                news_via=via,
                feedback_asked=asked,
                feedback_received=text,
                wanted=4,
                keep_looking=KeepLooking.YES,
                preparedness=4,
                do_differently=("Practise the case study aloud",),
            )
            ids.append(profile.debriefs.create(content, draft=False).record.id)
            profile.diary.add(EntryContent("Heard back.", mood=2, entry_date=news))
        checkin = profile.checkins.start_by_hand(ids[2]).id
        clock.moment = _noon(TODAY - dt.timedelta(days=57))
        profile.checkins.snooze_days(checkin, 2)
        clock.moment = _noon(TODAY - dt.timedelta(days=51))
        profile.checkins.close(checkin, CheckinAnswers(feeling=4))
    finally:
        profile.close()
    return data


def test_insights_json_has_every_figure_with_the_counts_worked_out(four_debriefs: str) -> None:
    found = json.loads(ok("--data-dir", four_debriefs, "insights", "--json"))
    assert {
        "stages",
        "feedback",
        "move_on_days",
        "mood",
        "direction",
        "lessons",
        "goals",
        "preparation",
        "then_and_now",
    } <= found.keys()
    assert found["debriefs"] == 4
    assert found["stages"] == {
        "applied": 1,
        "screening_call": 1,
        "interviews": 1,
        "final_round": 1,
        "offer_stage": 0,
    }
    assert found["progress"]["direction"] == "further"  # ranks 0, 1 then 2, 3
    assert (found["feedback"]["asked"], found["feedback"]["received"]) == (3, 2)
    assert found["feedback"]["no_reply"] == 1 and found["feedback"]["ghosting_share"] == 0.25
    assert found["move_on_days"]["median"] == 9
    assert found["move_on_days"]["per_debrief"][0]["not_yets"] == 1
    assert found["mood"]["first_week_mean"] == 2
    first_news = (TODAY - dt.timedelta(days=100)).isoformat()
    assert found["mood"]["days"][0] == [first_news, 2, 2, 1]  # day, mean, rolling, moods
    assert len(found["mood"]["days"]) == 4
    assert found["direction"][0]["role_kind"] == "Analyst"
    assert found["direction"][0]["far_and_wanted"] is False  # mean stage 1.5: before interviews
    assert len(found["lessons"]["repeated"][0]["lines"]) == 4
    assert found["then_and_now"]["stage_then"] == "applied"
    assert found["then_and_now"]["furthest_stage_since"] == "final_round"
    assert found["readings"]["stages"] == "You reached an interview in 2 of 4 applications."


def test_from_and_to_filter_every_figure(four_debriefs: str) -> None:
    since = (TODAY - dt.timedelta(days=70)).isoformat()
    found = json.loads(ok("--data-dir", four_debriefs, "insights", "--json", "--from", since))
    assert found["period"]["from"] == since and found["debriefs"] == 2
    assert sum(found["stages"].values()) == 2
    assert found["then_and_now"] is not None  # the look-back always looks at everything


def test_insights_without_json_prints_the_readings_under_headings(four_debriefs: str) -> None:
    lines = ok("--data-dir", four_debriefs, "insights").splitlines()
    assert lines[:3] == [
        "How far you got:",
        "  You reached an interview in 2 of 4 applications.",
        "  Your more recent applications got further than the earlier ones.",
    ]
    assert "Then and now:" in lines


def test_an_empty_profile_gets_kind_words_and_bad_dates_a_clear_message(tmp_path: Path) -> None:
    data = new_profile(tmp_path / "empty")
    text = ok("--data-dir", data, "insights")
    assert "After your first debrief that says how far it went" in text
    found = json.loads(ok("--data-dir", data, "insights", "--json"))
    assert found["debriefs"] == 0 and found["then_and_now"] is None
    swapped = regroup("--data-dir", data, "insights", "--from", "2026-02-01", "--to", "2026-01-01")
    assert swapped.returncode == 1
    assert "--from is after --to" in swapped.stderr
    odd = regroup("--data-dir", data, "insights", "--from", "2026-02-30")
    assert odd.returncode == 2 and "is not a date" in odd.stderr


def test_insights_is_in_the_help() -> None:
    assert "insights" in ok("--help")
    assert "move_on_days" in ok("insights", "--help")


def test_the_mood_line_is_written_as_json_would_write_its_rounded_figures() -> None:
    """Half-way values, float noise and means from many moods a day round as round() does."""
    tricky = [2.675, 1.005, 3.0, 4.5, 2 / 3, 11 / 3, 4.999, 1.125, 0.005, 5.0]
    pick = random.Random(7)
    pooled = [sum(pick.randint(1, 5) for _ in range(n)) / n for n in range(1, 600)]
    values = tricky + pooled + [pick.uniform(1, 5) for _ in range(500)]
    start = dt.date(2024, 2, 27)
    days = tuple(
        MoodDay(start + dt.timedelta(days=3 * i), value, values[-1 - i], i % 4 + 1)
        for i, value in enumerate(values)
    )
    rounded = [
        [d.day.isoformat(), round(d.mean, 2), round(d.rolling_mean, 2), d.entries] for d in days
    ]
    iso_days = tuple(d.day.isoformat() for d in days)
    assert mood_days_json(days, iso_days) == json.dumps(rounded, separators=(", ", ": "))
    one = (MoodDay(start, 2.675, 1.005, 2),)
    assert json.loads(mood_days_json(one, ("2024-02-27",))) == [["2024-02-27", 2.67, 1.0, 2]]
    assert mood_days_json((), ()) == "[]"
    with pytest.raises(ValueError, match="days"):
        mood_days_json(one, ())
