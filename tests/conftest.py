"""Every test runs in a temporary HOME, on a private D-Bus with a real, unlocked keyring.

Nothing here can reach the user's own profile, keyring or session bus.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from tests.support.prompter import ScriptedPrompter
from tests.support.session_bus import SessionBus, missing_programs, private_session
from tests.support.silent_bus import silent_bus

NEEDED = ("dbus-daemon", "dbus-send", "gnome-keyring-daemon")
TEST_KDF_SECONDS = 0.01
UNREACHABLE_BUS = "unix:path=/nonexistent/regroup-test-bus"
NETGUARD = Path(__file__).parent / "support" / "netguard"


def pytest_sessionstart(session: pytest.Session) -> None:
    missing = missing_programs(*NEEDED)
    if missing:
        raise pytest.UsageError(
            f"missing {', '.join(missing)}; run 'make test' as root, or: "
            "apt-get install dbus gnome-keyring"
        )


@pytest.fixture(scope="session")
def session_bus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SessionBus]:
    """A private bus with gnome-keyring's Secret Service, unlocked."""
    with private_session(tmp_path_factory.mktemp("session")) as bus:
        yield bus


@pytest.fixture(autouse=True)
def isolated_environment(
    session_bus: SessionBus,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Point HOME, the XDG folders and the session bus at test-only places."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session_bus.env["DBUS_SESSION_BUS_ADDRESS"])
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    pythonpath = os.environ.get("PYTHONPATH")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(NETGUARD), pythonpath])))


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine without any Secret Service: the bus cannot be reached."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", UNREACHABLE_BUS)


@pytest.fixture
def keystore() -> SystemKeyStore:
    """The real OS keyring (the test bus's Secret Service)."""
    return SystemKeyStore()


@pytest.fixture
def prompter() -> ScriptedPrompter:
    """The person at the keyboard, scripted."""
    return ScriptedPrompter()


@pytest.fixture
def paths(tmp_path: Path) -> ProfilePaths:
    """Where the test's profile lives."""
    return ProfilePaths(tmp_path / "profile")


@pytest.fixture
def profile(
    paths: ProfilePaths, keystore: SystemKeyStore, prompter: ScriptedPrompter
) -> Iterator[Profile]:
    """A new profile whose key is in the keyring."""
    opened = open_profile(paths, keystore, prompter, kdf_seconds=TEST_KDF_SECONDS)
    yield opened
    opened.close()


@pytest.fixture
def silent_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A session bus that takes connections and never says a word, as a stuck keyring."""
    yield from silent_bus(tmp_path, monkeypatch)
