"""At start, a lost diary database: the message offers the backup back, then the window opens."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from regroup.core.diary.types import EntryContent
from regroup.core.errors import DamagedDatabaseError, LostDatabaseError
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, SecretAnswer, SecretRequest, open_profile
from regroup.gui.backups.lost_database import CHOOSE, RESTORE, restore_at_start
from regroup.gui.keys.key_dialogs import UnlockDialog
from regroup.gui.keys.qt_prompter import QtPrompter
from tests.gui.conftest import diary, show_window
from tests.gui.modal import answer, when_modal
from tests.support.prompter import ScriptedPrompter

BODIES = ["the call went badly", "a walk helped 🌿", "ما زلت هنا"]


def _lost(profile: Profile, backups: int = 1) -> LostDatabaseError:
    """Write the entries, back them up, then lose the database as a bad sync might."""
    for body in BODIES:
        profile.diary.add(EntryContent(body=body))
        if backups > 1:
            profile.backups.create()
    if backups == 1:
        profile.backups.create()
    profile.close()
    if backups:
        profile.paths.database.write_bytes(b"")
    else:
        profile.paths.database.unlink()
    with pytest.raises(LostDatabaseError) as refused:
        open_profile(profile.paths, SystemKeyStore(), ScriptedPrompter())
    return refused.value


def test_restore_in_the_start_message_opens_the_window_with_every_entry(
    qtbot: QtBot, profile: Profile, keystore: SystemKeyStore
) -> None:
    refusal = _lost(profile)
    seen: list[str] = []

    def restore(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        assert CHOOSE not in [button.text() for button in box.buttons()]  # only one backup
        answer(RESTORE)(box)

    errors = when_modal(restore)
    restored = restore_at_start(refusal, profile.paths, keystore, ScriptedPrompter())
    assert errors == []
    assert "one backup of this profile" in seen[0]
    assert "regroup backup" not in seen[0]  # the window's way back is the button below
    assert restored is not None
    try:
        window = show_window(qtbot, restored)
        assert diary(window).panel.model.rowCount() == 3
        assert "Restored the backup of" in window.status_label.text()
        assert list(profile.paths.root.glob("regroup.db.lost-*"))
    finally:
        restored.close()


def test_quit_leaves_every_file_as_it_was(
    qtbot: QtBot, profile: Profile, keystore: SystemKeyStore
) -> None:
    refusal = _lost(profile)
    before = sorted(path.name for path in profile.paths.root.iterdir())
    errors = when_modal(answer("Quit"))
    assert restore_at_start(refusal, profile.paths, keystore, ScriptedPrompter()) is None
    assert errors == []
    assert sorted(path.name for path in profile.paths.root.iterdir()) == before
    assert profile.paths.database.read_bytes() == b""


def test_with_several_backups_one_can_be_chosen(
    qtbot: QtBot, profile: Profile, keystore: SystemKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusal = _lost(profile, backups=3)
    offered: list[list[str]] = []

    def pick_oldest(*args: object) -> tuple[str, bool]:
        lines = args[3]
        assert isinstance(lines, list)
        offered.append(lines)
        return lines[-1], True

    monkeypatch.setattr(QInputDialog, "getItem", pick_oldest)
    errors = when_modal(answer(CHOOSE))
    restored = restore_at_start(refusal, profile.paths, keystore, ScriptedPrompter())
    assert errors == []
    assert restored is not None
    try:
        assert len(offered[0]) == 3 and "1 entry" in offered[0][-1]
        assert restored.diary.count() == 1
    finally:
        restored.close()


def test_without_a_backup_the_message_says_what_else_can_be_done(
    qtbot: QtBot, profile: Profile, keystore: SystemKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusal = _lost(profile, backups=0)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *_a: said.append(text))
    paths = ProfilePaths(profile.paths.root)
    assert restore_at_start(refusal, paths, keystore, ScriptedPrompter()) is None
    assert "no backup of this profile yet" in said[0] and "put it back" in said[0]
    assert "Restore" not in said[0]


def test_a_damaged_database_is_offered_the_backup_and_kept_aside(
    qtbot: QtBot, profile: Profile, keystore: SystemKeyStore
) -> None:
    for body in BODIES:
        profile.diary.add(EntryContent(body=body))
    profile.backups.create()
    profile.close()
    with profile.paths.database.open("r+b") as handle:
        handle.write(b"\xff" * 64)  # the salt and the first page: nothing decrypts any more
    with pytest.raises(DamagedDatabaseError) as refused:
        open_profile(profile.paths, keystore, ScriptedPrompter())
    errors = when_modal(answer(RESTORE))
    restored = restore_at_start(refused.value, profile.paths, keystore, ScriptedPrompter())
    assert errors == []
    assert restored is not None
    try:
        assert restored.diary.count() == 3
        assert list(profile.paths.root.glob("regroup.db.unreadable-*"))
    finally:
        restored.close()


def test_a_passphrase_typed_before_a_damaged_database_is_not_asked_again(
    qtbot: QtBot, profile: Profile, keystore: SystemKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    passphrase = "a quiet walk by the river"
    profile.keys.set_passphrase(passphrase, None)
    for body in BODIES:
        profile.diary.add(EntryContent(body=body))
    profile.backups.create()
    profile.close()
    with profile.paths.database.open("r+b") as handle:
        handle.write(b"\xff" * 64)
    asked: list[SecretRequest] = []

    def typed(_cls: object, request: SecretRequest, _parent: object = None) -> SecretAnswer:
        asked.append(request)
        return SecretAnswer(passphrase, is_recovery_key=False)

    monkeypatch.setattr(UnlockDialog, "ask", classmethod(typed))
    prompter = QtPrompter()
    with pytest.raises(DamagedDatabaseError) as refused:
        open_profile(profile.paths, keystore, prompter)
    errors = when_modal(answer(RESTORE))
    restored = restore_at_start(refused.value, profile.paths, keystore, prompter)
    assert errors == []
    assert restored is not None
    try:
        assert restored.diary.count() == 3
        assert len(asked) == 1  # typed once, at the start: the restore and reopening use it
        assert prompter.last_answer is None  # and not kept once it has been used
    finally:
        restored.close()
