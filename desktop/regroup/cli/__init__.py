"""The ``regroup`` command: the GUI by default, and commands to write, find and move entries.

Each command group (profile, diary, exchange, debriefs, goals, check-ins, waiting,
insights) is a module that registers its commands and their handlers. Commands import what
they need inside their own functions, so that ``--version`` and ``search`` do not pay for
modules they never use; only the GUI path loads Qt.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from regroup import __version__
from regroup.cli.arguments import data_dir_option
from regroup.cli.output import EXIT_ERROR, EXIT_LOCKED
from regroup.core.keys.key_reader import READER_FLAG, reader_main
from regroup.core.system.core_dumps import forbid_core_dumps

if TYPE_CHECKING:
    from regroup.cli.arguments import Handler
    from regroup.core.keys.keystore import KeyStore


DESCRIPTION = """\
Regroup is a private, offline diary, debrief form, goals board and move-on
check-ins for the days after a job rejection.
Everything stays on this computer in an encrypted database; the app never
opens a network connection.

Run without a command to open the window; where there is no display, it says
so and stops (create the profile with 'regroup init', or run the window under
'xvfb-run'). The commands below work on the same diary from a terminal;
'regroup COMMAND --help' describes each one."""

EPILOG = """\
examples:
  regroup add "Heard back from Acme: not this time." --tag acme --mood 2
  regroup add - --title "Thursday" < notes.txt
  regroup search '"phone screen"' --from 2024-01-01
  regroup export --format json --output regroup-backup.json
  regroup import regroup-backup.json
  regroup backup list
  regroup backup restore latest
  regroup debrief list --stage final_round --from 2024-01-01
  regroup goals list --json
  regroup checkins list
  regroup insights --from 2024-01-01 --json
  regroup waiting add --company Acme --role Analyst --applied 2024-05-01

The profile lives in the per-user data folder (on Linux ~/.local/share/Regroup,
on Windows %APPDATA%\\Regroup, on macOS ~/Library/Application Support/Regroup)
unless --data-dir names another. Its key is kept in the system keyring, or
protected by a passphrase where no keyring exists; the recovery key shown at
first run opens it when neither is available.

Exports are plain, unencrypted files: keep them somewhere safe.

Exit status: 0 success, 1 error, 2 bad usage, 3 left locked or cancelled."""

GROUPS = {
    "profile": ("init", "info", "key"),
    "diary": ("add", "list", "search"),
    "exchange": ("export", "import"),
    "backup": ("backup",),
    "debriefs": ("debrief",),
    "goals": ("goals",),
    "checkins": ("checkins",),
    "waiting": ("waiting",),
    "insights": ("insights",),
    "report": ("report",),
}
"""The modules of ``regroup.cli`` that register commands, in the order ``--help`` lists
them, each with the commands it registers (a test holds the two to each other).

