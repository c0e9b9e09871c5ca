"""Earlier versions can be brought back; deleted entries wait in the trash until it is emptied."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from regroup.core.diary.service import REVISION_INTERVAL
from regroup.core.diary.types import EntryContent, EntryNotFoundError
from regroup.core.profile import Profile
from regroup.gui.diary.history_dialog import HistoryDialog
from regroup.gui.diary.trash_dialog import TrashDialog
from tests.gui.conftest import Dialogs, ManualClock, diary, show_window, toast_button, toast_on


def test_history_shows_the_text_from_before_and_restores_it(
    qtbot: QtBot,
    clocked_profile: Profile,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = diary(show_window(qtbot, clocked_profile))
    body = page.editor.body_edit
    qtbot.keyClicks(body, "First, calm version.")
    assert page.save_now()
    clock.advance(REVISION_INTERVAL + dt.timedelta(minutes=1))
    body.selectAll()
    qtbot.keyClicks(body, "Rewritten in a bad mood.")
    assert page.save_now()
    entry_id = page.saver.entry_id
    assert entry_id is not None
    seen: dict[str, object] = {}

    def person_at_the_dialog(dialog: HistoryDialog) -> int:
        seen["versions"] = dialog.version_list.count()
        seen["text"] = dialog.text_view.toPlainText()
        dialog.restore_button.click()
        return dialog.result()

    monkeypatch.setattr(HistoryDialog, "exec", person_at_the_dialog)
    page.history_button.click()
    assert seen["versions"] == 1
    assert "First, calm version." in str(seen["text"])
    assert body.toPlainText() == "First, calm version."
    assert clocked_profile.diary.get(entry_id).body == "First, calm version."
    kept = [r.body for r in clocked_profile.diary.revisions(entry_id)]
    assert "Rewritten in a bad mood." in kept


def test_autosaves_in_quick_succession_keep_one_version(
    qtbot: QtBot, clocked_profile: Profile, clock: ManualClock
) -> None:
    page = diary(show_window(qtbot, clocked_profile))
    qtbot.keyClicks(page.editor.body_edit, "one")
    assert page.save_now()
    fresh = HistoryDialog(clocked_profile.diary, page.saver.entry_id or 0)
    qtbot.addWidget(fresh)
    assert fresh.version_list.count() == 0 and not fresh.restore_button.isEnabled()
    for more in (" two", " three"):
        clock.advance(dt.timedelta(seconds=5))
        qtbot.keyClicks(page.editor.body_edit, more)
        assert page.save_now()
    dialog = HistoryDialog(clocked_profile.diary, page.saver.entry_id or 0)
    qtbot.addWidget(dialog)
    assert dialog.version_list.count() == 1
    assert dialog.text_view.toPlainText().endswith("\n\none")


def test_delete_moves_the_entry_to_the_trash_and_undo_brings_it_back(
    qtbot: QtBot, profile: Profile
) -> None:
    entry = profile.diary.add(EntryContent("Regret writing this", title="Rant"))
    page = diary(show_window(qtbot, profile))
    assert page.open_entry(entry.id)
    page.delete_button.click()
    assert profile.diary.count() == 0
    assert [s.id for s in profile.diary.trashed()] == [entry.id]
    assert page.panel.model.rowCount() == 0 and page.saver.entry_id is None
    toast_button(toast_on(page), "Undo").click()
    assert profile.diary.count() == 1
    assert page.saver.entry_id == entry.id and page.editor.title_edit.text() == "Rant"
    assert page.panel.model.rowCount() == 1


def test_the_trash_restores_entries_and_empties_only_after_asking(
    qtbot: QtBot, profile: Profile, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = profile.diary.add(EntryContent("changed my mind", title="Keep"))
    gone = profile.diary.add(EntryContent("really delete", title="Gone"))
    for entry in (keep, gone):
        profile.diary.trash(entry.id)
    window = show_window(qtbot, profile)
    opened: list[TrashDialog] = []
    monkeypatch.setattr(TrashDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    diary(window).trash_button.click()
    [dialog] = opened
    assert dialog.entry_list.count() == 2
    for row in range(2):
        item = dialog.entry_list.item(row)
        item.setSelected(item.data(Qt.ItemDataRole.UserRole) == keep.id)
    dialog.restore_button.click()
    assert profile.diary.count() == 1 and dialog.entry_list.count() == 1
    assert diary(window).panel.model.rowCount() == 1
    dialogs.answer = QMessageBox.StandardButton.Cancel
    dialog.empty_button.click()
    assert len(profile.diary.trashed()) == 1
    dialogs.answer = QMessageBox.StandardButton.Yes
    dialog.empty_button.click()
    assert profile.diary.trashed() == [] and not dialog.empty_label.isHidden()
    assert dialogs.titles() == ["Empty the trash?", "Empty the trash?"]
    with pytest.raises(EntryNotFoundError):
        profile.diary.get(gone.id)
    assert profile.diary.get(keep.id).deleted_at is None
