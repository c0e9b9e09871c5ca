"""Debriefs: every answer is kept, drafts and warnings never lose what was typed."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from regroup.core.debriefs.feedback_request import feedback_request
from regroup.core.debriefs.thinking_traps import all_traps, trap_by_id
from regroup.core.debriefs.types import (
    DebriefContent,
    DebriefNotFoundError,
    DebriefQuery,
    DebriefStatus,
    DebriefValidationError,
    GoalsOnDelete,
    KeepLooking,
    NewsVia,
    Stage,
)
from regroup.core.diary.types import EntryContent
from regroup.core.goals.types import GoalContent, Lane
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from tests.core.conftest import Plans
from tests.support.prompter import ScriptedPrompter

FULL = DebriefContent(
    company="Acme Robotics",
    role="Backend developer",
    role_kind="Software engineering",
    applied_on=dt.date(2026, 2, 1),
    stage=Stage.FINAL_ROUND,
    interview_rounds=3,
    news_on=dt.date(2026, 3, 16),
    news_via=NewsVia.EMAIL,
    feedback_asked=True,
    feedback_received="They went with someone with more Go experience.",
    preparedness=4,
    went_well="The system design round \U0001f389",
    do_differently=("Practise whiteboard SQL", "Ask about the team's on-call rota"),
    resume_targeted=False,
    strengths="Calm under pressure; clear writing",
    wanted=5,
    keep_looking=KeepLooking.NOT_SURE,
    traps=("taking_it_personally", "mind_reading"),
    reframe="One team chose one person; it says little about me.",
    lessons="Prepare a story about failure.",
    notes="לא קיבלתי את התפקיד\x00 and a NUL",
    mourning_days=4,
)


def test_every_field_saves_and_loads_exactly(plans: Plans) -> None:
    saved = plans.debriefs.create(FULL, draft=False)

    assert saved.warnings == ()
    assert saved.kept_as_draft is False
    assert saved.record.content == FULL
    assert saved.record.status is DebriefStatus.SAVED
    assert saved.record.created_at == plans.clock.now()
    assert plans.debriefs.get(saved.record.id) == saved.record


def test_every_field_survives_a_reopen_of_the_profile(
    plans: Plans,
    profile: Profile,
    paths: ProfilePaths,
    keystore: SystemKeyStore,
    prompter: ScriptedPrompter,
) -> None:
    debrief_id = plans.debriefs.create(FULL, draft=False).record.id
    profile.close()
    reopened = open_profile(paths, keystore, prompter)
    try:
        assert reopened.debriefs.get(debrief_id).content == FULL
    finally:
        reopened.close()


def test_a_draft_keeps_anything_even_without_company_or_role(plans: Plans) -> None:
    content = DebriefContent(went_well="Only this so far")
    draft = plans.debriefs.create(content, draft=True)

    assert draft.record.status is DebriefStatus.DRAFT
    assert draft.record.content == content
    assert draft.record.checkin is None


def test_finishing_without_company_or_role_keeps_it_as_a_draft_and_says_why(
    plans: Plans,
) -> None:
    content = DebriefContent(lessons="Write things down sooner", mourning_days=3)
    result = plans.debriefs.create(content, draft=False)

    assert result.kept_as_draft
    assert result.record.status is DebriefStatus.DRAFT
    assert result.record.content == content
    assert result.warnings[0].field == "company"
    assert result.record.checkin is None

    finished = plans.debriefs.update(
        result.record.id, dataclasses.replace(content, role="Analyst"), draft=False
    )
    assert not finished.kept_as_draft
    assert finished.record.status is DebriefStatus.SAVED
    assert finished.record.checkin is not None


def test_only_a_role_is_enough_to_finish(plans: Plans) -> None:
    result = plans.debriefs.create(DebriefContent(role="Designer"), draft=False)
    assert result.record.status is DebriefStatus.SAVED
    assert result.warnings == ()


def test_news_before_the_application_is_a_warning_not_a_refusal(plans: Plans) -> None:
    content = DebriefContent(
        company="Acme", applied_on=dt.date(2026, 3, 1), news_on=dt.date(2026, 2, 1)
    )
    result = plans.debriefs.create(content, draft=False)

    assert [w.field for w in result.warnings] == ["news_on"]
    assert "before the application" in result.warnings[0].message
    assert result.record.content == content
    assert result.record.status is DebriefStatus.SAVED


def test_dates_in_the_future_are_pointed_out(plans: Plans) -> None:
    content = DebriefContent(company="Acme", news_on=dt.date(2027, 1, 1))
    result = plans.debriefs.create(content, draft=True)
    assert [w.field for w in result.warnings] == ["news_on"]


def test_updating_keeps_the_status_unless_asked(plans: Plans) -> None:
    saved = plans.debriefs.create(DebriefContent(company="Acme"), draft=False).record
    plans.clock.advance(dt.timedelta(minutes=1))

    edited = plans.debriefs.update(saved.id, DebriefContent(company="Acme", lessons="x")).record
    unchanged = plans.debriefs.update(saved.id, edited.content).record
    back_to_draft = plans.debriefs.update(saved.id, edited.content, draft=True).record

    assert edited.status is DebriefStatus.SAVED
    assert edited.updated_at == plans.clock.now()
    assert unchanged == edited
    assert back_to_draft.status is DebriefStatus.DRAFT


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"company": "broken \ud800"}, "company contains a broken character at position 7"),
        ({"do_differently": ("ok", "bad \udfff")}, "would do differently"),
        ({"preparedness": 6}, "preparation score is a whole number from 1 to 5"),
        ({"wanted": 0}, "from 1 to 5"),
        ({"mourning_days": 400}, "from 0 to 365"),
        ({"interview_rounds": -1}, "from 0 to 99"),
        ({"traps": ("not_a_trap",)}, "not a thinking trap"),
    ],
)
def test_what_cannot_be_stored_is_refused_clearly_and_nothing_changes(
    plans: Plans, change: dict[str, object], message: str
) -> None:
    saved = plans.debriefs.create(FULL, draft=False).record
    bad = dataclasses.replace(FULL, **change)  # type: ignore[arg-type]

    with pytest.raises(DebriefValidationError, match=message):
        plans.debriefs.create(bad, draft=True)
    with pytest.raises(DebriefValidationError, match=message):
        plans.debriefs.update(saved.id, bad)

    assert plans.debriefs.get(saved.id) == saved
    assert plans.debriefs.count() == 1


def test_a_new_debrief_starts_with_the_default_days_from_settings(plans: Plans) -> None:
    assert plans.debriefs.new_content().mourning_days == 3
    plans.settings.set_default_mourning_days(5)
    assert plans.debriefs.new_content() == DebriefContent(mourning_days=5)


def test_kinds_of_role_are_offered_from_earlier_debriefs_most_used_first(plans: Plans) -> None:
    for kind in ("Data analysis", "data  analysis", "Design", "Data engineering", ""):
        plans.debriefs.create(DebriefContent(company="x", role_kind=kind), draft=True)
    trashed = plans.debriefs.create(DebriefContent(role_kind="Data science"), draft=True)
    plans.debriefs.trash(trashed.record.id, goals=GoalsOnDelete.KEEP)

    assert plans.browse.role_kinds("da") == ["Data analysis", "Data engineering"]
    assert plans.browse.role_kinds("") == ["Data analysis", "Data engineering", "Design"]
    assert plans.browse.role_kinds("DES", limit=1) == ["Design"]
    assert plans.browse.role_kinds("zz") == []


def _names(plans: Plans, query: DebriefQuery) -> list[str]:
    return [summary.company for summary in plans.browse.find(query)]


def test_the_list_filters_by_words_company_stage_and_dates(plans: Plans) -> None:
    create = plans.debriefs.create
    create(FULL, draft=False)
    create(
        DebriefContent(
            company="Bolt Café",
            role="Barista trainer",
            stage=Stage.SCREENING_CALL,
            news_on=dt.date(2025, 6, 1),
            lessons="Bring the latte art portfolio",
        ),
        draft=False,
    )
    create(DebriefContent(company="acme robotics", applied_on=dt.date(2024, 1, 5)), draft=True)
    create(DebriefContent(company="No dates"), draft=True)

    assert _names(plans, DebriefQuery()) == [
        "Acme Robotics",
        "Bolt Café",
        "acme robotics",
        "No dates",
    ]
    assert _names(plans, DebriefQuery(text="portf")) == ["Bolt Café"]
    assert _names(plans, DebriefQuery(text="cafe")) == ["Bolt Café"]
    assert _names(plans, DebriefQuery(text="go experience")) == ["Acme Robotics"]
    assert _names(plans, DebriefQuery(text='"on-call rota"')) == ["Acme Robotics"]
    assert _names(plans, DebriefQuery(text="לא")) == ["Acme Robotics"]
    assert _names(plans, DebriefQuery(text='#( NEAR "zzq')) == []
    assert _names(plans, DebriefQuery(company="ACME ROBOTICS")) == [
        "Acme Robotics",
        "acme robotics",
    ]
    assert _names(plans, DebriefQuery(stage=Stage.SCREENING_CALL)) == ["Bolt Café"]
    assert _names(
        plans, DebriefQuery(date_from=dt.date(2024, 1, 5), date_to=dt.date(2025, 12, 31))
    ) == ["Bolt Café", "acme robotics"]
    assert _names(plans, DebriefQuery(status=DebriefStatus.DRAFT, limit=1)) == ["acme robotics"]
    assert plans.browse.companies() == ["Acme Robotics", "Bolt Café", "No dates"]


def test_the_list_shows_when_the_check_in_is_due(plans: Plans) -> None:
    record = plans.debriefs.create(FULL, draft=False).record
    [summary] = plans.browse.find()
    assert summary.checkin_due_at == record.checkin_due_at is not None
    assert summary.day == FULL.news_on


def test_goal_cards_name_their_debrief_by_company_and_role(plans: Plans) -> None:
    named = plans.debriefs.create(
        DebriefContent(company=" Acme  Labs ", role="Analyst"), draft=True
    )
    blank = plans.debriefs.create(DebriefContent(notes="only notes"), draft=True)
    plans.debriefs.trash(named.record.id, goals=GoalsOnDelete.KEEP)

    names = plans.browse.names([named.record.id, blank.record.id, 999])

    assert names == {named.record.id: "Acme Labs, Analyst", blank.record.id: "Untitled debrief"}


def test_trash_and_restore_keep_the_goals_that_were_kept(plans: Plans) -> None:
    record = plans.debriefs.create(FULL, draft=False).record
    goal = plans.goals.create_from_debrief(record.id, 0)

    plans.debriefs.trash(record.id, goals=GoalsOnDelete.KEEP)

    assert plans.browse.find() == []
    assert [s.id for s in plans.debriefs.trashed()] == [record.id]
    assert plans.goals.board().lane(Lane.NEXT) == (goal.card(),)
    assert plans.checkins.pending() == []
    restored = plans.debriefs.restore(record.id)
    assert restored.deleted_at is None
    assert restored.goals == (goal,)
    assert len(plans.checkins.pending()) == 1


def test_emptying_the_trash_unlinks_kept_goals(plans: Plans) -> None:
    record = plans.debriefs.create(FULL, draft=False).record
    goal = plans.goals.create_from_debrief(record.id, 0)
    plans.debriefs.trash(record.id, goals=GoalsOnDelete.KEEP)

    assert plans.debriefs.empty_trash() == 1

    kept = plans.goals.get(goal.id)
    assert kept.source_debrief_id is None
    assert kept.title == goal.title
    with pytest.raises(DebriefNotFoundError):
        plans.debriefs.get(record.id)
    assert plans.checkins.for_debrief(record.id) is None


def test_deleting_a_debrief_with_its_goals_takes_them_along_and_back(plans: Plans) -> None:
    record = plans.debriefs.create(FULL, draft=False).record
    first = plans.goals.create_from_debrief(record.id, 0)
    second = plans.goals.create_from_debrief(record.id, 1)
    plans.goals.move(second.id, Lane.DOING, 0)
    other = plans.goals.create(GoalContent("Update my portfolio site"))

    plans.debriefs.trash(record.id, goals=GoalsOnDelete.DELETE)

    board = plans.goals.board()
    assert board.lane(Lane.NEXT) == (other.card(),)
    assert board.lane(Lane.DOING) == ()
    restored = plans.debriefs.restore(record.id)
    assert [goal.id for goal in restored.goals] == [first.id, second.id]
    assert plans.goals.board().lane(Lane.DOING)[0].id == second.id

    plans.debriefs.trash(record.id, goals=GoalsOnDelete.DELETE)
    plans.debriefs.empty_trash()
    assert plans.goals.count() == 1
    assert plans.goals.get(other.id) == other


def test_a_goal_trashed_on_its_own_terms_stays_when_the_debrief_comes_back(
    plans: Plans,
) -> None:
    record = plans.debriefs.create(FULL, draft=False).record
    goal = plans.goals.create_from_debrief(record.id, 0)
    plans.goals.delete(goal.id)
    plans.debriefs.trash(record.id, goals=GoalsOnDelete.DELETE)
    assert plans.debriefs.restore(record.id).goals == ()


def test_trashing_twice_keeps_the_first_time(plans: Plans) -> None:
    record = plans.debriefs.create(FULL, draft=False).record
    plans.debriefs.trash(record.id, goals=GoalsOnDelete.KEEP)
    first = plans.debriefs.get(record.id).deleted_at
    plans.clock.advance(dt.timedelta(hours=1))
    plans.debriefs.trash(record.id, goals=GoalsOnDelete.DELETE)
    assert plans.debriefs.get(record.id).deleted_at == first


def test_debriefs_link_to_diary_entries_and_suggest_those_near_the_news(
    plans: Plans, profile: Profile
) -> None:
    add = profile.diary.add
    near = add(EntryContent("The email came", entry_date=dt.date(2026, 3, 16)))
    before = add(EntryContent("Waiting", entry_date=dt.date(2026, 3, 13)))
    add(EntryContent("Long before", entry_date=dt.date(2026, 3, 1)))
    trashed = add(EntryContent("Trashed", entry_date=dt.date(2026, 3, 17)))
    profile.diary.trash(trashed.id)
    record = plans.debriefs.create(FULL, draft=False).record

    suggested = plans.debriefs.suggest_entries(record.id, days=3)
    assert [s.id for s in suggested] == [before.id, near.id]

    plans.debriefs.link_entries(record.id, [near.id, near.id, 9999])
    assert [s.id for s in plans.debriefs.linked_entries(record.id)] == [near.id]
    assert [s.id for s in plans.debriefs.suggest_entries(record.id)] == [before.id]
    assert plans.debriefs.linked_debriefs(near.id) == [record.id]

    plans.debriefs.unlink_entries(record.id, [near.id])
    assert plans.debriefs.linked_entries(record.id) == []
    assert profile.diary.get(near.id).body == "The email came"


def test_the_feedback_request_is_filled_with_company_and_role() -> None:
    request = feedback_request("Acme {role}", "  Data\nanalyst ")
    assert "Data analyst" in request.subject
    assert "Acme {role}" in request.body
    assert request.as_text().startswith(f"Subject: {request.subject}\n\n")
    blank = feedback_request("", "")
    assert "{" not in blank.subject + blank.body


def test_thinking_traps_come_with_an_explanation_and_a_hint() -> None:
    traps = all_traps()
    ids = [trap.id for trap in traps]
    assert {"taking_it_personally", "never_hired", "mind_reading"} <= set(ids)
    assert len(ids) == len(set(ids))
    assert all(trap.name and trap.explanation and trap.reframe_hint for trap in traps)
    assert trap_by_id("mind_reading") is not None
    assert trap_by_id("unknown") is None


def test_an_unknown_debrief_is_a_clear_error(plans: Plans) -> None:
    with pytest.raises(DebriefNotFoundError, match="Debrief 42 does not exist"):
        plans.debriefs.get(42)
    with pytest.raises(DebriefNotFoundError):
        plans.debriefs.trash(42, goals=GoalsOnDelete.KEEP)
