"""A first start through the real dialogs creates an encrypted profile."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import UnlockedWith, open_profile
from regroup.gui.keys.qt_prompter import QtPrompter
from regroup.gui.keys.recovery_key_dialog import RecoveryKeyDialog


def test_the_person_confirms_the_key_and_gets_a_new_profile(
    qtbot: QtBot, paths: ProfilePaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def person_at_the_dialog(dialog: RecoveryKeyDialog) -> int:
        shown.append(dialog.key_label.text())
        dialog.saved_check.setChecked(True)
        dialog._next.click()
        qtbot.keyClicks(dialog.confirm_edit, dialog.key_label.text())
        dialog._next.click()
        return dialog.result()

    monkeypatch.setattr(RecoveryKeyDialog, "exec", person_at_the_dialog)
    profile = open_profile(paths, SystemKeyStore(), QtPrompter())
    profile.close()
    assert profile.unlocked_with is UnlockedWith.NEW
    assert len(shown) == 1 and paths.database.exists()


def test_closing_the_recovery_key_dialog_creates_nothing(
    paths: ProfilePaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RecoveryKeyDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    with pytest.raises(Exception, match="No profile was created"):
        open_profile(paths, SystemKeyStore(), QtPrompter())
    assert not paths.root.exists()
