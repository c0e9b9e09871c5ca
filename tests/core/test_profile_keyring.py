"""A profile's key lives in the real Secret Service; the recovery key brings it back."""

from pathlib import Path

import pytest

from regroup.core.errors import DamagedDatabaseError, ProfileError, UnlockCancelledError
from regroup.core.keys.key_file import KeyStorage, load_key_file, spare_path
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, UnlockedWith, open_profile
from tests.conftest import TEST_KDF_SECONDS
from tests.support.prompter import ScriptedPrompter, recovery
from tests.support.snapshots import folder_fingerprint


def _open(paths: ProfilePaths, keystore: SystemKeyStore, prompter: ScriptedPrompter) -> Profile:
    return open_profile(paths, keystore, prompter, kdf_seconds=TEST_KDF_SECONDS)


def test_first_run_stores_the_key_in_the_keyring_and_shows_a_recovery_key(
    profile: Profile, keystore: SystemKeyStore, prompter: ScriptedPrompter
) -> None:
    assert profile.unlocked_with is UnlockedWith.NEW
    assert profile.key_file.storage is KeyStorage.KEYRING
    assert keystore.load(profile.key_file.profile_id) is not None
    assert len(prompter.recovery_key.split("-")) == 8
    assert prompter.passphrase_reasons == []


def test_reopening_takes_the_key_from_the_keyring_without_asking(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    profile.close()
    quiet = ScriptedPrompter()
    reopened = _open(paths, keystore, quiet)
    try:
        assert reopened.unlocked_with is UnlockedWith.KEYRING
        assert quiet.requests == []
    finally:
        reopened.close()


def test_without_the_keyring_item_the_recovery_key_opens_and_restores_it(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore, prompter: ScriptedPrompter
) -> None:
    profile.close()
    profile_id = profile.key_file.profile_id
    keystore.delete(profile_id)
    person = ScriptedPrompter().will_answer([recovery(prompter.recovery_key)])
    reopened = _open(paths, keystore, person)
    try:
        assert reopened.unlocked_with is UnlockedWith.RECOVERY_KEY
        assert "holds no key" in person.requests[0].reason
        assert keystore.load(profile_id) is not None
        assert "back in the system keyring" in reopened.notice
    finally:
        reopened.close()


def test_a_wrong_recovery_key_is_refused_and_nothing_on_disk_changes(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    profile.close()
    keystore.delete(profile.key_file.profile_id)
    before = folder_fingerprint(paths.root)
    wrong = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"
    person = ScriptedPrompter().will_answer([recovery(wrong), recovery("too short")])
    with pytest.raises(UnlockCancelledError):
        _open(paths, keystore, person)
    assert [r.error for r in person.requests] == [
        None,
        "This recovery key does not unlock this profile.",
        "A recovery key has 32 letters and digits; this has 8.",
    ]
    assert folder_fingerprint(paths.root) == before


def test_a_foreign_key_in_the_keyring_leads_to_the_recovery_key(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore, prompter: ScriptedPrompter
) -> None:
    profile.close()
    keystore.save(profile.key_file.profile_id, bytes(32))
    person = ScriptedPrompter().will_answer([recovery(prompter.recovery_key)])
    reopened = _open(paths, keystore, person)
    reopened.close()
    assert "does not belong to this profile" in person.requests[0].reason


def test_a_damaged_database_is_not_mistaken_for_a_wrong_key_and_is_left_alone(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    profile.close()
    with paths.database.open("r+b") as handle:
        handle.seek(100)
        handle.write(b"\0" * 200)
    before = folder_fingerprint(paths.root)
    with pytest.raises(DamagedDatabaseError, match="key is right"):
        _open(paths, keystore, ScriptedPrompter())
    assert folder_fingerprint(paths.root) == before


def test_a_missing_database_never_becomes_a_new_empty_profile(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    profile.close()
    paths.database.rename(paths.root / "moved-away.db")
    before = folder_fingerprint(paths.root)
    with pytest.raises(ProfileError, match="will not start a new diary"):
        _open(paths, keystore, ScriptedPrompter())
    assert folder_fingerprint(paths.root) == before


def test_without_any_key_file_the_recovery_key_is_asked_and_cancelling_writes_nothing(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    profile.close()
    paths.key_file.unlink()
    spare_path(paths.key_file).unlink()
    before = folder_fingerprint(paths.root)
    person = ScriptedPrompter()
    with pytest.raises(UnlockCancelledError):
        _open(paths, keystore, person)
    assert "missing or damaged" in person.requests[0].reason
    assert not person.requests[0].passphrase_allowed
    assert folder_fingerprint(paths.root) == before


def test_cancelling_the_recovery_key_at_first_run_creates_nothing(
    paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    with pytest.raises(UnlockCancelledError):
        _open(paths, keystore, ScriptedPrompter(confirm=False))
    assert not paths.root.exists()


def test_the_key_file_holds_no_usable_key(profile: Profile, keystore: SystemKeyStore) -> None:
    key = keystore.load(profile.key_file.profile_id)
    assert key is not None
    text = profile.paths.key_file.read_bytes()
    assert key.hex().encode() not in text and key not in text
    assert load_key_file(profile.paths.key_file).profile_id == profile.key_file.profile_id


def test_profile_folder_is_private(profile: Profile) -> None:
    assert (Path(profile.paths.root).stat().st_mode & 0o077) == 0
