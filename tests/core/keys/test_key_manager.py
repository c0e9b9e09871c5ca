"""Settings › Key and recovery, in core: each change keeps the diary open to the right key."""

import pytest

from regroup.core.diary.types import EntryContent
from regroup.core.errors import UnlockCancelledError, ValidationError, WrongKeyError
from regroup.core.keys.key_file import KeyStorage, load_key_file, spare_path
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, UnlockedWith, open_profile
from tests.core.keys.test_key_rescue import opens_without_asking
from tests.support.prompter import ScriptedPrompter, passphrase, recovery


def test_a_new_recovery_key_opens_the_diary_and_the_old_one_stops_working(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore, prompter: ScriptedPrompter
) -> None:
    profile.diary.add(EntryContent("kept through the change"))
    old_key = prompter.recovery_key
    new_key = profile.keys.draw_recovery_key()
    profile.keys.replace_recovery_key(new_key)
    profile.diary.add(EntryContent("written after it"))
    profile.close()
    assert load_key_file(paths.key_file) == load_key_file(spare_path(paths.key_file))
    opens_without_asking(paths, keystore)
    keystore.delete(profile.key_file.profile_id)
    paths.key_file.unlink()
    spare_path(paths.key_file).unlink()
    with pytest.raises(UnlockCancelledError):
        open_profile(paths, keystore, ScriptedPrompter().will_answer([recovery(old_key)]))
    person = ScriptedPrompter().will_answer([recovery(new_key)])
    reopened = open_profile(paths, keystore, person)
    try:
        assert reopened.unlocked_with is UnlockedWith.RECOVERY_KEY
        assert reopened.diary.count() == 2
    finally:
        reopened.close()


def test_moving_the_key_to_a_passphrase_and_back_to_the_keyring(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    with pytest.raises(ValidationError, match="at least 8"):
        profile.keys.set_passphrase("short")
    profile.keys.set_passphrase("a calm long phrase")
    assert profile.info().storage is KeyStorage.PASSPHRASE
    assert keystore.load(profile.key_file.profile_id) is None
    profile.close()
    person = ScriptedPrompter().will_answer([passphrase("a calm long phrase")])
    reopened = open_profile(paths, keystore, person)
    assert reopened.unlocked_with is UnlockedWith.PASSPHRASE
    with pytest.raises(WrongKeyError):
        reopened.keys.move_to_keyring("not the phrase")
    reopened.keys.move_to_keyring("a calm long phrase")
    reopened.close()
    opens_without_asking(paths, keystore)


def test_changing_the_passphrase_needs_the_old_one(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    profile.keys.set_passphrase("the first phrase")
    with pytest.raises(WrongKeyError):
        profile.keys.set_passphrase("the second phrase", old_passphrase="a wrong guess")
    profile.keys.set_passphrase("the second phrase", old_passphrase="the first phrase")
    new_key = profile.keys.draw_recovery_key()
    profile.keys.replace_recovery_key(new_key, passphrase="the second phrase")
    profile.close()
    person = ScriptedPrompter().will_answer([passphrase("the second phrase")])
    open_profile(paths, keystore, person).close()
    assert person.requests[0].error is None
