"""What every command's arguments share: the profile option, checked values and sub-commands.

The group modules register their commands through these helpers, so that each
command takes ``--data-dir`` after its name too and bad values get one wording.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from datetime import date

    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

Handler: TypeAlias = Callable[[argparse.Namespace, Path], int]
DEFAULT_COUNT = 20


def data_dir_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        default=default,
        help="use the profile in DIR instead of the default one",
    )


def mood(text: str) -> int:
    if text.strip() not in {"1", "2", "3", "4", "5"}:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a mood; use a number from 1 (awful) to 5 (great)"
        )
    return int(text)


def day(text: str) -> date:
    import re  # argparse has loaded it already
    from datetime import date

    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD")


MAX_COUNT = 1_000_000
"""More than any diary holds; bigger numbers would overflow the database's LIMIT."""
MAX_ID = 2**63 - 1
"""The largest id the database can store."""


def _whole_number(text: str, most: int) -> int | None:
    """``text`` as a number from 1 to ``most``, or None; never parses thousands of digits."""
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()) or len(digits) > len(str(most)):
        return None
    number = int(digits)
    return number if 1 <= number <= most else None


def count(text: str) -> int:
    number = _whole_number(text, MAX_COUNT)
    if number is None:
        raise argparse.ArgumentTypeError(
            f"{_shown(text)} is not a number of entries; use a whole number from 1 to {MAX_COUNT:,}"
        )
    return number


def record_id(text: str) -> int:
    number = _whole_number(text, MAX_ID)
    if number is None:
        raise argparse.ArgumentTypeError(
            f"{_shown(text)} is not an id (a whole number, 1 or more, as the lists show)"
        )
    return number


def _shown(text: str) -> str:
    """The value as typed, shortened when it is very long (a 5,000-digit paste)."""
    return repr(text if len(text) <= 40 else text[:20] + "…" + text[-8:])


def command(
    commands: Commands, name: str, help_text: str, description: str, handler: Handler
) -> argparse.ArgumentParser:
    """Add a command that ``main`` runs with ``handler``; it takes ``--data-dir`` too."""
    parser = commands.add_parser(name, help=help_text, description=description)
    data_dir_option(parser, argparse.SUPPRESS)
    parser.set_defaults(handler=handler)
    return parser


def group(commands: Commands, name: str, help_text: str, description: str) -> Commands:
    """Add a command whose actions (such as ``list``) are required sub-commands."""
    parser = commands.add_parser(name, help=help_text, description=description)
    actions = parser.add_subparsers(dest=f"{name}_command", metavar="ACTION")
    actions.required = True
    return actions


def json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def count_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("-n", type=count, default=DEFAULT_COUNT, metavar="N", help=help_text)


def date_range_options(parser: argparse.ArgumentParser, since: str, until: str) -> None:
    """Add ``--from`` and ``--to`` (``date_from`` and ``date_to``), each described by its help."""
    parser.add_argument("--from", dest="date_from", type=day, metavar="YYYY-MM-DD", help=since)
    parser.add_argument("--to", dest="date_to", type=day, metavar="YYYY-MM-DD", help=until)


def import_arguments(parser: argparse.ArgumentParser) -> None:
    """``regroup import FILE [--from KIND] [--dry-run]``."""
    parser.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help="the file or folder to import (a Day One export or Markdown notes may be a folder)",
    )
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=("jrnl", "dayone", "markdown", "regroup"),
        help="what kind of journal FILE is (told from the file when left out)",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="say what would be imported and write nothing",
    )
