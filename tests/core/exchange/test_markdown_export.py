"""The Markdown export holds every field a person filled in, and shows it as they typed it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from regroup.core.debriefs.types import DebriefContent
from regroup.core.diary.types import EntryContent
from regroup.core.exchange.markdown_export import body_markdown, escape_line, paragraphs
from regroup.core.exchange.readable import Scope
from regroup.core.exchange.service import markdown_export, write_markdown_export
from regroup.core.goals.types import GoalCategory, GoalContent, Lane
from regroup.core.profile import Profile
from tests.core.conftest import Plans
from tests.core.debriefs.test_service import FULL

ANSWERS = dataclasses.replace(
    FULL,
    went_well="The system design round \U0001f389\nThe team lunch\n\nAnd the drive home",
    lessons="Three things:\n- sleep well\n- *breathe*\n1. ask [why] first",
    traps=("taking_it_personally", "mind_reading"),
)


def build_everything(plans: Plans, profile: Profile) -> int:
    """An entry with mood and tags, a debrief with every answer, its check-in, goals."""
    entry = profile.diary.add(
        EntryContent(
            "# What happened\n\nThey said no.\n\n```\n# not a heading\n```",
            title="The *call* came",
            mood=2,
            tags=["acme", "calls_2"],
            entry_date=dt.date(2026, 3, 16),
        )
    )
    record = plans.debriefs.create(ANSWERS, draft=False).record
    plans.debriefs.link_entries(record.id, [entry.id])
    plans.goals.create_from_debrief(record.id, 0, GoalCategory.INTERVIEW_PRACTICE)
    plans.goals.create(
        GoalContent("#1 walk every morning", GoalCategory.WELLBEING, dt.date(2026, 4, 1), "Calm")
    )
    plans.goals.create(GoalContent("Old idea"), Lane.DROPPED)
    assert record.checkin is not None
    profile.db.execute_sql(
        "UPDATE checkin SET delivered_at = '2026-03-20 08:00:00.000000', "
        "done_at = '2026-03-20 09:00:00.000000', feeling = 4, ready = 1, "
        "what_helped = 'A walk\nand a call with Sam', next_step = 'Apply to Bolt' WHERE id = ?",
        (record.checkin.id,),
    )
    return record.id


def test_every_field_of_every_record_is_in_the_file(plans: Plans, profile: Profile) -> None:
    build_everything(plans, profile)

    text, count = markdown_export(profile.db, plans.clock)

    assert count == 1
    assert "It holds 1 entry, 1 debrief, 3 goals and 1 check-in." in text
    assert "## 2026-03-16 — The \\*call\\* came\n\nMood: 2/5 (Low) · #acme #calls\\_2\n" in text
    facts = [
        "- Company: Acme Robotics",
        "- Role: Backend developer",
        "- Kind of role: Software engineering",
        "- Date applied: 2026-02-01",
        "- Stage reached: Final round",
        "- Interview rounds: 3",
        "- The news came on: 2026-03-16",
        "- It came as: An email",
        "- Feedback asked for: Yes, I asked",
        "- How prepared I was: 4/5",
        "- Resume targeted: No, a general one",
        "- How much I wanted it: 5/5",
        "- Keep looking for this kind of job: Not sure",
        "- Days before the check-in: 4 days",
        "- Linked diary entries: 2026-03-16",
        "- Answered on: 2026-03-20",
        "- How I feel about it now: 4/5",
        "- Ready to move on: Yes",
    ]
    for fact in facts:
        assert fact + "\n" in text
    answers = [
        "**What came back:**\n\nThey went with someone with more Go experience.\n",
        "**Strengths to lead with:**\n\nCalm under pressure; clear writing\n",
        "**A kinder reframe:**\n\nOne team chose one person; it says little about me.\n",
        "**Anything else:**\n\nלא קיבלתי את התפקיד\ufffd and a NUL\n",
        "**Thinking traps:**\n\n- Taking it personally\n- Mind-reading\n",
        "**What I would do differently:**\n\n- Practise whiteboard SQL\n"
        "- Ask about the team's on-call rota\n",
        "**Next step:**\n\nApply to Bolt\n",
    ]
    for answer in answers:
        assert answer in text
    assert "- [ ] Practise whiteboard SQL (Interview practice)  \n" in text
    assert "  From the debrief: Acme Robotics — Backend developer\n" in text
    assert "- [ ] \\#1 walk every morning (Wellbeing, due 2026-04-01)  \n  Outcome: Calm\n" in text
    assert "## Dropped\n\n- [ ] Old idea\n" in text


def test_multi_line_answers_stay_paragraphs_lines_and_lists(plans: Plans, profile: Profile) -> None:
    build_everything(plans, profile)

    text, _ = markdown_export(profile.db, plans.clock)

    assert (
        "**What went well:**\n\nThe system design round \U0001f389  \nThe team lunch\n\n"
        "And the drive home\n"
    ) in text
    assert "Three things:\n\n- sleep well\n- \\*breathe\\*\n1. ask \\[why\\] first\n" in text
    assert "**What helped:**\n\nA walk  \nand a call with Sam\n" in text


def test_an_entry_keeps_its_markdown_under_the_entry_heading(
    plans: Plans, profile: Profile
) -> None:
    build_everything(plans, profile)

    text, _ = markdown_export(profile.db, plans.clock)

    assert "### What happened\n\nThey said no.\n\n```\n# not a heading\n```\n" in text


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("2026. A good year", "2026\\. A good year"),
        (
            "a_b*c*`d` [e](f) <g> & h | ~i~",
            "a\\_b\\*c\\*\\`d\\` \\[e\\](f) \\<g\\> \\& h \\| \\~i\\~",
        ),
        ("back\\slash", "back\\\\slash"),
        ("nul\x00here", "nul\ufffdhere"),
        ("> quoted", "\\> quoted"),
        ("לא קיבלתי \U0001f614", "לא קיבלתי \U0001f614"),
    ],
)
def test_typed_text_is_escaped_where_markdown_would_read_it_as_markup(
    typed: str, shown: str
) -> None:
    assert escape_line(typed) == shown


def test_line_breaks_of_every_kind_become_lines() -> None:
    assert paragraphs("one\r\ntwo\rthree\u2028four") == "one  \ntwo  \nthree  \nfour"
    assert body_markdown("# Title\r\n###### deep") == "### Title\n###### deep"


def test_a_date_range_holds_only_the_diary_between_the_days(plans: Plans, profile: Profile) -> None:
    build_everything(plans, profile)
    for day in (10, 20):
        profile.diary.add(EntryContent(f"Day {day}", entry_date=dt.date(2026, 3, day)))

    text, count = markdown_export(
        profile.db, plans.clock, Scope.diary_only(dt.date(2026, 3, 15), dt.date(2026, 3, 20))
    )

    assert count == 2
    assert text.startswith("# Regroup diary\n")
    assert "The diary part covers 2026-03-15 to 2026-03-20." in text
    assert "Day 20" in text and "Day 10" not in text
    assert "Acme" not in text and "# Goals" not in text


def test_one_debrief_holds_it_with_its_check_in_and_goals(
    plans: Plans, profile: Profile, tmp_path: Path
) -> None:
    debrief_id = build_everything(plans, profile)
    plans.debriefs.create(DebriefContent(company="Zephyr"), draft=False)

    result = write_markdown_export(
        profile.db, tmp_path / "one.md", plans.clock, Scope.one_debrief(debrief_id)
    )

    text = (tmp_path / "one.md").read_text(encoding="utf-8")
    assert result.contents == "1 debrief, 1 goal and 1 check-in"
    assert text.startswith("# Debrief: Acme Robotics — Backend developer\n")
    assert "Zephyr" not in text and "morning" not in text and "They said no" not in text
