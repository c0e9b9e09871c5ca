"""``regroup add``, ``list`` and ``search``: writing and finding diary entries from a terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from regroup.cli.arguments import (
    command,
    count_option,
    date_range_options,
    day,
    json_option,
    mood,
)
from regroup.cli.output import error, flat, one_line, show
from regroup.cli.profile import opened

if TYPE_CHECKING:
    from regroup.cli.arguments import Commands
    from regroup.core.diary.types import EntrySummary, SearchHit

_BOLD, _PLAIN = "\x1b[1m", "\x1b[0m"


def register(commands: Commands) -> None:
    add = command(
        commands,
        "add",
        "write a new diary entry",
        "Save a new diary entry. With TEXT '-', the entry is read from standard input "
        "until its end (one final line break is dropped).",
        _run_add,
    )
    add.add_argument("text", metavar="TEXT", help="what you want to write, or - for stdin")
    add.add_argument("--title", default="", help="a title for the entry")
    add.add_argument(
        "--tag", dest="tags", action="append", default=[], metavar="TAG", help="a tag (repeatable)"
    )
    add.add_argument("--mood", type=mood, metavar="N", help="mood from 1 (awful) to 5 (great)")
    add.add_argument(
        "--date", type=day, metavar="YYYY-MM-DD", help="the day it is about (default: today)"
    )
    listing = command(
        commands,
        "list",
        "show the newest entries",
        "Show the newest entries (not those in the trash), newest first.",
        _run_list,
    )
    count_option(listing, "how many (default 20)")
    json_option(listing)
    search = command(
        commands,
        "search",
        "find entries by words, tags, mood and dates",
        'Find entries, best match first. Every word must match (as a word start); "quoted '
        'words" match as a phrase and #word matches a tag. Without QUERY, the newest '
        "entries that pass the filters are shown.",
        _run_search,
    )
    search.add_argument("query", nargs="?", default="", metavar="QUERY", help="what to look for")
    count_option(search, "at most N hits (default 20)")
    search.add_argument("--tag", metavar="TAG", help="only entries with this tag")
    search.add_argument("--mood", type=mood, metavar="N", help="only entries with this mood")
    date_range_options(search, "only from this day on", "only up to this day")
    json_option(search)


def _read_stdin_text() -> str:
    if sys.stdin.isatty():
        print("Type the entry; end it with Ctrl-D (Ctrl-Z, Enter on Windows).", file=sys.stderr)
    text = sys.stdin.read()
    return text.removesuffix("\n").removesuffix("\r")


def _is_empty(body: str, title: str) -> bool:
    return not body.strip() and not title.strip()


def _run_add(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.core.diary.types import EntryContent

    empty = "the entry is empty; nothing was added"
    if args.text != "-" and _is_empty(args.text, args.title):
        return error(empty)
    with opened(data_dir) as profile:
        body = _read_stdin_text() if args.text == "-" else args.text
        if _is_empty(body, args.title):
            return error(empty)
        record = profile.diary.add(EntryContent(body, args.title, args.mood, args.tags, args.date))
    print(f"Added entry {record.id} for {record.entry_date.isoformat()}.")
    return 0


def _summary_line(summary: EntrySummary) -> str:
    mood = f"{summary.mood}/5" if summary.mood else " - "
    text = one_line(summary.title) or one_line(summary.preview) or "(empty)"
    tags = " ".join(f"#{tag}" for tag in summary.tags)
    return f"{summary.entry_date.isoformat()}  {mood}  {text}" + (f"  {tags}" if tags else "")


def _summary_json(summary: EntrySummary) -> dict[str, object]:
    return {
        "id": summary.id,
        "date": summary.entry_date.isoformat(),
        "title": summary.title,
        "preview": summary.preview,
        "mood": summary.mood,
        "tags": list(summary.tags),
    }


def _run_list(args: argparse.Namespace, data_dir: Path) -> int:
    with opened(data_dir) as profile:
        summaries = profile.browse.latest(args.n)
    return show(
        args.json,
        summaries,
        _summary_json,
        lambda: map(_summary_line, summaries),
        "The diary has no entries yet.",
    )


def _snippet(hit: SearchHit, start: str, end: str, clean: Callable[[str], str]) -> str:
    from regroup.core.diary.types import HIGHLIGHT_END, HIGHLIGHT_START

    pieces = hit.snippet.replace(HIGHLIGHT_END, HIGHLIGHT_START).split(HIGHLIGHT_START)
    return "".join(
        (start + clean(piece) + end) if number % 2 else clean(piece)
        for number, piece in enumerate(pieces)
    )


def _hit_lines(hits: list[SearchHit]) -> Iterator[str]:
    start, end = (_BOLD, _PLAIN) if sys.stdout.isatty() else ("[", "]")
    for hit in hits:
        yield _summary_line(hit.summary)
        if hit.snippet:
            yield f"    {_snippet(hit, start, end, flat).strip()}"


def _hit_json(hit: SearchHit) -> dict[str, object]:
    summary = _summary_json(hit.summary)
    summary.update(snippet=_snippet(hit, "**", "**", str), score=hit.score)
    return summary


def _run_search(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.core.diary.types import SearchQuery

    query = SearchQuery(
        text=args.query,
        tag=args.tag,
        mood=args.mood,
        date_from=args.date_from,
        date_to=args.date_to,
        limit=args.n,
    )
    with opened(data_dir) as profile:
        hits = profile.search.search(query)
    return show(args.json, hits, _hit_json, lambda: _hit_lines(hits), "No entries match.")
