"""Only keyrings that encrypt under the user's login are trusted with the key."""

import pytest
from keyring.backends import SecretService, fail, null

from regroup.core.errors import KeystoreUnavailableError
from regroup.core.keys.keystore import SystemKeyStore, is_trusted_backend


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
