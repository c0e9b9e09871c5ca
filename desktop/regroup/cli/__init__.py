"""The ``regroup`` command: the GUI by default, and commands to write, find and move entries.

Commands import what they need inside their own functions, so that ``--version``
and ``search`` do not pay for modules they never use; only the GUI path loads Qt.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from regroup import __version__
from regroup.core.keys.key_reader import READER_FLAG

if TYPE_CHECKING:
    from datetime import date, datetime

    from regroup.core.checkins.types import CheckinItem
    from regroup.core.debriefs.types import DebriefSummary
    from regroup.core.diary.types import EntrySummary, SearchHit
    from regroup.core.goals.types import GoalRecord
    from regroup.core.keys.keystore import KeyStore
    from regroup.core.profile import Profile


DESCRIPTION = """\
Regroup is a private, offline diary, debrief form, goals board and move-on
check-ins for the days after a job rejection.
Everything stays on this computer in an encrypted database; the app never
opens a network connection.

Run without a command to open the window. The commands below work on the
same diary from a terminal; 'regroup COMMAND --help' describes each one."""

EPILOG = """\
examples:
  regroup add "Heard back from Acme: not this time." --tag acme --mood 2
  regroup add - --title "Thursday" < notes.txt
  regroup search '"phone screen"' --from 2024-01-01
  regroup export --format json --output regroup-backup.json
  regroup import regroup-backup.json
  regroup debrief list --stage final_round --from 2024-01-01
  regroup goals list --json
  regroup checkins list

The profile lives in the per-user data folder (on Linux ~/.local/share/Regroup,
on Windows %APPDATA%\\Regroup, on macOS ~/Library/Application Support/Regroup)
unless --data-dir names another. Its key is kept in the system keyring, or
protected by a passphrase where no keyring exists; the recovery key shown at
first run opens it when neither is available.

Exports are plain, unencrypted files: keep them somewhere safe.

