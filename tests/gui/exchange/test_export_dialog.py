"""File › Export…: a PDF, Markdown or JSON file of what the person chose, window responsive."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from regroup.core.debriefs.types import DebriefContent
from regroup.core.diary.types import EntryContent
from regroup.core.exchange.print_document import print_document
from regroup.core.exchange.readable import Readable, ReadableEntry, Scope
from regroup.core.profile import Profile
from regroup.gui.exchange.export_dialog import ExportDialog
from regroup.gui.exchange.pdf_writer import render_pdf
from tests.gui.conftest import show_window
from tests.gui.modal import when_modal


def fill(profile: Profile) -> int:
    for day in (1, 10, 20):
        profile.diary.add(
            EntryContent(f"Day {day} \U0001f614 לא קיבלתי", entry_date=dt.date(2026, 3, day))
        )
    return profile.debriefs.create(
        DebriefContent(company="Acme", role="Analyst"), draft=False
    ).record.id


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", path.read_bytes()))


def test_a_pdf_of_a_date_range_is_painted_behind_a_progress_dialog_after_the_click(
    qtbot: QtBot, profile: Profile, tmp_path: Path, told: list[str]
) -> None:
    fill(profile)
    dialog = ExportDialog(profile)
    qtbot.addWidget(dialog)
    dialog.scope_group.button(1).setChecked(True)
    dialog.from_edit.set_value(dt.date(2026, 3, 5))
    dialog.to_edit.set_value(dt.date(2026, 3, 31))
    dialog.path_edit.setText(str(tmp_path / "march.pdf"))

    dialog.export_button.click()

    assert dialog.job is not None  # painting starts once the click is handled
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert told == ["Exported 2 entries. The file is not encrypted; keep it somewhere safe."]
    assert pdf_pages(tmp_path / "march.pdf") >= 2


def test_markdown_of_one_debrief_and_json_of_everything(
    qtbot: QtBot, profile: Profile, tmp_path: Path, told: list[str]
) -> None:
    fill(profile)
    dialog = ExportDialog(profile)
    qtbot.addWidget(dialog)
    dialog.format_group.button(1).setChecked(True)
    dialog.scope_group.button(2).setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "acme.md"))
    dialog.export_button.click()
    assert told[-1].startswith("Exported 1 debrief.")
    assert "# Debrief: Acme — Analyst" in (tmp_path / "acme.md").read_text(encoding="utf-8")

    dialog = ExportDialog(profile)
    qtbot.addWidget(dialog)
    dialog.format_group.button(2).setChecked(True)
    assert not dialog.scope_group.button(1).isEnabled()  # JSON always holds everything
    dialog.path_edit.setText(str(tmp_path / "all.md"))
    assert dialog.path_edit.text().endswith("all.json")
    dialog.export_button.click()
    assert told[-1].startswith("Exported 3 entries and 1 debrief.")


def test_file_export_in_the_window_file_menu_opens_the_dialog(
    qtbot: QtBot, profile: Profile
) -> None:
    window = show_window(qtbot, profile)
    file_menu = window.menuBar().actions()[0].menu()
    export = next(a for a in file_menu.actions() if a.text() == "&Export…")  # type: ignore[union-attr]
    opened: list[str] = []

    errors = when_modal(lambda dialog: opened.append(dialog.windowTitle()))
    export.trigger()

    assert errors == [] and opened == ["Export"]


def test_emoji_rtl_nul_and_a_long_text_make_a_pdf(qtbot: QtBot) -> None:
    hard = "\U0001f3f3\ufe0f\u200d\U0001f308 לא קיבלתי لم أحصل \x00 \u202e" + "long " * 20_000
    entries = tuple(
        ReadableEntry(dt.date(2026, 3, n), hard, hard, n % 5 + 1, (hard[:20],)) for n in (1, 2)
    )
    document = print_document(Readable(Scope.everything(), entries, (), ()), dt.date(2026, 3, 3))
    seen: list[tuple[int, int]] = []

    data = render_pdf(document, lambda page, pages: seen.append((page, pages)))

    assert data.startswith(b"%PDF-")
    assert seen[-1][0] == seen[-1][1] >= 3
    QApplication.processEvents()


def test_a_file_that_exists_is_replaced_only_when_the_person_says_so(
    qtbot: QtBot, profile: Profile, tmp_path: Path, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(profile)
    target = tmp_path / "keep.md"
    target.write_text("keep me", encoding="utf-8")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: answers.pop(0))
    dialog = ExportDialog(profile)
    qtbot.addWidget(dialog)
    dialog.format_group.button(1).setChecked(True)
    dialog.path_edit.setText(str(target))

    dialog.export_button.click()
    assert target.read_text(encoding="utf-8") == "keep me" and told == []

    dialog.export_button.click()
    assert "Day 20" in target.read_text(encoding="utf-8")
    assert told[-1].startswith("Exported 3 entries and 1 debrief.")


def test_a_first_day_typed_wrong_stops_the_export_and_says_why(
    qtbot: QtBot, profile: Profile, tmp_path: Path, told: list[str]
) -> None:
    fill(profile)
    dialog = ExportDialog(profile)
    qtbot.addWidget(dialog)
    dialog.scope_group.button(1).setChecked(True)
    dialog.from_edit.line_edit.setText("the 45th of March")
    dialog.from_edit.commit_text()
    dialog.path_edit.setText(str(tmp_path / "march.pdf"))

    dialog.export_button.click()

    assert told and "day" in told[0]
    assert dialog.job is None
    assert not (tmp_path / "march.pdf").exists()


def test_replacing_a_link_is_refused_and_what_it_points_to_is_kept(
    qtbot: QtBot, profile: Profile, tmp_path: Path, told: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(profile)
    precious = tmp_path / "precious.txt"
    precious.write_text("not an export", encoding="utf-8")
    link = tmp_path / "diary.md"
    link.symlink_to(precious)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    dialog = ExportDialog(profile)
    qtbot.addWidget(dialog)
    dialog.format_group.button(1).setChecked(True)
    dialog.path_edit.setText(str(link))

    dialog.export_button.click()

    assert "is a symbolic link; Regroup does not write through links" in told[-1]
    assert precious.read_text(encoding="utf-8") == "not an export"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no copy left


def test_the_window_sweeps_what_a_killed_export_left_behind(
    profile: Profile, tmp_path: Path
) -> None:
    from regroup.core.exchange.export_file import remember_export_folder
    from regroup.gui.app import sweep_exports

    remember_export_folder(profile.db, tmp_path)
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    left = tmp_path / f".regroup-export-{int(ended.stdout)}-k1ll.part"
    left.write_text("the whole diary, unencrypted", encoding="utf-8")

    sweep_exports(profile)

    assert not left.exists()
