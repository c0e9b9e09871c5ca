"""The waiting list travels in the JSON export, merges by uuid, and reads in Markdown."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from regroup.core.debriefs.types import Stage
from regroup.core.errors import ImportFileError
from regroup.core.exchange.service import (
    export_json,
    import_json,
    markdown_export,
    parse_export,
    write_json_export,
)
from regroup.core.profile import Profile
from regroup.core.waiting.service import WaitingService
from regroup.core.waiting.types import WaitingContent
from tests.core.conftest import Plans


def fill(plans: Plans, profile: Profile) -> WaitingService:
    waiting = WaitingService(profile.db, plans.clock, plans.settings, plans.debriefs)
    waiting.add(WaitingContent("Acme", "Analyst", dt.date(2026, 3, 1), note="Sam 🙂\nsecond line"))
    quiet = waiting.add(
        WaitingContent("", "شركة — Designer", dt.date(2026, 2, 1), Stage.INTERVIEWS)
    )
    profile.db.execute_sql(
        "UPDATE waiting SET offered_at = '2026-03-19 08:00:00.000000' WHERE id = ?", (quiet.id,)
    )
    return waiting


def test_the_waiting_list_comes_back_exactly_and_twice_adds_nothing(
    plans: Plans, profile: Profile, other: Profile, tmp_path: Path
) -> None:
    waiting = fill(plans, profile)
    path = tmp_path / "export.json"
    assert write_json_export(profile.db, path, plans.clock).waiting == 2

    assert import_json(other.db, path).waiting_added == 2
    assert import_json(other.db, path).waiting_added == 0
    theirs = WaitingService(other.db, plans.clock, plans.settings, plans.debriefs).list()
    assert [(i.uuid, i.content, i.quiet_since, i.offered_at) for i in theirs] == [
        (i.uuid, i.content, i.quiet_since, i.offered_at) for i in waiting.list()
    ]
    assert export_json(other.db, plans.clock) == export_json(profile.db, plans.clock)


def test_a_broken_application_in_a_file_refuses_the_whole_file(
    plans: Plans, profile: Profile
) -> None:
    fill(plans, profile)
    document = export_json(profile.db, plans.clock)
    for field, value, problem in (
        ("stage", "hired", '"stage"'),
        ("applied_on", "yesterday", '"applied_on"'),
        ("uuid", document["waiting"][1]["uuid"], "same uuid"),
    ):
        broken = copy.deepcopy(document)
        broken["waiting"][0][field] = value
        with pytest.raises(ImportFileError, match=problem):
            parse_export(json.loads(json.dumps(broken)))


def test_an_export_without_a_waiting_list_still_imports(plans: Plans, profile: Profile) -> None:
    document = export_json(profile.db, plans.clock)
    del document["waiting"]
    assert parse_export(document).waiting == ()


def test_the_markdown_export_ends_with_what_is_still_waiting(
    plans: Plans, profile: Profile
) -> None:
    fill(plans, profile)
    text, _count = markdown_export(profile.db, plans.clock)
    section = text[text.index("# Waiting to hear back") :]
    assert section.splitlines()[2:] == [
        "- **شركة — Designer**: applied 2026-02-01, interview rounds",
        "- **Acme — Analyst**: applied 2026-03-01, applied",
        "  Sam 🙂 second line",
    ]
