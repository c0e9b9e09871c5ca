"""``regroup init`` and ``regroup info``, and the one way every command unlocks the profile."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from regroup.cli.arguments import command, group, json_option
from regroup.cli.output import print_json

if TYPE_CHECKING:
    from regroup.cli.arguments import Commands
    from regroup.cli.console_prompter import ConsolePrompter
    from regroup.core.keys.keystore import SystemKeyStore
    from regroup.core.profile import Profile

_freeze_at_open = False
_early_keystore: tuple[Path, SystemKeyStore] | None = None
_reading: SystemKeyStore | None = None
"""The keystore whose early read this process started, until the process ends."""
SETTLE_SECONDS = 5.0


def prepare_process(data_dir: Path, needs_key: bool = True) -> None:
    """Ready the command's own process for ``opened``, before it loads the command.

    The key's read from the Secret Service starts now, in a thread, so that its
    answers (some 20 ms of waiting) come while the command is imported. And what was
    loaded before the collector comes on is frozen: the modules and the profile live
    until the process ends, and a first pass over them all cost about 15 ms. Tests
    that call commands in-process do neither, and keep their objects collectable.
    A command registered with ``needs_key=False`` (``backup list``) reads nothing.
    """
    global _freeze_at_open, _early_keystore, _reading
    _freeze_at_open = True
    if not needs_key:
        return
    from regroup.core.keys.key_file import keyring_profile_id
    from regroup.core.keys.keystore import SystemKeyStore
    from regroup.core.paths import ProfilePaths

    profile_id = keyring_profile_id(ProfilePaths(data_dir).key_file)
    if profile_id:
        keystore = SystemKeyStore()
        keystore.read_early(profile_id)
        _early_keystore = (data_dir, keystore)
        _reading = keystore


def settle_process() -> bool:
    """Before the command's process ends: let a key read it started and did not use end.

    False when the read is still stuck after a few seconds (a D-Bus that never
    answers): the caller then ends the process without Python's clean-up.
    """
    return _reading is None or _reading.settle(SETTLE_SECONDS)


def keystore_for(data_dir: Path) -> SystemKeyStore:
    """The keystore whose read :func:`prepare_process` started for ``data_dir``, or a new one."""
    global _early_keystore
    from regroup.core.keys.keystore import SystemKeyStore

    early, _early_keystore = _early_keystore, None
    if early is not None and early[0] == data_dir:
        return early[1]
    return SystemKeyStore()


def register(commands: Commands) -> None:
    command(
        commands,
        "init",
        "create a new profile and print its recovery key",
        "Create a new, encrypted profile from the terminal.",
        _run_init,
    )
    info = command(
        commands,
        "info",
        "unlock the profile and describe it",
        "Unlock the profile (asking for the recovery key if needed) and describe it.",
        _run_info,
    )
    json_option(info)
    keys = group(commands, "key", "change how the key is kept", "Settings › Key and recovery.")
    for name, help_text, handler in (
        ("new-recovery-key", "make a new recovery key; the old one stops working", _run_new_key),
        (
            "passphrase",
            "set or change the passphrase (the keyring stops holding the key)",
            _run_passphrase,
        ),
        (
            "keyring",
            "keep the key in the system keyring again instead of a passphrase",
            _run_keyring,
        ),
    ):
        command(keys, name, help_text, help_text[0].upper() + help_text[1:] + ".", handler)


@contextmanager
def opened(data_dir: Path, create: bool = False) -> Iterator[Profile]:
    """Unlock the profile in ``data_dir`` the one way every command shares, and close it.

    The collector is off until the profile is open (see ``main``): loading the core
    makes many long-lived objects and no garbage worth a pass.
    """
    from regroup.cli.console_prompter import ConsolePrompter
    from regroup.core.errors import ProfileError
    from regroup.core.paths import ProfilePaths
    from regroup.core.profile import open_profile, profile_exists

    paths = ProfilePaths(data_dir)
    if create and profile_exists(paths):
        raise ProfileError(f"a profile already exists in {data_dir}")
    if not create and not profile_exists(paths):
        raise ProfileError(f"no profile in {data_dir}; run 'regroup init' or start the app")
    # Questions go to stderr so that stdout carries only what was asked for (e.g. --json);
    # 'init' prints the recovery key on stdout, where the person expects the result.
    prompter = ConsolePrompter(stdout=sys.stdout if create else sys.stderr)
    profile = open_profile(paths, keystore_for(data_dir), prompter)
    if _freeze_at_open:
        gc.freeze()
    gc.enable()
    if profile.read_only:
        print(profile.read_only_notice(), file=sys.stderr)
    try:
        from regroup.core.exchange.export_file import sweep_export_leftovers

        sweep_export_leftovers(profile.db)  # what an export killed outright left behind
        yield profile
    finally:
        profile.close()
        if profile.notice:
            print(profile.notice, file=sys.stderr)


def _run_init(args: argparse.Namespace, data_dir: Path) -> int:
    with opened(data_dir, create=True) as profile:
        info = profile.info()
    print(f"Created a new profile in {info.folder} (key in {info.storage.value}).")
    return 0


def _run_info(args: argparse.Namespace, data_dir: Path) -> int:
    with opened(data_dir) as profile:
        info = profile.info()
    if args.json:
        from dataclasses import asdict

        print_json(asdict(info))
    else:
        print(f"Profile:        {info.folder}")
        print(f"Key kept in:    {info.keyring_name or info.storage.value}")
        print(f"Unlocked with:  {info.unlocked_with.value}")
        print(f"Schema version: {info.schema_version}")
        print(f"Diary entries:  {info.entry_count}")
    return 0


def _current_passphrase(profile: Profile, prompter: ConsolePrompter) -> str | None:
    """Ask for the passphrase the profile has, if it has one, to prove the change."""
    from regroup.core.errors import UnlockCancelledError
    from regroup.core.keys.key_file import KeyStorage
    from regroup.core.profile import SecretRequest

    if profile.key_file.storage is not KeyStorage.PASSPHRASE:
        return None
    answer = prompter.ask_secret(
        SecretRequest("Type your current passphrase to make this change.", True)
    )
    if answer is None or answer.is_recovery_key:
        raise UnlockCancelledError("Nothing was changed.")
    return answer.text


def _run_new_key(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.cli.console_prompter import ConsolePrompter
    from regroup.core.keys.manager import NEW_KEY_WARNING

    with opened(data_dir) as profile:
        prompter = ConsolePrompter(stdout=sys.stderr)
        current = _current_passphrase(profile, prompter)
        print(NEW_KEY_WARNING, file=sys.stderr)
        recovery_key = profile.keys.draw_recovery_key()
        if not ConsolePrompter(stdout=sys.stdout).confirm_recovery_key(recovery_key):
            print("Nothing was changed; your recovery key is the same.", file=sys.stderr)
            return 1
        profile.keys.replace_recovery_key(recovery_key, current)
    print("Your new recovery key is in place; the old one no longer opens the diary.")
    return 0


def _run_passphrase(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.cli.console_prompter import ConsolePrompter
    from regroup.core.errors import UnlockCancelledError

    with opened(data_dir) as profile:
        prompter = ConsolePrompter(stdout=sys.stderr)
        current = _current_passphrase(profile, prompter)
        new = prompter.choose_passphrase("Regroup will ask for the new passphrase at each start.")
        if new is None:
            raise UnlockCancelledError("Nothing was changed.")
        profile.keys.set_passphrase(new, current)
    print("Your passphrase now protects the key.")
    return 0


def _run_keyring(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.cli.console_prompter import ConsolePrompter

    with opened(data_dir) as profile:
        current = _current_passphrase(profile, ConsolePrompter(stdout=sys.stderr))
        profile.keys.move_to_keyring(current)
    print("The key is in your system keyring again; Regroup will open without asking.")
    return 0
