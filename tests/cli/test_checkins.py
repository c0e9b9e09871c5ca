"""``regroup checkins list`` from a terminal, and check-ins through export and import."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from regroup.core.checkins.types import CheckinAnswers
from regroup.core.debriefs.types import DebriefContent
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from tests.cli.test_diary import new_profile, ok, regroup
from tests.support.clock import ManualClock
from tests.support.prompter import ScriptedPrompter

pytestmark = pytest.mark.integration


def _saved(profile: Profile, company: str, news: dt.date, days: int | None) -> int:
    record = profile.debriefs.create(
        DebriefContent(company=company, role="Analyst", news_on=news, mourning_days=days),
        draft=False,
    ).record
    return record.id


@pytest.fixture
def four_states(tmp_path: Path) -> str:
    """Check-ins due, missed (the reminder found it weeks late), coming up and done."""
    data = new_profile(tmp_path / "profile")
    now = dt.datetime.now(dt.UTC)
    clock = ManualClock(now - dt.timedelta(days=40))  # the first debrief is saved weeks ago
    profile = open_profile(ProfilePaths(Path(data)), SystemKeyStore(), ScriptedPrompter(), clock)
    try:
        _saved(profile, "Missed Co", clock.today(), 3)
        clock.moment = now
        today = profile.checkins.local_day(profile.clock.now())
        profile.reminders.check()  # weeks late: listed as missed, never popped up
        _saved(profile, "Due Co", today - dt.timedelta(days=3), 1)
        _saved(profile, "Later Co", today, 30)
        done = _saved(profile, "Done Co", today - dt.timedelta(days=10), 2)
        record = profile.checkins.start_by_hand(done)
        profile.checkins.close(record.id, CheckinAnswers(4, "Friends", "Apply to two more"))
    finally:
        profile.close()
    return data


def test_checkins_list_shows_each_state(four_states: str) -> None:
    lines = ok("--data-dir", four_states, "checkins", "list").splitlines()
    headers = [line for line in lines if not line.startswith("  ")]
    assert headers == ["Due now (1)", "Missed (1)", "Coming up (1)", "Done (1)"]
    assert lines[1].startswith("  - Due Co — Analyst  (since ")
    assert lines[3].startswith("  - Missed Co — Analyst  (since ")
    assert lines[5].startswith("  - Later Co — Analyst  (on ")
    assert lines[7].startswith("  - Done Co — Analyst  (closed ")


def test_checkins_list_json_and_an_export_round_trip_keep_every_field(
    four_states: str, tmp_path: Path
) -> None:
    listed = json.loads(ok("--data-dir", four_states, "checkins", "list", "--json"))
    assert [(c["company"], c["status"]) for c in listed] == [
        ("Due Co", "due"),
        ("Missed Co", "missed"),
        ("Later Co", "upcoming"),
        ("Done Co", "done"),
    ]
    missed = listed[1]
    assert missed["missed_at"] is not None and missed["delivered_at"] is None
    done = listed[3]
    assert (done["feeling"], done["ready"], done["next_step"]) == (4, True, "Apply to two more")
    path = tmp_path / "backup.json"
    ok("--data-dir", four_states, "export", "--output", str(path))
    document = json.loads(path.read_text(encoding="utf-8"))
    assert sum(1 for c in document["checkins"] if c["missed_at"]) == 1
    other = new_profile(tmp_path / "other")
    ok("--data-dir", other, "import", str(path))
    assert ok("--data-dir", other, "checkins", "list", "--json") == ok(
        "--data-dir", four_states, "checkins", "list", "--json"
    )


def test_no_check_ins_says_how_they_come(tmp_path: Path) -> None:
    data = new_profile(tmp_path / "empty")
    result = regroup("--data-dir", data, "checkins", "list", "--json")
    assert result.returncode == 0 and json.loads(result.stdout) == []
    assert "saving a debrief" in result.stderr
    assert regroup("--data-dir", data, "checkins").returncode == 2
