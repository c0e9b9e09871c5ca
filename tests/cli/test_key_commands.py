"""``regroup key ...``: the Key and recovery settings from a terminal."""

from __future__ import annotations

import getpass
import io
import json
from pathlib import Path

import pytest

from regroup.cli.console_prompter import ConsolePrompter
from regroup.core.keys.key_file import spare_path
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from tests.cli.test_cli import _recovery_key, regroup

pytestmark = pytest.mark.integration


def test_a_new_recovery_key_from_the_terminal_replaces_the_old_one(tmp_path: Path) -> None:
    paths = ProfilePaths(tmp_path / "profile")
    data = str(paths.root)
    old_key = _recovery_key(regroup("--data-dir", data, "init").stdout)
    changed = regroup("--data-dir", data, "key", "new-recovery-key")
    assert changed.returncode == 0, changed.stderr
    assert "will stop opening this diary" in changed.stderr
    new_key = _recovery_key(changed.stdout)
    assert new_key != old_key
    profile_id = json.loads(paths.key_file.read_text())["profile_id"]
    SystemKeyStore().delete(profile_id)
    paths.key_file.unlink()
    spare_path(paths.key_file).unlink()
    refused = regroup("--data-dir", data, "info", stdin=old_key + "\n")
    assert refused.returncode != 0
    assert "Traceback" not in refused.stderr
    opened = regroup("--data-dir", data, "info", stdin=new_key + "\n")
    assert opened.returncode == 0, opened.stderr
    assert "Regroup rebuilt its key file" in opened.stderr


def test_moving_the_key_to_a_passphrase_and_back_from_the_terminal(tmp_path: Path) -> None:
    data = str(tmp_path / "profile")
    regroup("--data-dir", data, "init")
    short = regroup("--data-dir", data, "key", "passphrase", stdin="short\n")
    assert short.returncode == 1
    assert "at least 8 characters" in short.stderr
    moved = regroup("--data-dir", data, "key", "passphrase", stdin="a calm long phrase\n")
    assert moved.returncode == 0, moved.stderr
    info = regroup("--data-dir", data, "info", stdin="a calm long phrase\n")
    assert "Unlocked with:  passphrase" in info.stdout
    back = regroup(
        "--data-dir", data, "key", "keyring", stdin="a calm long phrase\na calm long phrase\n"
    )
    assert back.returncode == 0, back.stderr
    assert "Unlocked with:  system keyring" in regroup("--data-dir", data, "info").stdout


@pytest.mark.parametrize("passphrase", ["x", "seven 7"])
def test_init_refuses_a_passphrase_shorter_than_the_window_allows(
    tmp_path: Path, no_keyring: None, passphrase: str
) -> None:
    paths = ProfilePaths(tmp_path / "profile")

    short = regroup("--data-dir", str(paths.root), "init", stdin=passphrase + "\n")

    assert short.returncode == 1
    assert "A passphrase needs at least 8 characters" in short.stderr
    assert "Traceback" not in short.stderr
    assert not paths.key_file.exists() and not paths.database.exists()
    again = regroup("--data-dir", str(paths.root), "init", stdin="eight ch\n")
    assert again.returncode == 0, again.stderr


def test_a_person_at_the_terminal_is_asked_again_after_a_short_passphrase() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    said = io.StringIO()
    prompter = ConsolePrompter(Terminal(), said)
    typed = iter(["short", "a calm long phrase", "a calm long phrase"])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(getpass, "getpass", lambda _prompt: next(typed))
        chosen = prompter.choose_passphrase("No keyring here.")

    assert chosen == "a calm long phrase"
    assert "A passphrase needs at least 8 characters" in said.getvalue()
