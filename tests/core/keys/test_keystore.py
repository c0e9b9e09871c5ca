"""Only keyrings that encrypt under the user's login are trusted with the key."""

import subprocess
import sys
import time
from pathlib import Path

import pytest
from keyring.backends import SecretService, fail, null

from regroup.core.errors import KeystoreUnavailableError
from regroup.core.keys import secret_service
from regroup.core.keys.keystore import SERVICE, SystemKeyStore, is_trusted_backend
from tests.support.session_bus import private_session


def test_os_keyrings_are_trusted_and_stand_ins_are_not() -> None:
    assert is_trusted_backend(SecretService.Keyring())
    assert not is_trusted_backend(fail.Keyring())
    assert not is_trusted_backend(null.Keyring())


def test_a_configured_null_backend_counts_as_no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    import keyring.core

    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    store = SystemKeyStore()
    with pytest.raises(KeystoreUnavailableError, match="No secure system keyring"):
        store.load("any-profile")
    assert store.name() == "no secure keyring"


def test_the_secret_service_keeps_one_item_per_profile() -> None:
    store = SystemKeyStore()
    store.save("profile-a", b"\x01" * 32)
    store.save("profile-b", b"\x02" * 32)
    assert store.load("profile-a") == b"\x01" * 32
    store.delete("profile-a")
    assert store.load("profile-a") is None
    assert store.load("profile-b") == b"\x02" * 32
    store.delete("profile-a")


READ_AND_SAY_WHAT_LOADED = """
import sys
from regroup.core.keys.keystore import SystemKeyStore
store = SystemKeyStore()
print(store.load("profile-quick").hex(), store.name(), "keyring" in sys.modules)
"""


def test_a_stored_key_is_read_without_loading_keyring_at_all() -> None:
    store = SystemKeyStore()
    store.save("profile-quick", b"\x03" * 32)
    try:
        found = subprocess.run(
            [sys.executable, "-c", READ_AND_SAY_WHAT_LOADED],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        store.delete("profile-quick")
    assert found.stdout.split() == ["03" * 32, "SecretService", "Keyring", "False"]


def test_the_quick_read_names_the_keyring_as_keyring_does() -> None:
    assert SecretService.Keyring.name == secret_service.NAME


def test_a_missing_key_is_still_looked_up_through_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    assert secret_service.read_secret(SERVICE, "profile-never-stored") is None
    asked: list[str] = []
    store = SystemKeyStore()
    ask_keyring = store._call
    monkeypatch.setattr(store, "_call", lambda *args: asked.append(args[1]) or ask_keyring(*args))
    assert store.load("profile-never-stored") is None
    assert asked == ["get_password"]


def test_a_locked_keyring_is_left_to_keyring_without_a_prompt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with private_session(tmp_path / "locked", unlock=False) as bus:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.env["DBUS_SESSION_BUS_ADDRESS"])
        started = time.monotonic()
        assert secret_service.read_secret(SERVICE, "any-profile") is None
        assert time.monotonic() - started < 5  # gave way at once: nothing waited on a prompt


def test_a_backend_the_person_named_is_always_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    assert secret_service.quick_read_possible()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
    assert not secret_service.quick_read_possible()


def test_keyring_settings_that_move_its_items_turn_the_quick_read_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KEYRING_PROPERTY_SCHEME", "KeePassXC")
    assert not secret_service.quick_read_possible()


def test_a_read_started_early_gives_the_key_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    SystemKeyStore().save("profile-early", b"\x04" * 32)
    try:
        store = SystemKeyStore()
        store.read_early("profile-early")
        monkeypatch.setattr(store, "_call", lambda *args: pytest.fail("keyring was asked"))
        assert store.load("profile-early") == b"\x04" * 32
        assert store.name() == secret_service.NAME
    finally:
        SystemKeyStore().delete("profile-early")


def test_a_read_started_for_another_profile_is_not_taken_for_this_one() -> None:
    keys = SystemKeyStore()
    keys.save("profile-one", b"\x05" * 32)
    keys.save("profile-two", b"\x06" * 32)
    try:
        store = SystemKeyStore()
        store.read_early("profile-one")
        assert store.load("profile-two") == b"\x06" * 32
        assert store.settle(10)  # the other profile's read is still waited for at the end
        assert store.load("profile-one") == b"\x05" * 32
    finally:
        keys.delete("profile-one")
        keys.delete("profile-two")


def test_an_early_read_that_finds_nothing_asks_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    store = SystemKeyStore()
    store.read_early("profile-never-stored")
    asked: list[str] = []
    ask_keyring = store._call
    monkeypatch.setattr(store, "_call", lambda *args: asked.append(args[1]) or ask_keyring(*args))
    assert store.load("profile-never-stored") is None
    assert asked == ["get_password"]
