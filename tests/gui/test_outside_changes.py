"""The window notices what the command line wrote while it was open, and keeps what is typed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pytestqt.qtbot import QtBot

from regroup.core.diary.types import EntryContent
from regroup.core.profile import Profile
from regroup.gui.kit.data_events import SHOWN_CHECK_MS
from tests.gui.conftest import diary, show_window, toast_on, wait_saved

pytestmark = pytest.mark.integration


def regroup(profile: Profile, command: str, *args: str) -> None:
    """Run ``regroup`` in another process on the same profile (its key from the test keyring)."""
    folder = str(profile.paths.root)
    result = subprocess.run(
        [sys.executable, "-m", "regroup", command, "--data-dir", folder, *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def another_program(profile: Profile, statement: str) -> None:
    """Open the profile in another process (key from the test keyring) and run ``statement``."""
    script = (
        "from pathlib import Path\n"
        "from regroup.core.keys.keystore import SystemKeyStore\n"
        "from regroup.core.paths import ProfilePaths\n"
        "from regroup.core.profile import open_profile\n"
        "from tests.support.prompter import ScriptedPrompter\n"
        f"paths = ProfilePaths(Path({str(profile.paths.root)!r}))\n"
        "profile = open_profile(paths, SystemKeyStore(), ScriptedPrompter())\n"
        f"{statement}\n"
        "profile.close()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_an_entry_added_from_the_command_line_shows_without_touching_the_window(
    qtbot: QtBot, profile: Profile
) -> None:
    for number in range(3):
        profile.diary.add(EntryContent(f"Entry {number}"))
    window = show_window(qtbot, profile)
    page = diary(window)
    assert page.panel.result_label.text() == "3 entries"
    page.new_entry()
    qtbot.keyClicks(page.editor.body_edit, "Half a thought")
    wait_saved(qtbot, page)
    assert page.panel.result_label.text() == "4 entries"
    regroup(profile, "add", "Written in a terminal")
    qtbot.keyClicks(page.editor.body_edit, ", still typing")  # not saved yet
    cursor = page.editor.body_edit.textCursor().position()
    qtbot.waitUntil(
        lambda: page.panel.result_label.text() == "5 entries", timeout=SHOWN_CHECK_MS * 3
    )
    assert page.editor.body_edit.toPlainText() == "Half a thought, still typing"
    assert page.editor.body_edit.textCursor().position() == cursor
    assert page.editor.body_edit.hasFocus() or not window.isActiveWindow()


def test_the_window_s_own_saves_are_not_taken_for_outside_changes(
    qtbot: QtBot, profile: Profile
) -> None:
    window = show_window(qtbot, profile)
    page = diary(window)
    reloads: list[bool] = []
    window.events.debriefs_changed.connect(lambda: reloads.append(True))
    qtbot.keyClicks(page.editor.body_edit, "Mine")
    wait_saved(qtbot, page)
    page.delete_button.click()
    assert not window.outside_changes.check()
    assert reloads == []


def test_an_undo_toast_goes_when_the_entry_is_restored_from_the_command_line(
    qtbot: QtBot, profile: Profile
) -> None:
    entry = profile.diary.add(EntryContent("Regret writing this", title="Rant"))
    window = show_window(qtbot, profile)
    page = diary(window)
    assert page.open_entry(entry.id)
    page.delete_button.click()
    toast = toast_on(page)
    another_program(profile, f"profile.diary.restore({entry.id})")
    qtbot.waitUntil(lambda: toast.is_gone, timeout=SHOWN_CHECK_MS * 3)
    assert page.panel.model.rowCount() == 1
