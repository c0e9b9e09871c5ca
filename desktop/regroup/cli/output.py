"""How commands print: JSON or lines on stdout, and everything else on stderr.

Stdout carries only what was asked for, so that ``--json`` output can be piped;
notes such as "nothing matched" go to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from datetime import date, datetime

EXIT_ERROR = 1
EXIT_LOCKED = 3
T = TypeVar("T")


def error(message: str) -> int:
    print(f"regroup: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def print_json(value: object) -> None:
    import json

    print(json.dumps(value, indent=2, ensure_ascii=False))


def show(
    as_json: bool,
    items: Sequence[T],
    to_json: Callable[[T], object],
    lines: Callable[[], Iterable[str]],
    empty: str,
) -> int:
    """Print ``items`` as a JSON list or as ``lines()``; say ``empty`` on stderr if none."""
    if as_json:
        print_json([to_json(item) for item in items])
    else:
        for line in lines():
            print(line)
    if not items:
        print(empty, file=sys.stderr)
    return 0


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def flat(text: str) -> str:
    """Make diary text safe for a terminal line: no line breaks, control characters or escapes."""
    import re

    return re.sub(r"[\s\x00-\x1f\x7f-\x9f]+", " ", text)


def one_line(text: str) -> str:
    return flat(text).strip()
