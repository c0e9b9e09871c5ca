"""Debriefs, goals, links and check-ins leave in a JSON export and come back exactly."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regroup.core.debriefs.types import (
    TEXT_FIELDS,
    DebriefContent,
    DebriefValidationError,
    GoalsOnDelete,
)
from regroup.core.diary.types import EntryContent
from regroup.core.errors import ImportFileError
from regroup.core.exchange.service import (
    export_json,
    import_json,
    markdown_export,
    write_json_export,
)
from regroup.core.goals.types import GoalCategory, GoalContent, GoalValidationError, Lane
from regroup.core.profile import Profile
from tests.core.conftest import Plans
from tests.core.debriefs.test_service import FULL


def build_plans(plans: Plans, profile: Profile) -> None:
    """Debriefs saved, drafted and trashed, goals in every lane, links and answered check-ins."""
    entry = profile.diary.add(EntryContent("The email came", entry_date=dt.date(2026, 3, 16)))
    profile.diary.add(EntryContent("Unlinked"))
    full = plans.debriefs.create(FULL, draft=False).record
    plans.debriefs.link_entries(full.id, [entry.id])
    plans.debriefs.create(DebriefContent(notes="half written \U0001f914"), draft=True)
    gone = plans.debriefs.create(
        DebriefContent(company="Gone Ltd", do_differently=("Sleep more",), mourning_days=1),
        draft=False,
    ).record
    plans.goals.create_from_debrief(gone.id, 0)
    plans.clock.advance(dt.timedelta(hours=1))
    plans.debriefs.trash(gone.id, goals=GoalsOnDelete.DELETE)
    first = plans.goals.create_from_debrief(full.id, 0, GoalCategory.INTERVIEW_PRACTICE)
    plans.goals.create_from_debrief(full.id, 1)
    for lane in Lane:
        plans.goals.create(
            GoalContent(f"A {lane} goal", GoalCategory.WELLBEING, dt.date(2026, 5, 1), "1/day"),
            lane,
        )
    plans.clock.advance(dt.timedelta(minutes=3))
    plans.goals.move(first.id, Lane.DONE, 0)
    plans.goals.move(first.id + 1, Lane.NEXT, 0)
    assert full.checkin is not None
    profile.db.execute_sql(
        "UPDATE checkin SET delivered_at = '2026-03-20 08:00:00.000001', "
        "snoozed_until = '2026-03-21 08:00:00.000000', feeling = 4, ready = 0, "
        "what_helped = 'A walk \U0001f6b6', next_step = 'Apply to Bolt', not_yet_count = 2 "
        "WHERE id = ?",
        (full.checkin.id,),
    )


def snapshot(profile: Profile) -> dict[str, Any]:
    """Everything about debriefs and goals as the services return it, local ids left out."""
    uuid_of = dict(profile.db.execute_sql("SELECT id, uuid FROM debrief").fetchall())
    uuid_of_goal = dict(profile.db.execute_sql("SELECT id, uuid FROM goal").fetchall())

    def goal(record: Any) -> Any:
        source = uuid_of.get(record.source_debrief_id)
        return dataclasses.replace(record, id=0, source_debrief_id=source)

    debriefs = []
    for (debrief_id,) in profile.db.execute_sql("SELECT id FROM debrief ORDER BY uuid"):
        record = profile.debriefs.get(debrief_id)
        checkin = record.checkin and dataclasses.replace(record.checkin, id=0, debrief_id=0)
        debriefs.append(
            (
                dataclasses.replace(
                    record, id=0, checkin=checkin, goals=tuple(goal(g) for g in record.goals)
                ),
                [s.preview for s in profile.debriefs.linked_entries(debrief_id)],
            )
        )
    goals = [
        goal(profile.goals.get(goal_id))
        for (goal_id,) in profile.db.execute_sql("SELECT id FROM goal ORDER BY uuid")
    ]
    board = profile.goals.board(tuple(Lane))
    return {
        "debriefs": debriefs,
        "goals": goals,
        "board": {lane: [uuid_of_goal[g.id] for g in board.lane(lane)] for lane in Lane},
        "trash": [(s.company, s.deleted_at) for s in profile.debriefs.trashed()],
    }


def test_a_json_export_restores_debriefs_goals_links_and_check_ins_exactly(
    plans: Plans, profile: Profile, other: Profile, tmp_path: Path
) -> None:
    build_plans(plans, profile)
    path = tmp_path / "export.json"

    written = write_json_export(profile.db, path, plans.clock)
    result = import_json(other.db, path)

    assert (written.debriefs, written.goals, written.checkins) == (3, 8, 2)
    assert (result.debriefs_added, result.goals_added, result.checkins_added) == (3, 8, 2)
    assert result.ignored_sections == ()
    assert snapshot(other) == snapshot(profile)
    assert export_json(other.db, plans.clock) == export_json(profile.db, plans.clock)
    counts = other.db.execute_sql("SELECT not_yet_count FROM checkin ORDER BY uuid").fetchall()
    assert sorted(counts) == [(0,), (2,)]  # the "Not yet"s answered travel with the check-in


def test_importing_twice_or_into_the_source_duplicates_nothing(
    plans: Plans, profile: Profile, other: Profile, tmp_path: Path
) -> None:
    build_plans(plans, profile)
    path = tmp_path / "export.json"
    write_json_export(profile.db, path, plans.clock)
    import_json(other.db, path)
    before, source = snapshot(other), snapshot(profile)

    again = import_json(other.db, path)
    into_source = import_json(profile.db, path)

    assert (again.debriefs_added, again.goals_added, again.checkins_added) == (0, 0, 0)
    assert into_source.debriefs_added == into_source.goals_added == 0
    assert snapshot(other) == before
    assert snapshot(profile) == source


def test_a_merge_adds_only_what_is_new_and_keeps_local_check_ins(
    plans: Plans, profile: Profile, other: Profile, tmp_path: Path
) -> None:
    record = plans.debriefs.create(FULL, draft=False).record
    write_json_export(profile.db, tmp_path / "first.json", plans.clock)
    import_json(other.db, tmp_path / "first.json")
    plans.goals.create_from_debrief(record.id, 0)
    plans.debriefs.create(DebriefContent(company="Later", mourning_days=2), draft=False)
    write_json_export(profile.db, tmp_path / "second.json", plans.clock)

    result = import_json(other.db, tmp_path / "second.json")

    assert (result.debriefs_added, result.goals_added, result.checkins_added) == (1, 1, 1)
    assert snapshot(other) == snapshot(profile)


def test_an_export_of_version_1_still_imports(
    plans: Plans, profile: Profile, other: Profile, tmp_path: Path
) -> None:
    build_plans(plans, profile)
    document = export_json(profile.db, plans.clock)
    old = {key: document[key] for key in ("format", "exported_at", "app_version", "entries")}
    old["version"] = 1
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(old), encoding="utf-8")

    result = import_json(other.db, path)

    assert result.added == 2
    assert (result.debriefs_added, result.goals_added) == (0, 0)
    assert export_json(other.db, plans.clock)["entries"] == document["entries"]


def _document(plans: Plans, profile: Profile) -> dict[str, Any]:
    build_plans(plans, profile)
    return export_json(profile.db, plans.clock)


BAD = [
    ("debriefs", 0, "stage", "lost", 'Debrief 1 (debriefs[0]), field "stage", must be one of'),
    ("debriefs", 0, "preparedness", 6, 'field "preparedness", must be a whole number from 1'),
    ("debriefs", 0, "feedback_asked", "yes", 'field "feedback_asked", must be true, false'),
    ("debriefs", 0, "news_on", "2026-02-30", 'field "news_on", must be a date'),
    ("debriefs", 0, "do_differently", "one line", 'field "do_differently", must be a list'),
    ("debriefs", 0, "do_differently", ["ok", "\ud800"], "broken character in item 2"),
    ("debriefs", 0, "traps", ["gremlins"], "not a thinking trap"),
    ("debriefs", 0, "company", 7, 'field "company", must be text'),
    ("debriefs", 0, "status", "final", 'field "status"'),
    ("debriefs", 0, "entries", ["0b6e5d3c-1f0a-4c3e-9a55-6a2c1e9b0d11"], "not in the file"),
    ("debriefs", 1, "uuid", None, 'field "uuid", must be text'),
    ("goals", 0, "lane", "someday", 'Goal 1 (goals[0]), field "lane"'),
    ("goals", 0, "position", "first", 'field "position", must be a number'),
    ("goals", 0, "title", "  ", 'field "title", must hold a few words'),
    ("goals", 0, "source_debrief", "0b6e5d3c-1f0a-4c3e-9a55-6a2c1e9b0d11", "not in the file"),
    ("goals", 0, "done_at", "yesterday", 'field "done_at", must be a time'),
    ("checkins", 0, "feeling", 0, 'Check-in 1 (checkins[0]), field "feeling"'),
    ("checkins", 0, "debrief", "0b6e5d3c-1f0a-4c3e-9a55-6a2c1e9b0d11", "not in the file"),
    ("checkins", 0, "due_at", None, 'field "due_at", must be a time'),
]


@pytest.mark.parametrize(("section", "index", "field", "value", "message"), BAD)
def test_a_file_with_one_bad_record_is_refused_before_anything_is_written(
    plans: Plans,
    profile: Profile,
    other: Profile,
    tmp_path: Path,
    section: str,
    index: int,
    field: str,
    value: Any,
    message: str,
) -> None:
    document = _document(plans, profile)
    document[section][index][field] = value
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    other.debriefs.create(DebriefContent(company="Already here"), draft=False)
    before = snapshot(other)

    with pytest.raises(ImportFileError, match="Nothing was imported") as caught:
        import_json(other.db, path)

    assert message in str(caught.value)
    assert snapshot(other) == before
    assert other.diary.count() == 0


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ("debriefs", "Debrief 2 (debriefs[1]) has the same uuid as debrief 1"),
        ("goals", "Goal 2 (goals[1]) has the same uuid as goal 1"),
        ("checkins", "Check-in 2 (checkins[1]) has the same uuid as check-in 1"),
    ],
)
def test_the_same_uuid_twice_is_refused(
    plans: Plans, profile: Profile, other: Profile, tmp_path: Path, section: str, message: str
) -> None:
    document = _document(plans, profile)
    document[section][1]["uuid"] = document[section][0]["uuid"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportFileError, match=re.escape(message)):
        import_json(other.db, path)
    assert other.debriefs.count() == 0


def test_two_check_ins_for_one_debrief_are_refused(
    plans: Plans, profile: Profile, other: Profile, tmp_path: Path
) -> None:
    document = _document(plans, profile)
    document["checkins"][1]["debrief"] = document["checkins"][0]["debrief"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportFileError, match="same debrief as check-in 1"):
        import_json(other.db, path)


def test_markdown_shows_debriefs_and_the_board_without_the_trash(
    plans: Plans, profile: Profile
) -> None:
    build_plans(plans, profile)
    text, _ = markdown_export(profile.db)

    assert "# Debriefs" in text and "# Goals" in text
    assert "## Acme Robotics — Backend developer" in text
    assert "Stage reached: Final round" in text
    assert "- Practise whiteboard SQL" in text
    assert "## Untitled debrief (draft)" in text
    assert re.search(
        r"- \[x\] Practise whiteboard SQL \(Interview practice, done \d{4}-\d\d-\d\d\)  \n"
        "  From the debrief: Acme Robotics — Backend developer\n",
        text,
    )
    assert "Gone Ltd" not in text and "Sleep more" not in text


# Lone surrogates need their own strategy: a mixed alphabet leaves them out.
any_text = st.one_of(
    st.text(max_size=40),
    st.text(st.sampled_from("a \x00\u202e\u05d0\U0001f614\ud800\udfff"), max_size=12),
    st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=any_text,
    field=st.sampled_from([*TEXT_FIELDS, "do_differently", "goal title", "goal outcome"]),
)
def test_any_text_in_any_field_round_trips_or_is_refused_clearly(
    plans: Plans, profile: Profile, other: Profile, tmp_path: Path, text: str, field: str
) -> None:
    storable = True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        storable = False
    try:
        if field.startswith("goal"):
            title, outcome = ("x" + text, "") if field == "goal title" else ("x", text)
            saved: Any = plans.goals.create(GoalContent(title, outcome=outcome))
        else:
            value: Any = (text,) if field == "do_differently" else text
            content = dataclasses.replace(FULL, **{field: value})
            saved = plans.debriefs.create(content, draft=False).record
    except (DebriefValidationError, GoalValidationError) as exc:
        assert not storable
        assert "broken character at position" in str(exc)
        return
    assert storable
    path = tmp_path / "one.json"
    write_json_export(profile.db, path, plans.clock)
    import_json(other.db, path)
    table = "goal" if field.startswith("goal") else "debrief"
    (local_id,) = other.db.execute_sql(
        f"SELECT id FROM {table} WHERE uuid = ?", (saved.uuid,)
    ).fetchone()
    if table == "goal":
        assert other.goals.get(local_id).content() == saved.content()
    else:
        assert other.debriefs.get(local_id).content == saved.content
