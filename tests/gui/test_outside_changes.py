"""The window notices what the command line wrote while it was open, and keeps what is typed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pytestqt.qtbot import QtBot

from regroup.core.diary.types import EntryContent
from regroup.core.profile import Profile
from regroup.gui.checkins.page import CheckinsPage
from regroup.gui.kit.data_events import SHOWN_CHECK_MS
from tests.gui.checkins.test_page import CONTENT
from tests.gui.conftest import diary, page_of, show_window, toast_on, wait_saved

pytestmark = pytest.mark.integration


def python(*args: str) -> None:
    """Run Python in another process with the test's environment (bus, keyring, HOME)."""
    result = subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def regroup(profile: Profile, command: str, *args: str) -> None:
    """Run ``regroup`` in another process on the same profile (its key from the test keyring)."""
    python("-m", "regroup", command, "--data-dir", str(profile.paths.root), *args)


def another_program(profile: Profile, statement: str) -> None:
    """Open the profile in another process (key from the test keyring) and run ``statement``."""
    python(
        "-c",
        "from pathlib import Path\n"
        "from regroup.core.keys.keystore import SystemKeyStore\n"
        "from regroup.core.paths import ProfilePaths\n"
        "from regroup.core.profile import open_profile\n"
        "from regroup.core.diary.types import EntryContent\n"
        "from tests.support.prompter import ScriptedPrompter\n"
        f"paths = ProfilePaths(Path({str(profile.paths.root)!r}))\n"
        "profile = open_profile(paths, SystemKeyStore(), ScriptedPrompter())\n"
        f"{statement}\n"
        "profile.close()\n",
    )


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


def test_a_reload_while_answering_a_check_in_leaves_the_cursor_where_it_was(
    qtbot: QtBot, clocked_profile: Profile
) -> None:
    profile = clocked_profile
    record = profile.debriefs.create(CONTENT, draft=False).record
    assert record.checkin is not None
    window = show_window(qtbot, profile)
    window.open("checkins", record.checkin.id)
    page = page_of(window, "checkins", CheckinsPage)
    field = page.form.helped_edit
    field.setFocus()
    qtbot.keyClicks(field, "Long walks and")
    field.moveCursor(field.textCursor().MoveOperation.Left)
    reloads: list[bool] = []
    window.events.checkins_changed.connect(lambda: reloads.append(True))
    another_program(profile, "profile.diary.add(EntryContent('From elsewhere'))")
    qtbot.waitUntil(lambda: bool(reloads), timeout=SHOWN_CHECK_MS * 3)
    assert field.toPlainText() == "Long walks and"
    assert field.textCursor().position() == len("Long walks an")
    qtbot.keyClicks(field, "!")
    assert field.toPlainText() == "Long walks an!d"
