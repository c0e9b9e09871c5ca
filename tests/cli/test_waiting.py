"""``regroup waiting`` from a terminal: add, list (and as JSON), close into a debrief, remove."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.cli.test_diary import new_profile, ok, regroup

pytestmark = pytest.mark.integration


@pytest.fixture
def data(tmp_path: Path) -> str:
    return new_profile(tmp_path / "profile")


def test_an_application_added_from_the_terminal_is_listed_and_closes_into_a_debrief(
    data: str, tmp_path: Path
) -> None:
    long_ago = (dt.date.today() - dt.timedelta(days=30)).isoformat()
    added = ok(
        "--data-dir", data, "waiting", "add", "--company", "Acme 🙂", "--role", "Analyst",
        "--applied", long_ago, "--stage", "interviews",
    )  # fmt: skip
    assert added.startswith("Added 1: Acme 🙂 — Analyst, waiting since ")
    ok("--data-dir", data, "waiting", "add", "--role", "Designer")

    [quiet, fresh] = json.loads(ok("--data-dir", data, "waiting", "list", "--json"))
    assert (quiet["company"], quiet["stage"], quiet["applied_on"]) == (
        "Acme 🙂",
        "interviews",
        long_ago,
    )
    assert (quiet["days_quiet"], quiet["quiet"]) == (30, True)
    assert (fresh["role"], fresh["days_quiet"], fresh["quiet"]) == ("Designer", 0, False)
    lines = ok("--data-dir", data, "waiting", "list").splitlines()
    assert lines[0] == (
        f"   1  Acme 🙂 — Analyst  (applied {long_ago}, interview rounds, "
        "30 days without news, quiet for a while)"
    )

    assert "Debrief draft 1 started" in ok("--data-dir", data, "waiting", "close", "1")
    [debrief] = json.loads(ok("--data-dir", data, "debrief", "list", "--json"))
    assert (debrief["company"], debrief["stage"], debrief["status"]) == (
        "Acme 🙂",
        "interviews",
        "draft",
    )
    export = tmp_path / "export.json"
    ok("--data-dir", data, "export", "--format", "json", "--output", str(export))
    document = json.loads(export.read_text(encoding="utf-8"))
    assert document["debriefs"][0]["news_via"] == "no_reply"
    assert [item["role"] for item in document["waiting"]] == ["Designer"]
    ok("--data-dir", data, "waiting", "remove", "2")
    empty = regroup("--data-dir", data, "waiting", "list", "--json")
    assert json.loads(empty.stdout) == []
    assert "Nothing is waiting" in empty.stderr


def test_bad_input_says_what_is_wrong_and_adds_nothing(data: str) -> None:
    nameless = regroup("--data-dir", data, "waiting", "add", "--applied", "2024-05-01")
    assert nameless.returncode == 1
    assert "company or the role" in nameless.stderr
    stage = regroup("--data-dir", data, "waiting", "add", "--role", "X", "--stage", "hired")
    assert stage.returncode == 2
    assert "invalid choice: 'hired'" in stage.stderr
    future = regroup("--data-dir", data, "waiting", "add", "--role", "X", "--applied", "2999-01-01")
    assert "after today" in future.stderr
    missing = regroup("--data-dir", data, "waiting", "close", "9")
    assert (missing.returncode, "no longer on the waiting list" in missing.stderr) == (1, True)
    assert json.loads(ok("--data-dir", data, "waiting", "list", "--json")) == []


def test_the_help_names_every_waiting_command() -> None:
    text = ok("waiting", "--help")
    for name in ("list", "add", "remove", "close"):
        assert name in text
    assert "--heard-back" in ok("waiting", "close", "--help")
