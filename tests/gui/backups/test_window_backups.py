"""Backups in the window: made off the window's thread, checked, told kindly, restored."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from regroup.core.backups import BackupCheckError
from regroup.core.diary.types import EntryContent
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.profile import Profile
from regroup.gui.backups.restore_dialog import RestoreDialog
from regroup.gui.backups.section import BackupsBox
from regroup.gui.backups.window_backups import WindowBackups, install_backups
from regroup.gui.diary.page import SAVE_PROBLEM
from regroup.gui.kit.toasts import Tone
from regroup.gui.main_window import MainWindow
from tests.gui.conftest import Dialogs, reopen, toast_on

NEVER = 10_000_000
"""The first daily check, pushed out of the test's way unless the test runs it."""


@pytest.fixture
def window(qtbot: QtBot, profile: Profile) -> MainWindow:
    made = MainWindow(profile)
    qtbot.addWidget(made)
    return made


def _backed_up(qtbot: QtBot, backups: WindowBackups, reason: str = "manual") -> bool:
    with qtbot.waitSignal(backups.finished, timeout=20_000) as signal:
        assert backups.back_up(reason)
    qtbot.waitUntil(lambda: not backups.busy())
    return bool(signal.args[0])


def test_the_file_menu_offers_back_up_now_and_restore(window: MainWindow) -> None:
    install_backups(window, NEVER)
    titles = [action.text() for action in window.file_menu.actions() if action.text()]
    assert titles.index("&Back up now") < titles.index("&Restore…") < titles.index("&Quit")


def test_back_up_now_runs_on_a_thread_and_keeps_a_checked_backup(
    qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    profile.diary.add(EntryContent(body="worth keeping"))
    backups = install_backups(window, NEVER)
    assert _backed_up(qtbot, backups)
    [made] = profile.backups.kept()
    assert made.entries == 1 and made.reason == "manual"
    assert "Backed up at" in window.statusBar().currentMessage()


def test_the_daily_backup_is_made_when_due_and_not_twice(
    qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    backups = install_backups(window, NEVER)
    with qtbot.waitSignal(backups.finished, timeout=20_000):
        backups.back_up_if_due()
    qtbot.waitUntil(lambda: not backups.busy())
    backups.back_up_if_due()
    assert not backups.busy()
    assert [b.reason for b in profile.backups.kept()] == ["daily"]


def test_a_backup_that_fails_its_check_is_told_kindly_with_a_way_to_try_again(
    qtbot: QtBot, window: MainWindow, profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(_reason: str = "manual") -> object:
        raise BackupCheckError("The backup taken just now did not pass its check.")

    monkeypatch.setattr(profile.backups, "create", failing)
    backups = install_backups(window, NEVER)
    assert not _backed_up(qtbot, backups)
    notice = window.toasts.latest("backup")
    assert notice is not None and notice.tone is Tone.ERROR
    assert "did not work" in notice.text() and "Your diary itself is fine" in notice.text()
    assert notice.button("Try again") is not None


def test_the_backups_section_saves_how_many_to_keep_and_a_second_folder(
    qtbot: QtBot, window: MainWindow, profile: Profile, tmp_path: object
) -> None:
    from pathlib import Path

    backups = install_backups(window, NEVER)
    box = BackupsBox(backups)
    qtbot.addWidget(box)
    assert "No backup yet" in box.last_label.text()
    box.spins["daily"].setValue(3)
    assert profile.backups.policy().daily == 3
    second = Path(str(tmp_path)) / "synced"
    box._set_second(second)
    assert profile.backups.second_folder() == second
    assert box.second_label.text() == str(second)
    box._set_second(profile.paths.backups)
    assert "other than" in box.problem_label.text()


def test_restore_puts_the_backup_back_and_closes_for_a_fresh_start(
    qtbot: QtBot, window: MainWindow, profile: Profile, keystore: SystemKeyStore, dialogs: Dialogs
) -> None:
    profile.diary.add(EntryContent(body="in the backup"))
    backups = install_backups(window, NEVER)
    assert _backed_up(qtbot, backups)
    profile.diary.add(EntryContent(body="written later"))
    quits: list[bool] = []
    backups.quit_after_restore = lambda: quits.append(True)
    dialog = RestoreDialog(backups, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "made by you" in dialog.list.item(0).text()
    dialog.confirm = lambda _text: True
    dialog.restore_button.click()
    assert quits == [True]
    assert dialogs.titles() == ["Your diary was restored"]
    again = reopen(profile, keystore)
    try:
        bodies = again.db.execute_sql("SELECT body FROM entry").fetchall()
        assert bodies == [("in the backup",)]
        assert again.backups.latest() is not None
        assert again.backups.latest().reason == "before-restore"  # type: ignore[union-attr]
    finally:
        again.close()


def test_a_cancelled_restore_changes_nothing(
    qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    backups = install_backups(window, NEVER)
    assert _backed_up(qtbot, backups)
    dialog = RestoreDialog(backups, window)
    qtbot.addWidget(dialog)
    dialog.confirm = lambda _text: False
    dialog.restore_button.click()
    assert len(profile.backups.kept()) == 1
    assert not profile.db.is_closed()


def test_a_read_only_profile_shows_a_calm_banner_and_offers_no_backup(
    window: MainWindow, profile: Profile
) -> None:
    profile.read_only = "the disk is full"
    backups = install_backups(window, NEVER)
    assert backups.read_only_strip is not None
    assert backups.read_only_strip.isVisibleTo(window)
    assert backups.read_only_strip.text() == (
        "Regroup can read your diary but cannot save right now: the disk is full."
    )
    assert not backups.back_up_action.isEnabled()
    assert not backups.back_up("manual")


@pytest.mark.integration
def test_a_diary_opened_read_only_says_why_and_a_save_keeps_the_text(
    qtbot: QtBot, tmp_path: object, keystore: SystemKeyStore, dialogs: Dialogs
) -> None:
    from pathlib import Path

    from regroup.core.paths import ProfilePaths
    from regroup.core.profile import open_profile
    from tests.conftest import TEST_KDF_SECONDS
    from tests.gui.conftest import diary, show_window
    from tests.support.filesystems import make_read_only, small_disk
    from tests.support.prompter import ScriptedPrompter

    with small_disk(Path(str(tmp_path)) / "disk") as disk:
        paths = ProfilePaths(disk / "profile")
        first = open_profile(paths, keystore, ScriptedPrompter(), kdf_seconds=TEST_KDF_SECONDS)
        first.diary.add(EntryContent(body="An older entry"))
        first.close()
        make_read_only(disk)
        profile = open_profile(paths, keystore, ScriptedPrompter(), kdf_seconds=TEST_KDF_SECONDS)
        try:
            window = show_window(qtbot, profile)
            backups = install_backups(window, NEVER)
            assert backups.read_only_strip is not None
            assert "cannot save right now: the disk is read-only" in backups.read_only_strip.text()
            page = diary(window)
            qtbot.keyClicks(page.editor.body_edit, "A new thought. ")
            typed = page.editor.body_edit.toPlainText()
            assert "A new thought" in typed
            assert not page.save_now()
            assert "could not be saved" in toast_on(page, SAVE_PROBLEM).text()
            assert page.editor.body_edit.toPlainText() == typed
            assert profile.diary.get(1).body == "An older entry"
            window.close()
        finally:
            profile.close()
