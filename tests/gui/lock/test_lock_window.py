"""Locking the window: idle, Ctrl+L or the tray; the pages go; a PIN or passphrase opens it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from regroup.core.diary.types import EntryContent
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from regroup.gui.lock.screen import HINT_PASSPHRASE, TITLE, WAIT, WRONG
from regroup.gui.main_window import MainWindow
from tests.conftest import TEST_KDF_SECONDS
from tests.gui.conftest import diary, show_window
from tests.gui.lock.conftest import Seconds, clocked_lock, wait_until_no_widget_holds
from tests.gui.modal import when_modal
from tests.support.prompter import ScriptedPrompter

CANARY = "The recruiter said my portfolio was thin"
PIN = "482913"


def _window_with_words(qtbot: QtBot, profile: Profile) -> MainWindow:
    profile.diary.add(EntryContent(CANARY))
    window = show_window(qtbot, profile)
    assert diary(window).editor.content().body == CANARY
    return window


def _type_and_enter(qtbot: QtBot, window: MainWindow, text: str) -> None:
    screen = window.app_lock.screen
    assert screen is not None
    qtbot.keyClicks(screen.field, text)
    qtbot.keyClick(screen.field, Qt.Key.Key_Return)


def test_ctrl_l_saves_the_open_entry_and_takes_every_page_down(
    qtbot: QtBot, profile: Profile
) -> None:
    profile.settings.set_lock_pin(PIN)
    entry_id = profile.diary.add(EntryContent(CANARY)).id
    window = show_window(qtbot, profile)
    page = diary(window)
    page.editor.body_edit.setPlainText(CANARY + ", and I can do something about that.")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.app_lock.is_locked
    screen = window.app_lock.screen
    assert screen is not None and screen.isVisible() and screen.title.text() == TITLE
    assert window.built_pages() == []
    wait_until_no_widget_holds(qtbot, CANARY)
    assert profile.diary.get(entry_id).body.endswith("I can do something about that.")


def test_the_pin_unlocks_and_the_pages_come_back_with_the_diary(
    qtbot: QtBot, profile: Profile
) -> None:
    profile.settings.set_lock_pin(PIN)
    window = _window_with_words(qtbot, profile)
    window.app_lock.lock_now()
    _type_and_enter(qtbot, window, PIN)
    assert not window.app_lock.is_locked
    assert window.app_lock.screen is None
    qtbot.waitUntil(lambda: window.built("diary") is not None)
    assert diary(window).editor.content().body == CANARY
    assert all(action.isEnabled() for action in window.file_menu.actions())


def test_wrong_pins_wait_a_little_longer_each_time_and_never_lock_you_out(
    qtbot: QtBot, profile: Profile
) -> None:
    profile.settings.set_lock_pin(PIN)
    window = _window_with_words(qtbot, profile)
    clock = Seconds()
    lock = clocked_lock(window, clock)
    lock.lock_now()
    screen = lock.screen
    assert screen is not None
    for _ in range(2):
        assert not lock.unlock("000000")
        assert screen.message.text() == WRONG and screen.button.isEnabled()
    assert not lock.unlock("000000")
    assert screen.message.text() == WAIT.format(seconds=1)
    assert not screen.button.isEnabled()
    assert not lock.unlock(PIN)  # even the right PIN waits out the pause
    assert lock.is_locked
    clock.advance(1.0)
    assert lock.unlock(PIN)
    assert not lock.is_locked


def test_after_the_idle_minutes_without_input_the_window_locks(
    qtbot: QtBot, profile: Profile
) -> None:
    profile.settings.set_lock_pin(PIN)
    profile.settings.set_lock_idle_minutes(5)
    window = _window_with_words(qtbot, profile)
    clock = Seconds()
    lock = clocked_lock(window, clock)
    assert lock.watcher.timer.isActive()
    clock.advance(4 * 60)
    editor = diary(window).editor.body_edit
    QApplication.sendEvent(
        editor, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)
    )
    clock.advance(2 * 60)
    lock.watcher.check()  # the timer's wake-up: input a minute ago puts the lock off
    assert not lock.is_locked
    clock.advance(3 * 60)
    lock.watcher.check()
    assert lock.is_locked
    wait_until_no_widget_holds(qtbot, CANARY)


def test_the_idle_watcher_listens_to_input_only_while_an_idle_lock_is_chosen(
    qtbot: QtBot, profile: Profile
) -> None:
    window = show_window(qtbot, profile)
    clock = Seconds()
    lock = clocked_lock(window, clock)
    assert not lock.watcher.timer.isActive()
    clock.advance(3 * 3600)
    lock.watcher.check()
    assert not lock.is_locked
    qtbot.mouseMove(window, window.rect().center())
    assert lock.watcher.last_input == 1000.0  # no filter, nothing noted
    lock.watcher.set_minutes(1)
    QApplication.sendEvent(window, _mouse_move(window))
    assert lock.watcher.last_input == clock.now


def _mouse_move(window: MainWindow) -> QEvent:
    from PySide6.QtGui import QMouseEvent

    centre = QPointF(window.rect().center())
    return QMouseEvent(
        QEvent.Type.MouseMove,
        centre,
        window.mapToGlobal(centre),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )


def test_a_keyring_profile_is_asked_for_a_pin_before_its_first_lock(
    qtbot: QtBot, profile: Profile
) -> None:
    window = _window_with_words(qtbot, profile)

    def choose(dialog: QDialog) -> None:
        fields = dialog.findChildren(QLineEdit)
        fields[0].setText("2468")
        fields[1].setText("2468")
        dialog.accept()

    errors = when_modal(choose)
    assert window.app_lock.lock_now()
    assert errors == []
    assert window.app_lock.is_locked
    pin = profile.settings.lock_pin()
    assert pin is not None and pin.matches("2468")
    assert "2468" not in (profile.settings.get("lock.pin_verifier") or "")


def test_without_a_pin_cancelling_the_question_leaves_the_window_open(
    qtbot: QtBot, profile: Profile
) -> None:
    window = _window_with_words(qtbot, profile)
    errors = when_modal(lambda dialog: dialog.reject())
    assert not window.app_lock.lock_now()
    assert errors == []
    assert not window.app_lock.is_locked
    assert diary(window).editor.content().body == CANARY


def test_an_open_dialog_closes_before_the_lock(qtbot: QtBot, profile: Profile) -> None:
    profile.settings.set_lock_pin(PIN)
    window = _window_with_words(qtbot, profile)
    seen: list[bool] = []

    def lock_over_it(dialog: QDialog) -> None:
        window.app_lock.lock()
        seen.append(dialog.isVisible())

    dialog = QDialog(window)
    errors = when_modal(lock_over_it)
    dialog.exec()
    assert errors == [] and seen == [False]
    qtbot.waitUntil(lambda: window.app_lock.is_locked)
    wait_until_no_widget_holds(qtbot, CANARY)


@pytest.mark.usefixtures("no_keyring")
def test_a_passphrase_profile_unlocks_with_its_passphrase(
    qtbot: QtBot, paths: ProfilePaths
) -> None:
    person = ScriptedPrompter(passphrase="a long enough phrase")
    opened = open_profile(paths, SystemKeyStore(), person, kdf_seconds=TEST_KDF_SECONDS)
    try:
        window = _window_with_words(qtbot, opened)
        assert window.app_lock.lock_now()  # the passphrase can open it: no PIN needed
        screen = window.app_lock.screen
        assert screen is not None and screen.hint.text() == HINT_PASSPHRASE
        _type_and_enter(qtbot, window, "not the phrase")
        assert window.app_lock.is_locked
        _type_and_enter(qtbot, window, "a long enough phrase")
        assert not window.app_lock.is_locked
        qtbot.waitUntil(lambda: window.built("diary") is not None)
        assert diary(window).editor.content().body == CANARY
    finally:
        opened.close()


def test_while_locked_the_menus_wait_but_quit(qtbot: QtBot, profile: Profile) -> None:
    profile.settings.set_lock_pin(PIN)
    window = _window_with_words(qtbot, profile)
    window.app_lock.lock_now()
    enabled = [a for a in window.file_menu.actions() if a.isEnabled() and not a.isSeparator()]
    assert enabled == [window.quit_action]
    window.show_page("goals")
    assert window.built("goals") is None
    assert not window.open("diary", "new")
    assert window.built("diary") is None
    unlock = window.app_lock.screen.findChild(QPushButton) if window.app_lock.screen else None
    assert unlock is not None and unlock.text() == "Unlock"
