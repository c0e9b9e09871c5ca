"""A lost or damaged key file never loses the diary: the right key opens it and is written anew."""

import json
from pathlib import Path

import pytest

from regroup.core.diary.types import EntryContent
from regroup.core.errors import UnlockCancelledError
from regroup.core.keys.key_file import load_key_file, spare_path
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, UnlockedWith, open_profile
from tests.conftest import TEST_KDF_SECONDS
from tests.support.prompter import ScriptedPrompter, passphrase, recovery


def _with_an_entry(profile: Profile) -> None:
    profile.diary.add(EntryContent("the interview went badly, and that is fine"))
    profile.close()


def _bodies(profile: Profile) -> list[str]:
    return [profile.diary.get(entry_id).body for entry_id in range(1, profile.diary.count() + 1)]


def opens_without_asking(paths: ProfilePaths, keystore: SystemKeyStore) -> Profile:
    """Reopen from the keyring and check that nobody was asked anything."""
    quiet = ScriptedPrompter()
    again = open_profile(paths, keystore, quiet)
    again.close()
    assert again.unlocked_with is UnlockedWith.KEYRING
    assert quiet.requests == []
    return again


def _edit(path: Path, field: str) -> None:
    """Change one hex digit of ``field``, as a bad sector or a stray edit would."""
    data = json.loads(path.read_text())
    value = data[field]
    data[field] = value[:-1] + ("0" if value[-1] != "0" else "1")
    path.write_text(json.dumps(data))


def test_the_recovery_key_alone_opens_the_diary_and_the_key_file_is_rebuilt(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore, prompter: ScriptedPrompter
) -> None:
    _with_an_entry(profile)
    keystore.delete(profile.key_file.profile_id)
    paths.key_file.unlink()
    spare_path(paths.key_file).unlink()
    person = ScriptedPrompter().will_answer([recovery(prompter.recovery_key)])
    reopened = open_profile(paths, keystore, person)
    try:
        assert reopened.unlocked_with is UnlockedWith.RECOVERY_KEY
        assert _bodies(reopened) == ["the interview went badly, and that is fine"]
        assert "Regroup rebuilt its key file" in reopened.notice
    finally:
        reopened.close()
    opens_without_asking(paths, keystore)


def test_a_deleted_key_file_comes_back_from_its_copy_without_a_question(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    original = profile.key_file
    _with_an_entry(profile)
    paths.key_file.unlink()
    quiet = ScriptedPrompter()
    reopened = open_profile(paths, keystore, quiet)
    reopened.close()
    assert quiet.requests == []
    assert "Regroup rebuilt its key file" in reopened.notice
    assert load_key_file(paths.key_file) == original


def test_a_damaged_key_check_does_not_lock_out_the_right_key(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    _with_an_entry(profile)
    for copy in (paths.key_file, spare_path(paths.key_file)):
        _edit(copy, "key_check")
    quiet = ScriptedPrompter()
    reopened = open_profile(paths, keystore, quiet)
    try:
        assert reopened.unlocked_with is UnlockedWith.KEYRING
        assert _bodies(reopened) == ["the interview went badly, and that is fine"]
        assert "Regroup rebuilt its key file" in reopened.notice
    finally:
        reopened.close()
    assert quiet.requests == []
    again = open_profile(paths, keystore, ScriptedPrompter())
    again.close()
    assert again.notice == ""


def test_a_damaged_profile_id_in_both_copies_is_mended_by_the_recovery_key(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore, prompter: ScriptedPrompter
) -> None:
    _with_an_entry(profile)
    for copy in (paths.key_file, spare_path(paths.key_file)):
        _edit(copy, "profile_id")
    person = ScriptedPrompter().will_answer([recovery(prompter.recovery_key)])
    reopened = open_profile(paths, keystore, person)
    reopened.close()
    assert reopened.unlocked_with is UnlockedWith.RECOVERY_KEY
    assert "Regroup rebuilt its key file" in reopened.notice
    quiet = ScriptedPrompter()
    open_profile(paths, keystore, quiet).close()
    assert quiet.requests == []


def test_a_wrong_recovery_key_still_opens_nothing(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    _with_an_entry(profile)
    keystore.delete(profile.key_file.profile_id)
    paths.key_file.unlink()
    spare_path(paths.key_file).unlink()
    person = ScriptedPrompter().will_answer([recovery("0" * 32)])
    with pytest.raises(UnlockCancelledError):
        open_profile(paths, keystore, person)
    assert person.requests[1].error == "This recovery key does not unlock this profile."
    assert not paths.key_file.exists()


@pytest.mark.usefixtures("no_keyring")
def test_damaged_passphrase_settings_are_explained_and_the_recovery_key_still_works(
    paths: ProfilePaths,
) -> None:
    first = ScriptedPrompter(passphrase="a long enough phrase")
    open_profile(paths, SystemKeyStore(), first, kdf_seconds=TEST_KDF_SECONDS).close()
    for copy in (paths.key_file, spare_path(paths.key_file)):
        data = json.loads(copy.read_text())
        data["passphrase"]["log2_n"] = 99
        copy.write_text(json.dumps(data))
    person = ScriptedPrompter(passphrase="a new phrase, chosen again").will_answer(
        [passphrase("a long enough phrase"), recovery(first.recovery_key)]
    )
    reopened = open_profile(paths, SystemKeyStore(), person)
    reopened.close()
    assert "passphrase settings in the key file are damaged" in str(person.requests[1].error)
    assert reopened.unlocked_with is UnlockedWith.RECOVERY_KEY
    assert "Regroup rebuilt its key file" in reopened.notice
    assert "damaged" in person.passphrase_reasons[0]
    later = ScriptedPrompter().will_answer([passphrase("a new phrase, chosen again")])
    open_profile(paths, SystemKeyStore(), later).close()
    assert later.requests[0].error is None


def test_the_key_file_copy_kept_with_a_backup_stands_in_for_both_lost_files(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    original = profile.key_file
    _with_an_entry(profile)
    backup = paths.backups / "20261201-090000-daily"
    backup.mkdir(parents=True)
    (backup / paths.key_file.name).write_bytes(paths.key_file.read_bytes())
    paths.key_file.unlink()
    spare_path(paths.key_file).unlink()
    reopened = opens_without_asking(paths, keystore)
    assert "Regroup rebuilt its key file" in reopened.notice
    assert load_key_file(paths.key_file) == original
