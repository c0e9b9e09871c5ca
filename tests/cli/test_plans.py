"""Debriefs and the goals board from a terminal, run as separate processes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from regroup.core.debriefs.types import DebriefContent, NewsVia, Stage
from regroup.core.goals.types import GoalCategory, GoalContent, Lane
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import open_profile
from tests.cli.test_diary import new_profile, ok, regroup
from tests.support.prompter import ScriptedPrompter
from tests.support.snapshots import folder_fingerprint

pytestmark = pytest.mark.integration


@pytest.fixture
def filled(tmp_path: Path) -> str:
    """A profile with three debriefs (one a draft), goals in every column and a linked entry."""
    data = new_profile(tmp_path / "profile")
    ok("--data-dir", data, "add", "The call came today.", "--date", "2026-03-16")
    profile = open_profile(ProfilePaths(Path(data)), SystemKeyStore(), ScriptedPrompter())
    try:
        create = profile.debriefs.create
        acme = create(
            DebriefContent(
                company="Acme",
                role="Data analyst",
                stage=Stage.FINAL_ROUND,
                applied_on=dt.date(2026, 2, 1),
                news_on=dt.date(2026, 3, 16),
                news_via=NewsVia.CALL,
                do_differently=("Practise SQL aloud", "Research the team"),
                lessons="Ask about the \U0001f680 roadmap\nnext time",
                mourning_days=3,
            ),
            draft=False,
        ).record
        create(
            DebriefContent(company="Bolt", role="Analyst", news_on=dt.date(2025, 11, 2)),
            draft=False,
        )
        create(DebriefContent(notes="unfinished"), draft=True)
        profile.debriefs.link_entries(acme.id, [1])
        first = profile.goals.create_from_debrief(acme.id, 0, GoalCategory.INTERVIEW_PRACTICE)
        profile.goals.create_from_debrief(acme.id, 1)
        profile.goals.create(GoalContent("Walk every morning", due_on=dt.date(2026, 4, 1)))
        profile.goals.create(GoalContent("Old idea"), Lane.DROPPED)
        profile.goals.move(first.id, Lane.DOING, 0)
    finally:
        profile.close()
    return data


def test_help_names_the_new_commands() -> None:
    help_text = ok("--help")
    assert "debrief" in help_text and "goals" in help_text
    assert "--stage" in ok("debrief", "list", "--help")
    assert "--all" in ok("goals", "list", "--help")


def test_debrief_list_shows_newest_news_first_with_drafts(filled: str) -> None:
    lines = ok("--data-dir", filled, "debrief", "list").splitlines()
    assert lines == [
        "2026-03-16  Acme — Data analyst  [Final round]",
        "2025-11-02  Bolt — Analyst",
        "    -       (untitled)  (draft)",
    ]


def test_debrief_list_filters_and_prints_json(filled: str) -> None:
    found = json.loads(ok("--data-dir", filled, "debrief", "list", "roadmap", "--json"))
    assert [(d["company"], d["stage"], d["status"]) for d in found] == [
        ("Acme", "final_round", "saved")
    ]
    assert found[0]["news_on"] == "2026-03-16"
    assert found[0]["checkin_due_at"].startswith("2026-03-19T")
    for args, companies in (
        (("--company", "bolt"), ["Bolt"]),
        (("--stage", "final_round"), ["Acme"]),
        (("--from", "2026-01-01"), ["Acme"]),
        (("--to", "2025-12-31"), ["Bolt"]),
    ):
        listed = json.loads(ok("--data-dir", filled, "debrief", "list", *args, "--json"))
        assert [d["company"] for d in listed] == companies, args
    none = regroup("--data-dir", filled, "debrief", "list", "zebra")
    assert none.returncode == 0 and none.stdout == ""
    assert "No debriefs match." in none.stderr


def test_goals_list_shows_each_column_in_board_order(filled: str) -> None:
    assert ok("--data-dir", filled, "goals", "list").splitlines() == [
        "Next (2)",
        "  - Research the team",
        "  - Walk every morning  (due 2026-04-01)",
        "Doing (1)",
        "  - Practise SQL aloud",
        "Done (0)",
    ]
    listed = json.loads(ok("--data-dir", filled, "goals", "list", "--json", "--all"))
    assert [(g["title"], g["lane"]) for g in listed] == [
        ("Research the team", "next"),
        ("Walk every morning", "next"),
        ("Practise SQL aloud", "doing"),
        ("Old idea", "dropped"),
    ]
    assert listed[2]["category"] == "interview_practice"
    assert listed[2]["source_debrief_id"] == 1


def test_an_empty_profile_says_so(tmp_path: Path) -> None:
    data = new_profile(tmp_path / "empty")
    for args, message in (
        (("debrief", "list"), "No debriefs yet."),
        (("goals", "list"), "no goals"),
    ):
        result = regroup("--data-dir", data, *args, "--json")
        assert result.returncode == 0
        assert json.loads(result.stdout) == []
        assert message in result.stderr


def test_bad_usage_exits_2(filled: str) -> None:
    for args in (("debrief",), ("debrief", "list", "--stage", "hired"), ("goals", "lits")):
        result = regroup("--data-dir", filled, *args)
        assert result.returncode == 2, args


def test_export_and_import_carry_debriefs_and_goals_exactly(filled: str, tmp_path: Path) -> None:
    path = tmp_path / "backup.json"
    exported = ok("--data-dir", filled, "export", "--output", str(path))
    assert "1 entry, 3 debriefs, 4 goals and 1 check-in" in exported
    other = new_profile(tmp_path / "other")

    imported = ok("--data-dir", other, "import", str(path))
    again = ok("--data-dir", other, "import", str(path))

    assert "Imported 3 debriefs, 4 goals and 1 check-in" in imported
    assert "Imported 0 debriefs, 0 goals and 0 check-ins" in again
    for args in (("debrief", "list", "--json"), ("goals", "list", "--all", "--json")):
        assert ok("--data-dir", other, *args) == ok("--data-dir", filled, *args)
    copy = tmp_path / "copy.json"
    ok("--data-dir", other, "export", "--output", str(copy))
    original, restored = (json.loads(p.read_text(encoding="utf-8")) for p in (path, copy))
    for section in ("entries", "debriefs", "goals", "checkins"):
        assert restored[section] == original[section], section


def test_a_bad_goal_in_an_import_file_exits_1_and_writes_nothing(
    filled: str, tmp_path: Path
) -> None:
    path = tmp_path / "backup.json"
    ok("--data-dir", filled, "export", "--output", str(path))
    document = json.loads(path.read_text(encoding="utf-8"))
    document["goals"][2]["lane"] = "someday"
    path.write_text(json.dumps(document), encoding="utf-8")
    other = tmp_path / "other"
    new_profile(other)
    before = folder_fingerprint(other)

    result = regroup("--data-dir", str(other), "import", str(path))

    assert result.returncode == 1
    assert 'Goal 3 (goals[2]), field "lane"' in result.stderr
    assert "Nothing was imported" in result.stderr
    assert folder_fingerprint(other) == before


def test_markdown_export_includes_debriefs_and_goals(filled: str, tmp_path: Path) -> None:
    path = tmp_path / "diary.md"
    ok("--data-dir", filled, "export", "--format", "markdown", "-o", str(path))
    text = path.read_text(encoding="utf-8")
    assert "## Acme — Data analyst" in text
    assert "- [ ] Practise SQL aloud (Interview practice)" in text