Exit status: 0 success, 1 error, 2 bad usage, 3 left locked or cancelled."""

EXIT_ERROR = 1
EXIT_LOCKED = 3
DEFAULT_COUNT = 20
_BOLD, _PLAIN = "\x1b[1m", "\x1b[0m"


def _data_dir_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        default=default,
        help="use the profile in DIR instead of the default one",
    )


def _mood(text: str) -> int:
    if text.strip() not in {"1", "2", "3", "4", "5"}:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a mood; use a number from 1 (awful) to 5 (great)"
        )
    return int(text)


def _day(text: str) -> date:
    import re  # argparse has loaded it already
    from datetime import date

    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD")


def _count(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of entries (1 or more)")
    return int(text)


def _command(commands: Any, name: str, help_text: str, description: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=help_text, description=description
    )
    _data_dir_option(parser, argparse.SUPPRESS)
    return parser


def _add_writing_commands(commands: Any) -> None:
    add = _command(
        commands,
        "add",
        "write a new diary entry",
        "Save a new diary entry. With TEXT '-', the entry is read from standard input "
        "until its end (one final line break is dropped).",
    )
    add.add_argument("text", metavar="TEXT", help="what you want to write, or - for stdin")
    add.add_argument("--title", default="", help="a title for the entry")
    add.add_argument(
        "--tag", dest="tags", action="append", default=[], metavar="TAG", help="a tag (repeatable)"
    )
    add.add_argument("--mood", type=_mood, metavar="N", help="mood from 1 (awful) to 5 (great)")
    add.add_argument(
        "--date", type=_day, metavar="YYYY-MM-DD", help="the day it is about (default: today)"
    )


def _add_reading_commands(commands: Any) -> None:
    listing = _command(
        commands,
        "list",
        "show the newest entries",
        "Show the newest entries (not those in the trash), newest first.",
    )
    listing.add_argument(
        "-n", type=_count, default=DEFAULT_COUNT, metavar="N", help="how many (default 20)"
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    search = _command(
        commands,
        "search",
        "find entries by words, tags, mood and dates",
        'Find entries, best match first. Every word must match (as a word start); "quoted '
        'words" match as a phrase and #word matches a tag. Without QUERY, the newest '
        "entries that pass the filters are shown.",
    )
    search.add_argument("query", nargs="?", default="", metavar="QUERY", help="what to look for")
    search.add_argument(
        "-n", type=_count, default=DEFAULT_COUNT, metavar="N", help="at most N hits (default 20)"
    )
    search.add_argument("--tag", metavar="TAG", help="only entries with this tag")
    search.add_argument("--mood", type=_mood, metavar="N", help="only entries with this mood")
    search.add_argument(
        "--from", dest="date_from", type=_day, metavar="YYYY-MM-DD", help="only from this day on"
    )
    search.add_argument(
        "--to", dest="date_to", type=_day, metavar="YYYY-MM-DD", help="only up to this day"
    )
    search.add_argument("--json", action="store_true", help="print JSON")


def _add_transfer_commands(commands: Any) -> None:
    export = _command(
        commands,
        "export",
        "write diary, debriefs, goals and check-ins to JSON or Markdown",
        "Write the diary to a file. JSON holds everything (the trash and earlier versions "
        "of entries too) and can be imported again; Markdown is for reading and holds the "
        "entries that are not in the trash. Neither file is encrypted.",
    )
    export.add_argument(
        "--format",
        choices=("json", "markdown"),
        default="json",
        help="json (the default; can be imported) or markdown (to read)",
    )
    export.add_argument(
        "--output", "-o", type=Path, required=True, metavar="FILE", help="the file to write"
    )
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    importing = _command(
        commands,
        "import",
        "merge a JSON export into this profile",
        "Add the entries of a Regroup JSON export. The whole file is checked first; if "
        "any part is wrong, nothing is imported. Entries the diary already holds are "
        "skipped, so importing a file twice changes nothing.",
    )
    importing.add_argument("file", type=Path, metavar="FILE", help="a JSON file from 'export'")


_STAGES = ("applied", "screening_call", "interviews", "final_round", "offer_stage")


def _add_plan_commands(commands: Any) -> None:
    debrief = commands.add_parser(
        "debrief",
        help="list the debriefs of past applications",
        description="Work with debriefs: what happened in an application that did not "
        "work out, and what to take from it.",
    )
    debrief_commands = debrief.add_subparsers(dest="debrief_command", metavar="ACTION")
    debrief_commands.required = True
    listing = _command(
        debrief_commands,
        "list",
        "show debriefs, newest news first",
        "Show the debriefs that are not in the trash, newest news first, drafts included. "
        "QUERY matches words (as word starts) in the company, the role and every answer.",
    )
    listing.add_argument("query", nargs="?", default="", metavar="QUERY", help="words to find")
    listing.add_argument("--company", metavar="NAME", help="only debriefs about this company")
    listing.add_argument("--stage", choices=_STAGES, help="only debriefs that reached this stage")
    listing.add_argument(
        "--from", dest="date_from", type=_day, metavar="YYYY-MM-DD", help="news from this day on"
    )
    listing.add_argument(
        "--to", dest="date_to", type=_day, metavar="YYYY-MM-DD", help="news up to this day"
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    goals = commands.add_parser(
        "goals",
        help="list the goals board",
        description="Work with the goals board (next, doing, done).",
    )
    goal_commands = goals.add_subparsers(dest="goals_command", metavar="ACTION")
    goal_commands.required = True
    goal_list = _command(
        goal_commands,
        "list",
        "show the goals, column by column",
        "Show the goals in the columns next, doing and done, each in the order of the board.",
    )
    goal_list.add_argument(
        "--all", action="store_true", help="also show archived and dropped goals"
    )
    goal_list.add_argument("--json", action="store_true", help="print JSON")
    checkins = commands.add_parser(
        "checkins",
        help="list the move-on check-ins",
        description="Work with the move-on check-ins that saved debriefs plan.",
    )
    checkin_commands = checkins.add_subparsers(dest="checkins_command", metavar="ACTION")
    checkin_commands.required = True
    checkin_list = _command(
        checkin_commands,
        "list",
        "show check-ins due, missed, coming up and done",
        "Show the check-ins of debriefs not in the trash: due now and missed (oldest "
        "first), coming up (soonest first) and done (latest first). Times are local.",
    )
    checkin_list.add_argument("--json", action="store_true", help="print JSON")


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
    parser.add_argument(
        "--minimized",
        "--tray",
        action="store_true",
        help="open no window, only the tray icon (as when started at login)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _command(
        commands,
        "init",
        "create a new profile and print its recovery key",
        "Create a new, encrypted profile from the terminal.",
    )
    info = _command(
        commands,
        "info",
        "unlock the profile and describe it",
        "Unlock the profile (asking for the recovery key if needed) and describe it.",
    )
    info.add_argument("--json", action="store_true", help="print JSON")
    _add_writing_commands(commands)
    _add_reading_commands(commands)
    _add_transfer_commands(commands)
    _add_plan_commands(commands)
    return parser


def _error(message: str) -> int:
    print(f"regroup: error: {message}", file=sys.stderr)
    return EXIT_ERROR


@contextmanager
def _opened(data_dir: Path, create: bool = False) -> Iterator[Profile]:
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
    try:
        yield profile
    finally:
        profile.close()
        if profile.notice:
            print(profile.notice, file=sys.stderr)


def _entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _print_json(value: object) -> None:
    import json

    print(json.dumps(value, indent=2, ensure_ascii=False))


def _run_init(args: argparse.Namespace, data_dir: Path) -> int:
    with _opened(data_dir, create=True) as profile:
        info = profile.info()
    print(f"Created a new profile in {info.folder} (key in {info.storage.value}).")
    return 0


def _run_info(args: argparse.Namespace, data_dir: Path) -> int:
    with _opened(data_dir) as profile:
        info = profile.info()
    if args.json:
        from dataclasses import asdict

        _print_json(asdict(info))
    else:
        print(f"Profile:        {info.folder}")
        print(f"Key kept in:    {info.keyring_name or info.storage.value}")
        print(f"Unlocked with:  {info.unlocked_with.value}")
        print(f"Schema version: {info.schema_version}")
        print(f"Diary entries:  {info.entry_count}")
    return 0


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
        return _error(empty)
    with _opened(data_dir) as profile:
        body = _read_stdin_text() if args.text == "-" else args.text
        if _is_empty(body, args.title):
            return _error(empty)
        record = profile.diary.add(EntryContent(body, args.title, args.mood, args.tags, args.date))
    print(f"Added entry {record.id} for {record.entry_date.isoformat()}.")
    return 0


def _flat(text: str) -> str:
    """Make diary text safe for a terminal line: no line breaks, control characters or escapes."""
    import re

    return re.sub(r"[\s\x00-\x1f\x7f-\x9f]+", " ", text)


def _one_line(text: str) -> str:
    return _flat(text).strip()


def _summary_line(summary: EntrySummary) -> str:
    mood = f"{summary.mood}/5" if summary.mood else " - "
    text = _one_line(summary.title) or _one_line(summary.preview) or "(empty)"
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
    with _opened(data_dir) as profile:
        summaries = profile.browse.latest(args.n)
    if args.json:
        _print_json([_summary_json(summary) for summary in summaries])
    else:
        for summary in summaries:
            print(_summary_line(summary))
    if not summaries:
        print("The diary has no entries yet.", file=sys.stderr)
    return 0


def _snippet(hit: SearchHit, start: str, end: str, clean: Callable[[str], str]) -> str:
    from regroup.core.diary.types import HIGHLIGHT_END, HIGHLIGHT_START

    pieces = hit.snippet.replace(HIGHLIGHT_END, HIGHLIGHT_START).split(HIGHLIGHT_START)
    return "".join(
        (start + clean(piece) + end) if number % 2 else clean(piece)
        for number, piece in enumerate(pieces)
    )


def _print_hits(hits: list[SearchHit]) -> None:
    bold = sys.stdout.isatty()
    for hit in hits:
        print(_summary_line(hit.summary))
        if hit.snippet:
            start, end = (_BOLD, _PLAIN) if bold else ("[", "]")
            snippet = _snippet(hit, start, end, _flat)
            print(f"    {snippet.strip()}")


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
    with _opened(data_dir) as profile:
        hits = profile.search.search(query)
    if args.json:
        _print_json([_hit_json(hit) for hit in hits])
    else:
        _print_hits(hits)
    if not hits:
        print("No entries match.", file=sys.stderr)
    return 0


def _run_export(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.core.exchange.service import write_json_export, write_markdown_export

    target = args.output.expanduser().absolute()
    if target.exists() and not args.force:
        return _error(f"{target} already exists; use --force to replace it")
    if target.is_dir():
        return _error(f"{target} is a folder; name a file to write")
    with _opened(data_dir) as profile:
        write = write_json_export if args.format == "json" else write_markdown_export
        result = write(profile.db, target, profile.clock)
    details = f" ({result.trashed} of them in the trash)" if result.trashed else ""
    plans = ""
    if result.debriefs or result.goals:
        plans = f", {_plural(result.debriefs, 'debrief')} and {_plural(result.goals, 'goal')}"
    print(f"Exported {_entries(result.entries)}{details}{plans} to {target}.")
    print("The file is not encrypted; keep it somewhere safe.", file=sys.stderr)
    return 0


def _run_import(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.core.exchange.service import import_document, read_export

    document = read_export(args.file.expanduser())
    with _opened(data_dir) as profile:
        result = import_document(profile.db, document)
    print(
        f"Imported {_entries(result.added)} ({result.revisions_added} earlier versions); "
        f"skipped {result.skipped_existing} already in the diary."
    )
    if document.plans.debriefs or document.plans.goals:
        print(
            f"Imported {_plural(result.debriefs_added, 'debrief')}, "
            f"{_plural(result.goals_added, 'goal')} and "
            f"{_plural(result.checkins_added, 'check-in')}; the others were already there."
        )
    if result.ignored_sections:
        names = ", ".join(result.ignored_sections)
        print(f"Not imported (this version cannot read them): {names}.", file=sys.stderr)
    return 0


def _debrief_json(summary: DebriefSummary) -> dict[str, object]:
    return {
        "id": summary.id,
        "company": summary.company,
        "role": summary.role,
        "role_kind": summary.role_kind,
        "stage": summary.stage,
        "status": summary.status,
        "applied_on": summary.applied_on.isoformat() if summary.applied_on else None,
        "news_on": summary.news_on.isoformat() if summary.news_on else None,
        "checkin_due_at": summary.checkin_due_at.isoformat() if summary.checkin_due_at else None,
    }


def _debrief_line(summary: DebriefSummary) -> str:
    from regroup.core.debriefs.types import STAGE_LABELS

    day = summary.day.isoformat() if summary.day else "    -     "
    name = " — ".join(_one_line(text) for text in (summary.company, summary.role) if text.strip())
    stage = f"  [{STAGE_LABELS[summary.stage]}]" if summary.stage else ""
    draft = "  (draft)" if summary.status == "draft" else ""
    return f"{day}  {name or '(untitled)'}{stage}{draft}"


def _run_debrief(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.core.debriefs.types import DebriefQuery, Stage

    query = DebriefQuery(
        text=args.query,
        company=args.company,
        stage=Stage(args.stage) if args.stage else None,
        date_from=args.date_from,
        date_to=args.date_to,
    )
    with _opened(data_dir) as profile:
        found = profile.debrief_list.find(query)
    if args.json:
        _print_json([_debrief_json(summary) for summary in found])
    else:
        for summary in found:
            print(_debrief_line(summary))
    if not found:
        print("No debriefs match." if args.query else "No debriefs yet.", file=sys.stderr)
    return 0


def _goal_json(goal: GoalRecord) -> dict[str, object]:
    return {
        "id": goal.id,
        "title": goal.title,
        "lane": goal.lane,
        "category": goal.category,
        "due_on": goal.due_on.isoformat() if goal.due_on else None,
        "outcome": goal.outcome,
        "done_at": goal.done_at.isoformat() if goal.done_at else None,
        "source_debrief_id": goal.source_debrief_id,
    }


def _run_goals(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.core.goals.types import BOARD_LANES, LANE_LABELS, Lane

    lanes = tuple(Lane) if args.all else BOARD_LANES
    with _opened(data_dir) as profile:
        goals = profile.goals.records(lanes)
    if args.json:
        _print_json([_goal_json(goal) for goal in goals])
    else:
        for lane in lanes:
            in_lane = [goal for goal in goals if goal.lane == lane]
            print(f"{LANE_LABELS[lane]} ({len(in_lane)})")
            for goal in in_lane:
                due = f"  (due {goal.due_on.isoformat()})" if goal.due_on else ""
                print(f"  - {_one_line(goal.title)}{due}")
    if not goals:
        print("The board has no goals yet.", file=sys.stderr)
    return 0


def _moment(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _checkin_json(item: CheckinItem, status: str) -> dict[str, object]:
    c = item.checkin
    return {
        "id": c.id,
        "debrief_id": c.debrief_id,
        "company": item.company,
        "role": item.role,
        "status": status,
        "due_at": _moment(c.due_at),
        "next_due_at": _moment(c.next_due_at),
        "delivered_at": _moment(c.delivered_at),
        "snoozed_until": _moment(c.snoozed_until),
        "missed_at": _moment(c.missed_at),
        "done_at": _moment(c.done_at),
        "feeling": c.feeling,
        "ready": c.ready,
        "what_helped": c.what_helped,
        "next_step": c.next_step,
    }


_CHECKIN_SECTIONS = (
    ("due", "Due now"),
    ("missed", "Missed"),
    ("upcoming", "Coming up"),
    ("done", "Done"),
)


def _local(value: datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _run_checkins(args: argparse.Namespace, data_dir: Path) -> int:
    with _opened(data_dir) as profile:
        overview = profile.checkin_list.overview()
    sections = [(key, title, getattr(overview, key)) for key, title in _CHECKIN_SECTIONS]
    if args.json:
        _print_json([_checkin_json(item, key) for key, _title, items in sections for item in items])
    else:
        for key, title, items in sections:
            print(f"{title} ({len(items)})")
            for item in items:
                c = item.checkin
                if key == "done" and c.done_at is not None:
                    when = f"closed {_local(c.done_at)}"
                elif key == "upcoming":
                    when = f"on {_local(c.next_due_at)}"
                else:
                    when = f"since {_local(c.next_due_at)}"
                print(f"  - {_one_line(item.title)}  ({when})")
    if not any(items for _key, _title, items in sections):
        print("No check-ins yet: saving a debrief with days to mourn plans one.", file=sys.stderr)
    return 0


_COMMANDS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "init": _run_init,
    "info": _run_info,
    "add": _run_add,
    "list": _run_list,
    "search": _run_search,
    "export": _run_export,
    "import": _run_import,
    "debrief": _run_debrief,
    "goals": _run_goals,
    "checkins": _run_checkins,
}


def _run_command(args: argparse.Namespace, data_dir: Path) -> int:
    return _COMMANDS[args.command](args, data_dir)


def _run_gui(data_dir: Path, minimized: bool = False) -> int:
    # The key is read by a child process (see core.key_reader) while this one imports
    # the core and then PySide6, in that order: once PySide6 is loaded, every further
    # import pays for its signature machinery.
    from regroup.core.keys.key_file import keyring_profile_id
    from regroup.core.paths import ProfilePaths

    profile_id = keyring_profile_id(ProfilePaths(data_dir).key_file)
    keystore: KeyStore
    if profile_id:
        from regroup.core.keys.key_reader import ChildProcessKeyStore

        keystore = ChildProcessKeyStore(profile_id)
    else:
        from regroup.core.keys.keystore import SystemKeyStore

        keystore = SystemKeyStore()
    import regroup.core.profile  # noqa: F401
    from regroup.gui.app import run_gui

    return run_gui(data_dir, keystore, minimized)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the GUI or a command; return the exit status."""
    # Start-up creates many long-lived objects and no garbage worth collecting; the GUI
    # turns the collector back on once its window is up (gui.app.enable_gc_after_start).
    gc.disable()
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == [READER_FLAG]:
        from regroup.core.keys.key_reader import run_reader

        return run_reader(arguments[1:])
    args = build_parser().parse_args(arguments)
    logging.basicConfig(level=logging.WARNING, format="regroup: %(levelname)s: %(message)s")
    from regroup.core.errors import RegroupError, UnlockCancelledError
    from regroup.core.paths import default_data_dir

    data_dir = (args.data_dir or default_data_dir()).expanduser().absolute()
    if args.command is None:
        return _run_gui(data_dir, args.minimized)
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
    except BrokenPipeError:
        # The reader (e.g. ``head``) stopped early; keep Python from complaining at exit.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
