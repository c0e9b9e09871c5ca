"""An empty profile and a single debrief: every figure says kindly what will appear."""

from __future__ import annotations

import datetime as dt

from regroup.core.debriefs.types import DebriefContent, NewsVia, Stage
from regroup.core.insights.types import Insights, Period, Progress
from regroup.core.profile import Profile
from tests.core.conftest import Plans
from tests.core.insights.conftest import insights_over

UNKIND = ("only", "streak", "score", "fail", "bad", "poor")


def readings(found: Insights) -> list[str]:
    return [
        found.stages.reading,
        found.stages.progress_reading,
        found.feedback.reading,
        found.feedback.news_reading,
        found.mood.reading,
        found.move_on.reading,
        found.direction.reading,
        found.lessons.reading,
        found.goals.reading,
        found.preparation.reading,
    ]


def assert_kind(texts: list[str]) -> None:
    for text in texts:
        assert text.endswith(".")
        words = set(text.lower().replace(".", " ").replace(",", " ").split())
        assert not words & set(UNKIND), text


def test_an_empty_profile_gets_words_about_what_will_show_not_empty_figures(
    profile: Profile, plans: Plans
) -> None:
    found = insights_over(profile, plans).insights(Period.everything())
    assert found.debriefs == 0 and found.stages.total == 0
    assert found.stages.progress is Progress.TOO_FEW
    assert found.then_and_now is None
    assert found.feedback.ghosting_share is None and found.move_on.median_days is None
    assert found.stages.reading == (
        "After your first debrief that says how far it went, this shows your stages."
    )
    assert found.mood.reading == (
        "When diary entries have a mood, this shows how it moves around the news."
    )
    assert_kind(readings(found))


def test_one_debrief_says_what_appears_after_a_few_more(profile: Profile, plans: Plans) -> None:
    content = DebriefContent(
        company="Acme",
        stage=Stage.INTERVIEWS,
        news_on=dt.date(2026, 3, 1),
        news_via=NewsVia.NO_REPLY,
        feedback_asked=True,
        role_kind="Design",
        wanted=4,
        preparedness=3,
    )
    plans.debriefs.create(content, draft=False)
    plans.debriefs.create(DebriefContent(company="Draft Co", stage=Stage.APPLIED), draft=True)
    found = insights_over(profile, plans).insights(Period.everything())
    assert found.debriefs == 1  # the draft is still being written
    assert found.stages.reading == (
        "After a few more debriefs, this shows how far your applications go."
    )
    assert found.direction.reading == (
        "After a few more debriefs, this shows which kinds of role suit you best."
    )
    assert found.feedback.news_reading.startswith("1 of 1 ended with no reply at all.")
    assert_kind(readings(found))


def test_a_debrief_in_the_trash_counts_nowhere(profile: Profile, plans: Plans) -> None:
    from regroup.core.debriefs.types import GoalsOnDelete

    saved = plans.debriefs.create(
        DebriefContent(company="Acme", stage=Stage.FINAL_ROUND), draft=False
    )
    plans.debriefs.trash(saved.record.id, goals=GoalsOnDelete.KEEP)
    assert insights_over(profile, plans).stages(Period.everything()).total == 0
