"""Settings › Key and recovery, as a person uses it, on a real encrypted profile."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from regroup.core.keys.key_file import KeyStorage
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, UnlockedWith, open_profile
from regroup.gui.keys.key_settings import KeySettingsBox, NewRecoveryKeyDialog
from tests.support.prompter import ScriptedPrompter, recovery


def _shows_key(shown: list[str], kept: bool) -> Callable[[str], bool]:
    """The person sees the key and either keeps it (types it back) or closes the dialog."""

    def show(key: str) -> bool:
        shown.append(key)
        return kept

    return show


def _box(qtbot: QtBot, profile: Profile) -> KeySettingsBox:
    box = KeySettingsBox(profile)
    qtbot.addWidget(box)
    return box


def test_a_new_recovery_key_is_used_only_after_confirming_and_typing_it_back(
    qtbot: QtBot, profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    box = _box(qtbot, profile)
    shown: list[str] = []
    box.confirm_new_key = lambda: False
    assert not box.make_new_recovery_key()
    box.confirm_new_key = lambda: True
    box.show_new_key = _shows_key(shown, kept=False)
    assert not box.make_new_recovery_key()
    assert "Nothing was changed" in box.result_label.text()
    box.show_new_key = _shows_key(shown, kept=True)
    assert box.make_new_recovery_key()
    assert "old one no longer opens" in box.result_label.text()
    profile.close()
    keystore.delete(profile.key_file.profile_id)
    person = ScriptedPrompter().will_answer([recovery(shown[-1])])
    reopened = open_profile(paths, keystore, person)
    reopened.close()
    assert reopened.unlocked_with is UnlockedWith.RECOVERY_KEY


def test_the_new_key_dialog_needs_the_key_kept_and_typed_back(qtbot: QtBot) -> None:
    key = "0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ"
    dialog = NewRecoveryKeyDialog(key)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.show_part.saved_check.setChecked(True)
    assert not ok.isEnabled()
    dialog.confirm_part.confirm_edit.setText(key.lower().replace("-", " "))
    assert ok.isEnabled()


def test_moving_between_the_keyring_and_a_passphrase(
    qtbot: QtBot, profile: Profile, keystore: SystemKeyStore
) -> None:
    box = _box(qtbot, profile)
    assert "system keyring" in box.where_label.text()
    assert box.keyring_button.isHidden()
    box.choose_passphrase = lambda _reason: "a calm long phrase"
    assert box.set_passphrase()
    assert profile.key_file.storage is KeyStorage.PASSPHRASE
    assert "passphrase" in box.where_label.text()
    assert not box.keyring_button.isHidden()
    box.ask_passphrase = lambda _why: "not it at all"
    assert not box.move_to_keyring()
    assert "Nothing was changed" in box.result_label.text()
    assert profile.key_file.storage is KeyStorage.PASSPHRASE
    box.ask_passphrase = lambda _why: "a calm long phrase"
    assert box.move_to_keyring()
    assert profile.key_file.storage is KeyStorage.KEYRING
    assert keystore.load(profile.key_file.profile_id) is not None


def test_the_window_checkpoints_the_wal_when_writing_pauses(qtbot: QtBot, profile: Profile) -> None:
    from regroup.gui.main_window import IDLE_CHECKPOINT_MS, MainWindow

    window = MainWindow(profile)
    qtbot.addWidget(window)
    assert window.checkpoint_timer.isActive()
    assert window.checkpoint_timer.interval() == IDLE_CHECKPOINT_MS
