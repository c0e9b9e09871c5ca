"""The key file round-trips and explains what is wrong with a bad one."""

import json
import stat
from pathlib import Path

import pytest

from regroup.core.errors import KeyFileError
from regroup.core.keys import key_wrap
from regroup.core.keys.key_file import KeyFile, KeyStorage, load_key_file, save_key_file
from regroup.core.keys.recovery_key import new_recovery_key


def _key_file(with_passphrase: bool) -> KeyFile:
    data_key = key_wrap.new_data_key()
    wrap = key_wrap.wrap_with_passphrase(data_key, "pw", "p", 10) if with_passphrase else None
    return KeyFile(
        profile_id="p",
        storage=KeyStorage.PASSPHRASE if with_passphrase else KeyStorage.KEYRING,
        key_check="00",
        recovery=key_wrap.wrap_with_recovery_key(data_key, new_recovery_key(), "p"),
        passphrase=wrap,
    )


@pytest.mark.parametrize("with_passphrase", [False, True])
def test_saved_key_file_loads_back_equal_and_private(tmp_path: Path, with_passphrase: bool) -> None:
    original = _key_file(with_passphrase)
    path = tmp_path / "regroup.key"
    save_key_file(path, original)
    assert load_key_file(path) == original
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_missing_damaged_and_future_key_files_are_named(tmp_path: Path) -> None:
    path = tmp_path / "regroup.key"
    with pytest.raises(KeyFileError, match="missing"):
        load_key_file(path)
    path.write_text("{not json")
    with pytest.raises(KeyFileError, match="cannot be read"):
        load_key_file(path)
    path.write_text(json.dumps({"app": "Regroup", "format": 99}))
    with pytest.raises(KeyFileError, match="newer Regroup"):
        load_key_file(path)
    path.write_text(json.dumps({"app": "Regroup", "format": 1, "profile_id": "x"}))
    with pytest.raises(KeyFileError, match="damaged"):
        load_key_file(path)


def test_only_keyring_profiles_name_a_keyring_item_to_read(tmp_path: Path) -> None:
    from regroup.core.keys.key_file import keyring_profile_id

    path = tmp_path / "regroup.key"
    assert keyring_profile_id(path) is None
    save_key_file(path, _key_file(with_passphrase=False))
    assert keyring_profile_id(path) == "p"
    save_key_file(path, _key_file(with_passphrase=True))
    assert keyring_profile_id(path) is None
