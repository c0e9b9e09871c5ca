"""The key dialogs ask for the passphrase or the recovery key, and a new passphrase."""

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from regroup.core.keys.unlocking import passphrase_problem
from regroup.core.profile import SecretRequest
from regroup.gui.keys.key_dialogs import NewPassphraseDialog, UnlockDialog


def test_the_unlock_dialog_switches_between_passphrase_and_recovery_key(qtbot: QtBot) -> None:
    request = SecretRequest("This profile is protected by a passphrase.", True, "Wrong, try again")
    dialog = UnlockDialog(request)
    qtbot.addWidget(dialog)
    assert dialog.secret_edit.accessibleName() == "Passphrase"
    assert not dialog.error_label.isHidden()
    dialog.switch_button.click()
    qtbot.keyClicks(dialog.secret_edit, "ABCD")
    answer = dialog.answer()
    assert answer.is_recovery_key and answer.text == "ABCD"


def test_a_new_passphrase_must_be_long_enough_and_typed_twice(qtbot: QtBot) -> None:
    dialog = NewPassphraseDialog("No keyring here.")
    qtbot.addWidget(dialog)
    ok = dialog._buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.first, "short")
    assert not ok.isEnabled() and "at least 8 characters" in dialog.feedback.text()
    assert dialog.feedback.text() == passphrase_problem("short")  # the command line's words
    qtbot.keyClicks(dialog.first, " but now long")
    qtbot.keyClicks(dialog.second, "short but now lon")
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.second, "g")
    assert ok.isEnabled()
