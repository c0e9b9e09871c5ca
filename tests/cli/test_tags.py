"""The same entry written from the terminal and in the window stores the same tags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import open_profile
from regroup.gui.diary.editor import EntryEditor
from tests.cli.test_diary import new_profile, ok
from tests.support.prompter import ScriptedPrompter

pytestmark = pytest.mark.integration

BODY = "Call with #acme about #Next-Step. Issue #3\n# Notes\nsee https://x.org/#part #ACME"


def test_cli_and_window_store_the_same_tags(qtbot: QtBot, tmp_path: Path) -> None:
    data = new_profile(tmp_path / "profile")
    ok("--data-dir", data, "add", BODY, "--tag", "job search", "--date", "2026-03-01")
    ok("--data-dir", data, "add", "Plain words only", "--date", "2026-03-02")
    listed = json.loads(ok("--data-dir", data, "list", "--json"))
    profile = open_profile(ProfilePaths(Path(data)), SystemKeyStore(), ScriptedPrompter())
    try:
        from_cli = {record.body: record.tags for record in map(profile.diary.get, (1, 2))}
        editor = EntryEditor(profile.clock.today())
        qtbot.addWidget(editor)
        editor.tags_edit.setText("#job-search")
        editor.body_edit.setPlainText(BODY)
        from_window = profile.diary.add(editor.content())
    finally:
        profile.close()
    assert from_window.tags == ("job-search", "acme", "Next-Step")
    assert from_cli == {BODY: from_window.tags, "Plain words only": ()}
    assert [item["tags"] for item in listed] == [[], list(from_window.tags)]
