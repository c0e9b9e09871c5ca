"""The ``regroup`` command: the GUI by default, and a few commands for the terminal."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from regroup import __version__
from regroup.core.key_reader import READER_FLAG

if TYPE_CHECKING:
    from regroup.core.keystore import KeyStore


DESCRIPTION = """\
Regroup is a private, offline diary for the days after a job rejection.
Everything stays on this computer in an encrypted database; the app never
opens a network connection.

Run without a command to open the window."""

EPILOG = """\
The profile lives in the per-user data folder (on Linux ~/.local/share/Regroup,
on Windows %APPDATA%\\Regroup, on macOS ~/Library/Application Support/Regroup)
unless --data-dir names another. Its key is kept in the system keyring, or
protected by a passphrase where no keyring exists; the recovery key shown at
first run opens it when neither is available.

Exit status: 0 success, 1 error, 2 bad usage, 3 left locked or cancelled."""

EXIT_ERROR = 1
EXIT_LOCKED = 3


def _data_dir_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        default=default,
        help="use the profile in DIR instead of the default one",
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser; shared by ``main`` and the tests."""
    parser = argparse.ArgumentParser(
        prog="regroup",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"Regroup {__version__}")
    _data_dir_option(parser, None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    init = commands.add_parser(
        "init",
        help="create a new profile and print its recovery key",
        description="Create a new, encrypted profile from the terminal.",
    )
    _data_dir_option(init, argparse.SUPPRESS)
    info = commands.add_parser(
        "info",
        help="unlock the profile and describe it",
        description="Unlock the profile (asking for the recovery key if needed) and describe it.",
    )
    _data_dir_option(info, argparse.SUPPRESS)
    info.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _run_command(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.console_prompter import ConsolePrompter
    from regroup.core.keystore import SystemKeyStore
    from regroup.core.paths import ProfilePaths
    from regroup.core.profile import open_profile, profile_exists

    paths = ProfilePaths(data_dir)
    if args.command == "init" and profile_exists(paths):
        print(f"regroup: error: a profile already exists in {data_dir}", file=sys.stderr)
        return EXIT_ERROR
    if args.command == "info" and not profile_exists(paths):
        print(
            f"regroup: error: no profile in {data_dir}; run 'regroup init' or start the app",
            file=sys.stderr,
        )
        return EXIT_ERROR
    profile = open_profile(paths, SystemKeyStore(), ConsolePrompter())
    try:
        info = profile.info()
    finally:
        profile.close()
    if args.command == "init":
        print(f"Created a new profile in {info.folder} (key in {info.storage.value}).")
    elif args.json:
        import json
        from dataclasses import asdict

        print(json.dumps(asdict(info), indent=2, default=str))
    else:
        print(f"Profile:        {info.folder}")
        print(f"Key kept in:    {info.keyring_name or info.storage.value}")
        print(f"Unlocked with:  {info.unlocked_with.value}")
        print(f"Schema version: {info.schema_version}")
        print(f"Diary entries:  {info.entry_count}")
    if info.notice:
        print(info.notice, file=sys.stderr)
    return 0


def _run_gui(data_dir: Path) -> int:
    # The key is read by a child process (see core.key_reader) while this one imports
    # the core and then PySide6, in that order: once PySide6 is loaded, every further
    # import pays for its signature machinery.
    from regroup.core.key_file import keyring_profile_id
    from regroup.core.paths import ProfilePaths

    profile_id = keyring_profile_id(ProfilePaths(data_dir).key_file)
    keystore: KeyStore
    if profile_id:
        from regroup.core.key_reader import ChildProcessKeyStore

        keystore = ChildProcessKeyStore(profile_id)
    else:
        from regroup.core.keystore import SystemKeyStore

        keystore = SystemKeyStore()
    import regroup.core.profile  # noqa: F401
    from regroup.gui.app import run_gui

    return run_gui(data_dir, keystore)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the GUI or a command; return the exit status."""
    # Start-up creates many long-lived objects and no garbage worth collecting; the GUI
    # turns the collector back on once its window is up (gui.app.enable_gc_after_start).
    gc.disable()
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == [READER_FLAG]:
        from regroup.core.key_reader import run_reader

        return run_reader(arguments[1:])
    args = build_parser().parse_args(arguments)
    logging.basicConfig(level=logging.WARNING, format="regroup: %(levelname)s: %(message)s")
    from regroup.core.errors import RegroupError, UnlockCancelledError
    from regroup.core.paths import default_data_dir

    data_dir = (args.data_dir or default_data_dir()).expanduser().absolute()
    if args.command is None:
        return _run_gui(data_dir)
    gc.enable()
    try:
        return _run_command(args, data_dir)
    except UnlockCancelledError as exc:
        print(f"regroup: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except RegroupError as exc:
        print(f"regroup: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_LOCKED
