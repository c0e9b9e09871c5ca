"""Where no secure keyring exists, a passphrase protects the key."""

import pytest

from regroup.core.errors import UnlockCancelledError
from regroup.core.keys.key_file import KeyStorage
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import UnlockedWith, open_profile
from tests.conftest import TEST_KDF_SECONDS
from tests.support.prompter import ScriptedPrompter, passphrase, recovery
from tests.support.snapshots import folder_fingerprint

pytestmark = pytest.mark.usefixtures("no_keyring")


def test_without_a_keyring_the_first_run_asks_for_a_passphrase(paths: ProfilePaths) -> None:
    person = ScriptedPrompter(passphrase="a long enough phrase")
    profile = open_profile(paths, SystemKeyStore(), person, kdf_seconds=TEST_KDF_SECONDS)
    profile.close()
    assert profile.key_file.storage is KeyStorage.PASSPHRASE
    assert "keyring" in person.passphrase_reasons[0]
    again = ScriptedPrompter().will_answer([passphrase("a long enough phrase")])
    reopened = open_profile(paths, SystemKeyStore(), again)
    reopened.close()
    assert reopened.unlocked_with is UnlockedWith.PASSPHRASE
    assert again.requests[0].passphrase_allowed


def test_a_wrong_passphrase_is_asked_again_and_the_recovery_key_also_works(
    paths: ProfilePaths,
) -> None:
    first = ScriptedPrompter(passphrase="right phrase here")
    open_profile(paths, SystemKeyStore(), first, kdf_seconds=TEST_KDF_SECONDS).close()
    before = folder_fingerprint(paths.root)
    person = ScriptedPrompter().will_answer(
        [passphrase("wrong phrase"), recovery(first.recovery_key)]
    )
    reopened = open_profile(paths, SystemKeyStore(), person)
    reopened.close()
    assert reopened.unlocked_with is UnlockedWith.RECOVERY_KEY
    assert person.requests[1].error == "This passphrase does not unlock this profile."
    assert person.restore_offers == 0
    assert folder_fingerprint(paths.root).keys() == before.keys()


def test_declining_to_choose_a_passphrase_creates_nothing(paths: ProfilePaths) -> None:
    with pytest.raises(UnlockCancelledError):
        open_profile(paths, SystemKeyStore(), ScriptedPrompter(passphrase=None))
    assert not paths.root.exists()
