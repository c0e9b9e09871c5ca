"""A demo profile for the screenshots: a few weeks of a job search, told kindly.

Made through the public services, so it holds exactly what a user could have made:
a diary with moods and tags (one entry in Arabic), four debriefs, goals in every lane
and check-ins in every state (due now, missed, coming up, answered), whatever the
time of day it is made.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tests.support.clock import ManualClock
from tests.support.prompter import ScriptedPrompter

from regroup.core.checkins.types import CheckinAnswers
from regroup.core.debriefs.types import DebriefContent, KeepLooking, NewsVia, Stage
from regroup.core.diary.types import EntryContent
from regroup.core.goals.types import GoalCategory, GoalContent, Lane
from regroup.core.keys.keystore import KeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from regroup.core.waiting.types import WaitingContent

ENTRIES = (
    ("Heard back from Northwind", "Not this time. I am sad, and that is allowed. #northwind", 2),
    ("A walk helped", "Went out by the river. Felt lighter after an hour.\n\n#wellbeing", 3),
    ("Coffee with Sam", "Sam said final rounds are close calls more often than not. #network", 4),
    ("Portfolio", "Rewrote the case study intro. It reads better now. #portfolio", 4),
    ("Quiet day", "Did not do much. Rested, and that was the plan.", 3),
    ("مرحبا: notes in Arabic", "نص تجريبي باللغة العربية", 3),
    ("Applied to Fabrikam", "A role that fits what I want to do next. #applications", 4),
    ("Nervous before the call", "Wrote down three stories to tell. #interviews", 3),
)


def make_demo_profile(root: Path, keystore: KeyStore) -> None:
    """Create the demo profile in ``root`` (which must not hold one yet)."""
    local_zone = datetime.now().astimezone().tzinfo
    clock = ManualClock(datetime.now(UTC) - timedelta(days=30), local_zone)
    profile = open_profile(ProfilePaths(root), keystore, ScriptedPrompter(), clock=clock)
    try:
        # A check-in is missed only when it went unanswered for a week after being planned,
        # so the missed one is made a month ago; everything else now.
        contoso = _debrief(
            profile,
            company="Contoso",
            role="UX researcher",
            role_kind="Research",
            stage=Stage.INTERVIEWS,
            news_on=clock.today() - timedelta(days=1),
            news_via=NewsVia.EMAIL,
            wanted=3,
            keep_looking=KeepLooking.NOT_SURE,
            mourning_days=2,
        )
        clock.moment = datetime.now(UTC)
        _fill(profile, clock.today(), contoso)
    finally:
        profile.close()


def _fill(profile: Profile, today: date, contoso: int) -> None:
    for i, (title, body, mood) in enumerate(ENTRIES):
        content = EntryContent(
            body=body, title=title, mood=mood, tags=(), entry_date=today - timedelta(days=i * 2)
        )
        profile.diary.add(content)
    northwind = _debrief(
        profile,
        company="Northwind",
        role="Product designer",
        role_kind="Design",
        applied_on=today - timedelta(days=40),
        stage=Stage.FINAL_ROUND,
        interview_rounds=3,
        news_on=today - timedelta(days=3),
        news_via=NewsVia.CALL,
        feedback_asked=True,
        feedback_received="A strong portfolio; another person had more research experience.",
        preparedness=4,
        went_well="The portfolio review, and the questions I asked the team.",
        do_differently=("Practise the research story", "Ask about the team's process earlier"),
        resume_targeted=True,
        strengths="Clear case studies; calm under questions.",
        wanted=5,
        keep_looking=KeepLooking.YES,
        traps=("taking_it_personally",),
        reframe="One team chose someone else. It says little about what I can do.",
        lessons="Research stories matter for this kind of role.",
        mourning_days=7,
    )
    tailspin = _debrief(
        profile,
        draft=True,
        company="Tailspin",
        role="Service designer",
        stage=Stage.SCREENING_CALL,
        news_on=today - timedelta(days=1),
        news_via=NewsVia.EMAIL,
    )
    profile.checkins.start_by_hand(tailspin)  # due now, whatever the time of day
    litware = _debrief(
        profile,
        company="Litware",
        role="Designer",
        stage=Stage.APPLIED,
        news_on=today - timedelta(days=30),
        news_via=NewsVia.NO_REPLY,
        mourning_days=2,
    )
    checkin = profile.checkins.for_debrief(litware)
    if checkin is not None:
        answers = CheckinAnswers(feeling=4, what_helped="Talking it over with Sam.")
        profile.checkins.close(checkin.id, answers)
    _goals(profile, today, northwind, contoso)
    _waiting(profile, today)


def _waiting(profile: Profile, today: date) -> None:
    """Two applications still waiting, one of them quiet long enough to be offered closing."""
    profile.waiting.add(
        WaitingContent("Fabrikam", "UX researcher", today - timedelta(days=9), Stage.SCREENING_CALL)
    )
    profile.waiting.add(
        WaitingContent("Adatum", "Product designer", today - timedelta(days=26), note="Sent via Jo")
    )


def _debrief(profile: Profile, draft: bool = False, **fields: object) -> int:
    content = DebriefContent(**fields)  # type: ignore[arg-type]
    return profile.debriefs.create(content, draft=draft).record.id


def _goals(profile: Profile, today: date, northwind: int, contoso: int) -> None:
    goals = profile.goals
    goals.create_from_debrief(northwind, 0, GoalCategory.INTERVIEW_PRACTICE)
    soon, lately = today + timedelta(days=10), today - timedelta(days=2)
    doing = Lane.DOING
    goals.create(GoalContent("Send three applications", GoalCategory.APPLICATIONS, soon), doing)
    goals.create(GoalContent("Ask Sam for a mock interview", GoalCategory.NETWORKING, lately))
    goals.create(GoalContent("Update the portfolio intro", GoalCategory.RESUME), Lane.DONE)
    goals.create(GoalContent("A long walk on Sunday", GoalCategory.WELLBEING), Lane.DONE, contoso)