They are imported when the parser is built, which a plain window start skips; a
command's own start builds only its group's part."""
MINIMIZED_FLAGS = ("--minimized", "--tray")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Return the argument parser; shared by ``main`` and the tests.

    Given the ``command`` about to run, only the group that registers it is loaded
    (the others took about 25 ms of every command's start); the parser then reads
    that command's arguments, help and mistakes exactly as the whole one does.
    """
    parser = argparse.ArgumentParser(
        prog="regroup",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"Regroup {__version__}")
    data_dir_option(parser, None)
    parser.add_argument(
        *MINIMIZED_FLAGS,
        action="store_true",
        help="open no window, only the tray icon (as when started at login)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    groups = [name for name, names in GROUPS.items() if command in names] or list(GROUPS)
    for name in groups:
        import_module(f"regroup.cli.{name}").register(commands)
    return parser


def _split_window_options(arguments: list[str]) -> tuple[Path | None, bool, list[str]]:
    """Return ``--data-dir``, ``--minimized`` and what follows the leading window options."""
    data_dir: Path | None = None
    minimized = False
    rest = list(arguments)
    while rest:
        argument = rest[0]
        if argument in MINIMIZED_FLAGS:
            minimized = True
        elif argument.startswith("--data-dir="):
            data_dir = Path(argument.removeprefix("--data-dir="))
        elif argument == "--data-dir" and len(rest) > 1 and not rest[1].startswith("-"):
            data_dir = Path(rest.pop(1))
        else:
            break
        rest.pop(0)
    return data_dir, minimized, rest


def command_named(arguments: list[str]) -> str | None:
    """Return the command the arguments name after the window options, if they name one.

    Anything else (``--help``, an option argparse must read) gives None: the whole
    parser is built, as it has the words for it.
    """
    rest = _split_window_options(arguments)[2]
    return rest[0] if rest and not rest[0].startswith("-") else None


def window_options(arguments: list[str]) -> tuple[Path | None, bool] | None:
    """Return ``(--data-dir, --minimized)`` when the arguments are only the window's options.

    The usual start (from the menu, at login, or ``--data-dir DIR``) is read here
    without building every command's parser, which took about 20 ms of each window
    start. Anything else, a command, ``--help``, an abbreviation or a mistake, returns
    None and goes through argparse, which has the words for it.
    """
    data_dir, minimized, rest = _split_window_options(arguments)
    return None if rest else (data_dir, minimized)


def _run_gui(data_dir: Path, minimized: bool = False, named_dir: Path | None = None) -> int:
    from regroup.cli.display import has_display
    from regroup.core.paths import ProfilePaths

    if not has_display():
        from regroup.cli.display import no_display_message
        from regroup.core.profile import profile_exists

        exists = profile_exists(ProfilePaths(data_dir))
        print(no_display_message(exists, named_dir), file=sys.stderr)
        return EXIT_ERROR
    # The key is read by a child process (see core.key_reader) while this one imports
    # the core and then PySide6, in that order: once PySide6 is loaded, every further
    # import pays for its signature machinery.
    from regroup.core.keys.key_file import keyring_profile_id

    profile_id = keyring_profile_id(ProfilePaths(data_dir).key_file)
    keystore: KeyStore
    if profile_id:
        from regroup.core.keys.key_reader import ChildProcessKeyStore

        keystore = ChildProcessKeyStore(profile_id)
    else:
        from regroup.core.keys.keystore import SystemKeyStore

        keystore = SystemKeyStore()
    # The diary's services (the profile builds them on first use) load with the Diary page,
    # after the window is up.
    import regroup.core.profile  # noqa: F401
    from regroup.gui.app import run_gui

    return run_gui(data_dir, keystore, minimized)


def exit_cleanly_on_termination() -> None:
    """Let SIGTERM and SIGHUP end a command as Ctrl+C does: through every ``finally``.

    By default they end the process on the spot, which would leave an export's
    temporary plaintext copy behind and skip closing the database.
    """
    import signal

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, stop)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the GUI or a command; return the exit status."""
    # Start-up creates many long-lived objects and no garbage worth collecting; the GUI
    # turns the collector back on once its window is up (gui.app.enable_gc_after_start).
    gc.disable()
    forbid_core_dumps()  # before any key is read, in the key reader child too
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == [READER_FLAG]:  # ``python -m regroup`` and the bundle go there first
        return reader_main(arguments[1:])
    window = window_options(arguments)
    args: argparse.Namespace | None = None
    if window is None:
        args = build_parser(command_named(arguments)).parse_args(arguments)
        named_dir, minimized = args.data_dir, args.minimized
    else:
        named_dir, minimized = window
    logging.basicConfig(level=logging.WARNING, format="regroup: %(levelname)s: %(message)s")
    from regroup.core.paths import default_data_dir

    data_dir = (named_dir or default_data_dir()).expanduser().absolute()
    if args is None or args.command is None:
        return _run_gui(data_dir, minimized, named_dir)
    exit_cleanly_on_termination()
    if argv is None:
        from regroup.cli.profile import prepare_process

        prepare_process(data_dir, getattr(args, "needs_key", True))
    handler: Handler = args.handler
    status = EXIT_ERROR
    try:
        # The collector comes on once the command has loaded what it needs: cli.profile
        # turns it on when the profile is open.
        status = _run_command(handler, args, data_dir)
    except SystemExit as exc:  # SIGTERM or SIGHUP (exit_cleanly_on_termination)
        status = exc.code if isinstance(exc.code, int) else EXIT_ERROR
        raise
    finally:
        if argv is None:
            # The command's objects die with the process: frozen, they are skipped by the
            # collector's full passes at exit (80 ms after ``regroup insights`` at 36,500).
            # Not when called in-process (tests), whose objects live on.
            gc.freeze()
            _end_after_key_read(status)
        else:
            gc.enable()
    return status


def _end_after_key_read(status: int) -> None:
    """Wait for the key read the command started early, or end the process without it.

    A command that fails before it needs the key (an empty entry, a missing file)
    must not leave Python ending under a thread still loading the Secret Service's
    libraries: that can crash the process on its way out. If the bus never answers,
    what was written is flushed and the process ends at once, with ``status``.
    """
    from regroup.cli.profile import settle_process

    if not settle_process():
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def _run_command(handler: Handler, args: argparse.Namespace, data_dir: Path) -> int:
    """Run one command, turning what it raises into words and an exit status."""
    from regroup.core.errors import RegroupError, UnlockCancelledError, describe_os_error

    try:
        return handler(args, data_dir)
    except UnlockCancelledError as exc:
        print(f"regroup: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except RegroupError as exc:
        print(f"regroup: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_LOCKED
    except BrokenPipeError:
        # The reader (e.g. ``head``) stopped early; keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # a path too long, a folder that cannot be read: words, not a trace
        print(f"regroup: error: {describe_os_error(exc)}", file=sys.stderr)
        return EXIT_ERROR
