"""File › Import…: a preview first, then the import on a worker thread, then kind words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from regroup.core.profile import Profile
from regroup.gui.exchange.import_dialog import ImportDialog
from regroup.gui.kit.data_events import DataEvents
from regroup.gui.kit.page import PageContext
from tests.core.exchange.sources import make_jrnl, write_notes
from tests.gui.conftest import diary, show_window
from tests.support.snapshots import folder_fingerprint


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made, _ = make_jrnl(
        tmp_path_factory.mktemp("jrnl"),
        [
            "2024-05-01 09:30: Phone screen with Acme. It went fine @work",
            "2024-05-02 21:15: Kind words from Dana *\nFelt seen.",
            "2024-05-03 08:00: لم أحصل على الوظيفة 🌱. Still here.",
        ],
    )
    return made


def open_dialog(qtbot: QtBot, profile: Profile, events: DataEvents | None = None) -> ImportDialog:
    dialog = ImportDialog(PageContext.alone(profile, events))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def wait_idle(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=60_000)


def test_the_preview_says_what_comes_in_and_import_adds_it(
    qtbot: QtBot, profile: Profile, journal: Path
) -> None:
    events = DataEvents()
    dialog = open_dialog(qtbot, profile, events)
    assert not dialog.import_button.isEnabled()

    dialog.choose(journal)
    wait_idle(qtbot, dialog)

    assert dialog.kind.currentText() == "jrnl"
    assert "3 new entries from jrnl." in dialog.summary.text()
    shown = dialog.samples.text()
    assert "2024-05-01 · \u2068Phone screen with Acme.\u2069" in shown
    assert "\u2068لم أحصل على الوظيفة 🌱.\u2069" in shown  # isolated: it reads right to left
    assert profile.diary.count() == 0 and dialog.import_button.isEnabled()

    with qtbot.waitSignal(events.entries_changed, timeout=60_000):
        dialog.import_button.click()
    wait_idle(qtbot, dialog)

    assert profile.diary.count() == 3
    assert "Added 3 entries from jrnl to your diary." in dialog.summary.text()
    assert not dialog.import_button.isEnabled() and dialog.close_button.text() == "Done"


def test_a_bad_file_is_named_with_its_line_and_nothing_can_be_imported(
    qtbot: QtBot, profile: Profile, tmp_path: Path
) -> None:
    notes = write_notes(tmp_path / "notes", {"a.md": "---\ndate: 2024-02-30\n---\nHi\n"})
    before = folder_fingerprint(profile.paths.root)
    dialog = open_dialog(qtbot, profile)

    dialog.choose(notes)
    wait_idle(qtbot, dialog)

    assert "a.md, line 2: '2024-02-30' is not a date" in dialog.summary.text()
    assert "Your diary was not changed" in dialog.samples.text()
    assert not dialog.import_button.isEnabled()
    assert folder_fingerprint(profile.paths.root) == before


def test_the_window_keeps_answering_and_the_diary_refreshes_after_a_large_import(
    qtbot: QtBot, profile: Profile, tmp_path: Path
) -> None:
    big = tmp_path / "big.txt"
    big.write_text(
        "".join(
            f"[2020-01-01 {n // 60 % 24:02}:{n % 60:02}] Entry {n}.\nWords.\n\n"
            for n in range(1_440)
        )
        + "".join(
            f"[2020-01-02 {n // 60 % 24:02}:{n % 60:02}] More {n}.\nWords.\n\n"
            for n in range(1_440)
        ),
        encoding="utf-8",
    )
    window = show_window(qtbot, profile)
    file_menu = window.menuBar().actions()[0].menu()
    assert "&Import…" in [action.text() for action in file_menu.actions()]
    dialog = open_dialog(qtbot, profile, window.events)
    ticks: list[int] = []
    timer = QTimer(dialog)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    steps: list[int] = []
    dialog.progress.valueChanged.connect(steps.append)

    dialog.choose(big)
    wait_idle(qtbot, dialog)
    dialog.import_button.click()
    wait_idle(qtbot, dialog)

    assert profile.diary.count() == 2_880
    assert len(steps) > 2 and ticks, "the progress moved and the window's timers kept firing"
    qtbot.waitUntil(lambda: diary(window).panel.model.rowCount() == 2_880, timeout=30_000)


def test_on_a_disk_that_cannot_be_written_the_dialog_says_so_and_imports_nothing(
    qtbot: QtBot, profile: Profile, journal: Path
) -> None:
    profile.read_only = "the disk is read-only"
    dialog = open_dialog(qtbot, profile)
    said = dialog.summary.text()
    assert "Regroup can read your diary but cannot save right now: the disk is read-only" in said
    assert not dialog.file_button.isEnabled() and not dialog.folder_button.isEnabled()
    dialog.choose(journal)  # a file dropped or passed in anyway is previewed, never written
    wait_idle(qtbot, dialog)
    assert not dialog.import_button.isEnabled()
    assert dialog.close_button.isEnabled()
