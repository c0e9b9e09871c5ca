"""A notice from opening the profile (a folder made private again) shows in the window."""

from __future__ import annotations

import os

import pytest
from pytestqt.qtbot import QtBot

from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from regroup.gui.main_window import MainWindow
from tests.support.prompter import ScriptedPrompter

MADE_PRIVATE = "Regroup has made it private to you"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_window_shows_the_notice_in_its_status_bar(
    qtbot: QtBot, profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    profile.close()
    paths.root.chmod(0o750)
    reopened = open_profile(paths, keystore, ScriptedPrompter())
    try:
        window = MainWindow(reopened)
        qtbot.addWidget(window)
        assert MADE_PRIVATE in window.status_label.text()
    finally:
        reopened.close()
