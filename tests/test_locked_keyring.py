"""A locked Secret Service (nobody typed the login password) leads to the recovery key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import UnlockedWith, open_profile
from tests.support.prompter import ScriptedPrompter, recovery
from tests.support.session_bus import SessionBus, private_session

pytestmark = pytest.mark.integration


@pytest.fixture
def locked_bus(tmp_path: Path) -> Iterator[SessionBus]:
    with private_session(tmp_path / "locked-home", unlock=False) as bus:
        yield bus


def test_a_locked_keyring_falls_back_to_the_recovery_key(
    paths: ProfilePaths, locked_bus: SessionBus, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = ScriptedPrompter()
    open_profile(paths, SystemKeyStore(), first).close()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", locked_bus.env["DBUS_SESSION_BUS_ADDRESS"])
    person = ScriptedPrompter().will_answer([recovery(first.recovery_key)])
    profile = open_profile(paths, SystemKeyStore(), person)
    profile.close()
    assert profile.unlocked_with is UnlockedWith.RECOVERY_KEY
    assert "system keyring could not read the key" in person.requests[0].reason
    assert "not available" in profile.notice
