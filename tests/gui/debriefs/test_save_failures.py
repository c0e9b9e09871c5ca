"""A debrief save that fails says so, keeps the answers in the form and in a recovery draft."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from regroup.core.debriefs.types import DebriefContent
from regroup.core.drafts import Draft
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.profile import Profile
from regroup.gui.debriefs.page import SAVE_PROBLEM, DebriefPage
from regroup.gui.debriefs.saver import DebriefSaver
from tests.gui.conftest import Dialogs, offer_on, toast_button, toast_on, toast_text
from tests.gui.debriefs.test_page import open_debriefs, wait_saved
from tests.gui.diary.test_save_failures import profile_on
from tests.support.filesystems import fill_disk, make_read_only, small_disk

LONG_TEXT = "What I would say to them now, after a night's sleep.\n" * 40_000


def _assert_failure_shown(page: DebriefPage, notes: str) -> str:
    notice = toast_on(page, SAVE_PROBLEM)
    assert "could not be saved" in notice.text()
    assert page.status_label.text() == "Not saved"
    assert page.form.notes_edit.toPlainText() == notes
    return notice.text()


def test_answers_that_cannot_be_stored_are_refused_clearly_and_kept_as_a_draft(
    profile: Profile,
) -> None:
    content = DebriefContent(company="Juno", notes="abc\ud800def")
    saver = DebriefSaver(profile, lambda: content)
    failures: list[str] = []
    saver.failed.connect(failures.append)
    assert not saver.save_now()
    assert "broken character at position 3" in failures[0]
    assert "Your answers are still in the form" in failures[0]
    assert "recovery copy was kept" in failures[0]
    assert saver.draft_kept and saver.last_error is not None
    draft = profile.drafts.debriefs.load()
    assert draft is not None and draft.record_id is None and draft.content == content
    assert profile.debriefs.count() == 0
    assert profile.drafts.entries.load() is None


def test_a_draft_of_a_saved_debrief_is_offered_and_restored_over_it(
    qtbot: QtBot, profile: Profile
) -> None:
    stored = profile.debriefs.create(DebriefContent(company="Juno", role="Chef"), draft=False)
    typed = DebriefContent(company="Juno", role="Chef", lessons="Ask about the hours.")
    when = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.UTC)
    profile.drafts.debriefs.save(Draft(stored.record.id, typed, when))
    _window, page = open_debriefs(qtbot, profile)
    qtbot.waitUntil(lambda: offer_on(page) is not None)
    offer = toast_text(offer_on(page))
    assert offer.startswith("Restore the unsaved text from")
    assert "It was written for a debrief and begins “Juno — Chef”." in offer
    restore = toast_button(offer_on(page), "Restore")
    restore.click()
    assert page.saver.debrief_id == stored.record.id
    assert page.form.lessons_edit.toPlainText() == "Ask about the hours."
    wait_saved(qtbot, page)
    assert profile.debriefs.get(stored.record.id).content.lessons == "Ask about the hours."
    assert profile.debriefs.count() == 1
    assert profile.drafts.debriefs.load() is None


def test_a_draft_can_be_let_go(qtbot: QtBot, profile: Profile) -> None:
    when = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.UTC)
    profile.drafts.debriefs.save(Draft(None, DebriefContent(notes="Not worth it"), when))
    _window, page = open_debriefs(qtbot, profile)
    qtbot.waitUntil(lambda: offer_on(page) is not None)
    assert "a new debrief and begins “Not worth it”" in toast_text(offer_on(page))
    toast_button(offer_on(page), "Discard").click()
    assert offer_on(page) is None
    assert profile.drafts.debriefs.load() is None
    assert page.form.notes_edit.toPlainText() == "" and profile.debriefs.count() == 0


@pytest.mark.integration
def test_a_full_disk_keeps_the_answers_and_offers_them_when_debriefs_open_again(
    qtbot: QtBot, tmp_path: Path, keystore: SystemKeyStore, dialogs: Dialogs
) -> None:
    with small_disk(tmp_path / "disk", "6m") as disk:
        profile = profile_on(disk, keystore)
        try:
            window, page = open_debriefs(qtbot, profile)
            qtbot.keyClicks(page.form.company_edit, "Fjord Energy")
            fill_disk(disk)
            page.form.notes_edit.setPlainText(LONG_TEXT)
            assert not page.save_now()
            message = _assert_failure_shown(page, LONG_TEXT)
            assert "recovery copy was kept" in message
            assert "the next time you open Debriefs" in message
            assert profile.debriefs.count() == 0
            window.close()
            assert dialogs.titles() == ["Your last changes are not in the debrief"]
            _window, page = open_debriefs(qtbot, profile)
            qtbot.waitUntil(lambda: offer_on(page) is not None)
            assert "a new debrief and begins “Fjord Energy”" in toast_text(offer_on(page))
            (disk / "filler").unlink()
            toast_button(offer_on(page), "Restore").click()
            assert page.form.company_edit.text() == "Fjord Energy"
            assert page.form.notes_edit.toPlainText() == LONG_TEXT
            wait_saved(qtbot, page)
            assert profile.debriefs.get(page.saver.debrief_id or 0).content.notes == LONG_TEXT
            assert profile.drafts.debriefs.load() is None
        finally:
            profile.close()


@pytest.mark.integration
def test_a_read_only_disk_keeps_the_answers_of_a_saved_debrief(
    qtbot: QtBot, tmp_path: Path, keystore: SystemKeyStore, dialogs: Dialogs
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        profile = profile_on(disk, keystore)
        try:
            _window, page = open_debriefs(qtbot, profile)
            qtbot.keyClicks(page.form.company_edit, "Juno Health")
            assert page.save_now()
            qtbot.keyClicks(page.form.notes_edit, "Then the disk went read-only.")
            profile.db.close()  # a mounted disk cannot be made read-only while files are open
            make_read_only(disk)
            assert not page.save_now()
            assert "recovery copy was kept" in _assert_failure_shown(
                page, "Then the disk went read-only."
            )
            draft = profile.drafts.debriefs.load()
            assert draft is not None and draft.record_id == page.saver.debrief_id
            assert draft.content == page.form.content()
        finally:
            profile.close()


@pytest.mark.integration
def test_when_even_the_draft_cannot_be_written_closing_asks_first(
    qtbot: QtBot,
    tmp_path: Path,
    keystore: SystemKeyStore,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        monkeypatch.setenv("XDG_CACHE_HOME", str(disk / "cache"))
        profile = profile_on(disk, keystore)
        try:
            window, page = open_debriefs(qtbot, profile)
            qtbot.keyClicks(page.form.notes_edit, "Nowhere to go.")
            profile.db.close()
            make_read_only(disk)
            assert not page.save_now()
            assert "could not be written either" in _assert_failure_shown(page, "Nowhere to go.")
            dialogs.answer = QMessageBox.StandardButton.Cancel
            window.close()
            assert window.isVisible()
            assert dialogs.titles() == ["Close without saving the debrief?"]
            assert page.form.notes_edit.toPlainText() == "Nowhere to go."
            dialogs.answer = QMessageBox.StandardButton.Close
            window.close()
            assert not window.isVisible()
        finally:
            profile.close()
