"""The key dialogs lead a person through the recovery key and the passphrase."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from regroup.core.keys.recovery_key import format_recovery_key, new_recovery_key
from regroup.core.profile import SecretRequest
from regroup.gui.keys.key_dialogs import NewPassphraseDialog, UnlockDialog
from regroup.gui.keys.recovery_key_dialog import RecoveryKeyDialog


def test_the_recovery_key_must_be_saved_then_typed_back(qtbot: QtBot) -> None:
    key = format_recovery_key(new_recovery_key())
    dialog = RecoveryKeyDialog(key)
    qtbot.addWidget(dialog)
    assert dialog.key_label.text() == key
    assert not dialog._next.isEnabled()
    dialog.saved_check.setChecked(True)
    dialog._next.click()
    assert not dialog._next.isEnabled()
    other = format_recovery_key(new_recovery_key())
    qtbot.keyClicks(dialog.confirm_edit, other)
    assert "not the key shown" in dialog.feedback.text()
    assert not dialog._next.isEnabled()
    dialog.confirm_edit.clear()
    qtbot.keyClicks(dialog.confirm_edit, key.lower().replace("-", " "))
    assert dialog._next.isEnabled()
    dialog._next.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


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
    assert not ok.isEnabled() and "At least 8" in dialog.feedback.text()
    qtbot.keyClicks(dialog.first, " but now long")
    qtbot.keyClicks(dialog.second, "short but now lon")
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.second, "g")
    assert ok.isEnabled()


def test_the_recovery_key_prints_to_a_pdf(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    from regroup.gui.keys.recovery_key_dialog import print_recovery_key

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "key.pdf"))
    print_recovery_key(format_recovery_key(new_recovery_key()), printer)
    data = (tmp_path / "key.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
