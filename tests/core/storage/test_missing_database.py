"""An existing profile whose database is gone or empty is refused, never started afresh."""

import pytest

from regroup.core.errors import LostDatabaseError, ProfileError
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from tests.support.prompter import ScriptedPrompter
from tests.support.snapshots import folder_fingerprint


@pytest.mark.parametrize("content", [b"", b"\x00"])
def test_an_empty_database_is_refused_with_the_way_to_restore(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore, content: bytes
) -> None:
    profile.backups.create()
    profile.close()
    paths.database.write_bytes(content)
    before = folder_fingerprint(paths.root)
    person = ScriptedPrompter()
    with pytest.raises(ProfileError, match="is empty") as refused:
        open_profile(paths, keystore, person)
    assert "regroup backup restore latest" in str(refused.value)
    assert person.requests == []
    assert folder_fingerprint(paths.root) == before


def test_a_missing_database_names_the_restore_command(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    profile.backups.create()
    profile.close()
    paths.database.unlink()
    with pytest.raises(ProfileError, match=r"is missing.*regroup backup restore latest"):
        open_profile(paths, keystore, ScriptedPrompter())
    assert not paths.database.exists()


def test_without_a_backup_the_refusal_says_there_is_none_and_what_can_help(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    profile.close()
    paths.database.unlink()
    with pytest.raises(ProfileError) as refused:
        open_profile(paths, keystore, ScriptedPrompter())
    said = str(refused.value)
    assert "no backup of this profile yet" in said and "put it back" in said
    assert "restore latest" not in said and "backups folder" not in said
    assert isinstance(refused.value, LostDatabaseError) and refused.value.backups == 0
