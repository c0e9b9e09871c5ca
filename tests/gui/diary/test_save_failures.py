"""A save that fails says so clearly, keeps the text on screen and in a recovery draft."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from regroup.core.diary.types import EntryContent
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from regroup.gui.diary.page import SAVE_PROBLEM, DiaryPage
from regroup.gui.diary.saver import EntrySaver
from tests.conftest import TEST_KDF_SECONDS
from tests.gui.conftest import (
    Dialogs,
    diary,
    offer_on,
    show_window,
    toast_button,
    toast_on,
    toast_text,
    wait_saved,
)
from tests.support.filesystems import fill_disk, make_read_only, small_disk
from tests.support.prompter import ScriptedPrompter

LONG_TEXT = "Another line of what I wanted to say after the interview.\n" * 40_000


def profile_on(disk: Path, keystore: SystemKeyStore) -> Profile:
    """Open a new profile on the small disk at ``disk``."""
    paths = ProfilePaths(disk / "profile")
    return open_profile(paths, keystore, ScriptedPrompter(), kdf_seconds=TEST_KDF_SECONDS)


def _assert_failure_shown(page: DiaryPage, text: str) -> str:
    notice = toast_on(page, SAVE_PROBLEM)
    assert "could not be saved" in notice.text()
    assert page.editor.status_label.text() == "Not saved"
    assert page.editor.body_edit.toPlainText() == text
    return notice.text()


def test_text_that_cannot_be_stored_is_refused_clearly_and_kept_as_a_draft(
    profile: Profile,
) -> None:
    content = EntryContent("abc\ud800def", title="broken paste")
    saver = EntrySaver(profile, lambda: content)
    failures: list[str] = []
    saver.failed.connect(failures.append)
    assert not saver.save_now()
    assert "broken character at position 3" in failures[0]
    assert "recovery copy was kept" in failures[0]
    draft = profile.drafts.entries.load()
    assert draft is not None and draft.content == content
    assert profile.diary.count() == 0


@pytest.mark.integration
def test_a_full_disk_shows_an_error_keeps_the_text_and_offers_it_at_the_next_start(
    qtbot: QtBot, tmp_path: Path, keystore: SystemKeyStore, dialogs: Dialogs
) -> None:
    with small_disk(tmp_path / "disk", "6m") as disk:
        profile = profile_on(disk, keystore)
        try:
            window = show_window(qtbot, profile)
            page = diary(window)
            qtbot.keyClicks(page.editor.body_edit, "Words that must survive. ")
            fill_disk(disk)
            page.editor.body_edit.appendPlainText(LONG_TEXT)
            text = page.editor.body_edit.toPlainText()
            assert not page.save_now()
            message = _assert_failure_shown(page, text)
            assert "recovery copy was kept" in message
            assert profile.diary.count() == 0
            window.close()
            assert dialogs.titles() == ["Your last changes are not in the diary"]
            page = diary(show_window(qtbot, profile))
            qtbot.waitUntil(lambda: offer_on(page) is not None)
            assert "Restore the unsaved text from" in toast_text(offer_on(page))
            (disk / "filler").unlink()
            toast_button(offer_on(page), "Restore").click()
            assert page.editor.body_edit.toPlainText() == text
            wait_saved(qtbot, page)
            assert profile.diary.get(page.saver.entry_id).body == text
            assert profile.drafts.entries.load() is None
        finally:
            profile.close()


@pytest.mark.integration
def test_a_read_only_disk_shows_an_error_and_keeps_the_text(
    qtbot: QtBot, tmp_path: Path, keystore: SystemKeyStore, dialogs: Dialogs
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        profile = profile_on(disk, keystore)
        try:
            page = diary(show_window(qtbot, profile))
            qtbot.keyClicks(page.editor.body_edit, "Saved while the disk could be written.")
            assert page.save_now()
            qtbot.keyClicks(page.editor.body_edit, " Then it went read-only.")
            text = page.editor.body_edit.toPlainText()
            profile.db.close()  # a mounted disk cannot be made read-only while files are open
            make_read_only(disk)
            assert not page.save_now()
            assert "recovery copy was kept" in _assert_failure_shown(page, text)
            draft = profile.drafts.entries.load()
            assert draft is not None and draft.content.body == text
            assert draft.record_id == page.saver.entry_id
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
            window = show_window(qtbot, profile)
            page = diary(window)
            qtbot.keyClicks(page.editor.body_edit, "Nowhere to go.")
            profile.db.close()
            make_read_only(disk)
            assert not page.save_now()
            assert "could not be written either" in _assert_failure_shown(page, "Nowhere to go.")
            dialogs.answer = QMessageBox.StandardButton.Cancel
            window.close()
            assert window.isVisible() and dialogs.titles() == ["Close without saving?"]
            assert page.editor.body_edit.toPlainText() == "Nowhere to go."
            dialogs.answer = QMessageBox.StandardButton.Close
            window.close()
            assert not window.isVisible()
        finally:
            profile.close()
