"""The recovery key's parts: kept by copy, print or a file, then typed back."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from regroup.core.keys.recovery_key import format_recovery_key, new_recovery_key
from regroup.gui.keys.recovery_key_panel import (
    RecoveryKeyConfirm,
    RecoveryKeyShow,
    print_recovery_key,
)


def test_the_key_is_copied_and_saved_to_a_private_text_file(qtbot: QtBot, tmp_path: Path) -> None:
    key = format_recovery_key(new_recovery_key())
    part = RecoveryKeyShow(key)
    qtbot.addWidget(part)
    part.copy()
    assert QApplication.clipboard().text() == key
    assert part.save_to(tmp_path / "my key")
    saved = tmp_path / "my key.txt"
    assert key in saved.read_text(encoding="utf-8")
    assert "keyring" in saved.read_text(encoding="utf-8")
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert str(saved) in part.done_label.text()


def test_a_key_file_that_cannot_be_written_says_so_and_keeps_the_key(
    qtbot: QtBot, tmp_path: Path
) -> None:
    key = format_recovery_key(new_recovery_key())
    part = RecoveryKeyShow(key)
    qtbot.addWidget(part)
    assert not part.save_to(tmp_path / "no such folder" / "key.txt")
    assert "Could not save it there" in part.done_label.text()
    assert part.key_label.text() == key


def test_the_key_must_be_typed_back_but_dashes_and_case_do_not_matter(qtbot: QtBot) -> None:
    key = format_recovery_key(new_recovery_key())
    part = RecoveryKeyConfirm(key)
    qtbot.addWidget(part)
    with qtbot.waitSignal(part.confirmed) as blocker:
        qtbot.keyClicks(part.confirm_edit, format_recovery_key(new_recovery_key()))
    assert blocker.args == [False] and not part.is_confirmed()
    assert "not the key shown" in part.feedback.text()
    part.confirm_edit.clear()
    qtbot.keyClicks(part.confirm_edit, key.lower().replace("-", " "))
    assert part.is_confirmed() and part.feedback.text() == "That matches."


def test_the_recovery_key_prints_to_a_pdf(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "key.pdf"))
    print_recovery_key(format_recovery_key(new_recovery_key()), printer)
    data = (tmp_path / "key.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
