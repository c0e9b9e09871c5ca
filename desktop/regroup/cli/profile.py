"""``regroup init`` and ``regroup info``, and the one way every command unlocks the profile."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from regroup.cli.arguments import command, json_option
from regroup.cli.output import print_json

if TYPE_CHECKING:
    from regroup.cli.arguments import Commands
    from regroup.core.profile import Profile


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


@contextmanager
def opened(data_dir: Path, create: bool = False) -> Iterator[Profile]:
    """Unlock the profile in ``data_dir`` the one way every command shares, and close it."""
    from regroup.cli.console_prompter import ConsolePrompter
    from regroup.core.errors import ProfileError
    from regroup.core.keys.keystore import SystemKeyStore
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
    profile = open_profile(paths, SystemKeyStore(), prompter)
    if profile.read_only:
        print(profile.read_only_notice(), file=sys.stderr)
    try:
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
