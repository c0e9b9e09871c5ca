"""The window with its tray, notifier and banner, as the app puts them together."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from regroup.core.autostart import XdgAutostart
from regroup.core.diary_types import EntryContent
from regroup.core.notices import CHECKIN_READY, WRITING_TIME, Notice, Target
from regroup.core.profile import Profile
from regroup.gui.notice_banner import OPEN
from regroup.gui.notifier import Channel
from regroup.gui.reminder_ui import install_reminder_ui
from tests.gui.conftest import diary, show_window
from tests.support.tray_probe import Failing, MemoryFlags


@pytest.fixture
def app() -> QApplication:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    return instance


def test_without_a_tray_a_notice_waits_in_the_window_and_opens_its_page(
    qtbot: QtBot, profile: Profile, app: QApplication
) -> None:
    window = show_window(qtbot, profile)
    ui = install_reminder_ui(app, window, profile.paths.root, MemoryFlags(), Failing())
    try:
        assert not ui.in_tray()
        assert ui.notifier.deliver(Notice(WRITING_TIME, Target.DIARY)) is Channel.BANNER
        assert ui.banner.banner.isVisible()
        assert ui.banner.banner.label.text() == WRITING_TIME
        window.show_page("settings")
        button = ui.banner.banner.button(OPEN)
        assert button is not None
        button.click()
        assert window.current_page_key() == "diary"
        assert ui.notifier.deliver(Notice(CHECKIN_READY, Target.CHECKINS)) is Channel.BANNER
        assert ui.banner.banner.label.text() == CHECKIN_READY
    finally:
        ui.tray.hide()


def test_new_entry_from_the_tray_starts_an_empty_entry(
    qtbot: QtBot, profile: Profile, app: QApplication
) -> None:
    profile.diary.add(EntryContent("an older entry"))
    window = show_window(qtbot, profile)
    ui = install_reminder_ui(app, window, profile.paths.root, MemoryFlags(), Failing())
    try:
        page = diary(window)
        assert page.editor.content().body == "an older entry"
        window.show_page("settings")
        ui.tray.new_entry_action.trigger()
        assert window.current_page_key() == "diary"
        assert page.editor.content().body == ""
    finally:
        ui.tray.hide()


def test_closing_the_window_without_a_tray_still_quits(
    qtbot: QtBot, profile: Profile, app: QApplication
) -> None:
    window = show_window(qtbot, profile)
    ui = install_reminder_ui(app, window, profile.paths.root, MemoryFlags(), Failing())
    try:
        app.setQuitOnLastWindowClosed(False)
        window.close()
        assert app.quitOnLastWindowClosed()
    finally:
        ui.tray.hide()
        app.setQuitOnLastWindowClosed(True)


def test_the_settings_page_switches_start_at_login_on_and_off(
    qtbot: QtBot, profile: Profile, app: QApplication, tmp_path: Path
) -> None:
    window = show_window(qtbot, profile)
    config = Path(os.environ["XDG_CONFIG_HOME"])
    ui = install_reminder_ui(app, window, profile.paths.root, MemoryFlags(), Failing())
    try:
        window.show_page("settings")
        box = ui.autostart_box
        assert box is not None and box.isVisible()
        assert not box.check.isChecked()
        box.check.click()
        entries = list((config / "autostart").glob("*.desktop"))
        assert len(entries) == 1
        text = entries[0].read_text(encoding="utf-8")
        assert f"--data-dir {profile.paths.root} --minimized" in text
        box.check.click()
        assert not entries[0].exists()
    finally:
        ui.tray.hide()


def test_a_start_at_login_that_cannot_be_written_says_so(
    qtbot: QtBot, profile: Profile, app: QApplication, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the config folder should be")
    window = show_window(qtbot, profile)
    autostart = XdgAutostart(["regroup", "--minimized"], config_home=blocked)
    ui = install_reminder_ui(app, window, profile.paths.root, MemoryFlags(), Failing(), autostart)
    try:
        window.show_page("settings")
        box = ui.autostart_box
        assert box is not None
        box.check.click()
        assert not box.check.isChecked()
        assert box.error_label.isVisible()
        assert "Could not change this" in box.error_label.text()
    finally:
        ui.tray.hide()


@pytest.mark.integration
def test_start_at_login_starts_minimized(tmp_path: Path) -> None:
    data = str(tmp_path / "profile")
    init = subprocess.run(
        [sys.executable, "-m", "regroup", "--data-dir", data, "init"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert init.returncode == 0, init.stderr
    run = subprocess.run(
        [sys.executable, "-m", "regroup", "--data-dir", data, "--minimized"],
        env={**os.environ, "REGROUP_EXIT_WHEN_READY": "1"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "regroup-ready"
