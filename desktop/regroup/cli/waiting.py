"""``regroup waiting``: applications still waiting to hear back, added, listed and closed."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from regroup.cli.arguments import command, day, group, json_option, record_id
from regroup.cli.output import iso, one_line, show
from regroup.cli.profile import opened

if TYPE_CHECKING:
    from regroup.cli.arguments import Commands
    from regroup.core.waiting.types import WaitingItem

STAGES = ("applied", "screening_call", "interviews", "final_round", "offer_stage")
"""The values of ``core.debriefs.types.Stage``; spelled out so ``--help`` imports nothing."""


def _item_id(text: str) -> int:
    try:
        return record_id(text)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            f"{text[:40]!r} is not an id; 'waiting list' shows them"
        ) from None


def register(commands: Commands) -> None:
    actions = group(
        commands,
        "waiting",
        "list and add applications waiting to hear back",
        "Keep a list of applications that have not answered yet. Once one has been quiet "
        "for the days set in Settings (21 unless changed), Regroup offers to close it.",
    )
    listing = command(
        actions,
        "list",
        "show the applications waiting to hear back",
        "Show the applications on the waiting list, the longest quiet first, with their id.",
        _run_list,
    )
    json_option(listing)
    adding = command(
        actions,
        "add",
        "put an application on the waiting list",
        "Put an application on the waiting list. Give the company, the role or both.",
        _run_add,
    )
    adding.add_argument("--company", default="", help="the company applied to")
    adding.add_argument("--role", default="", help="the role applied for")
    adding.add_argument(
        "--applied", type=day, metavar="YYYY-MM-DD", help="the day you applied (default: today)"
    )
    adding.add_argument(
        "--stage", choices=STAGES, default="applied", help="how far it has got (default: applied)"
    )
    adding.add_argument("--note", default="", help="a note to keep with it")
    removing = command(
        actions,
        "remove",
        "take an application off the list",
        "Take an application off the waiting list for good, without a debrief.",
        _run_remove,
    )
    removing.add_argument("id", type=_item_id, help="the application's id (see 'waiting list')")
    closing = command(
        actions,
        "close",
        "turn an application into a debrief draft",
        "Take an application off the waiting list and start a debrief draft from it, with "
        "its company, role, day applied and stage. Unless --heard-back is given, the news "
        "is recorded as no reply at all. Finish the debrief in the window.",
        _run_close,
    )
    closing.add_argument("id", type=_item_id, help="the application's id (see 'waiting list')")
    closing.add_argument(
        "--heard-back", action="store_true", help="they did answer: leave how the news came empty"
    )


def _item_json(item: WaitingItem) -> dict[str, object]:
    c = item.content
    return {
        "id": item.id,
        "company": c.company,
        "role": c.role,
        "applied_on": iso(c.applied_on),
        "stage": c.stage.value,
        "note": c.note,
        "quiet_since": iso(item.quiet_since),
        "days_quiet": item.days_quiet,
        "quiet": item.quiet,
    }


def _name(item: WaitingItem) -> str:
    parts = (one_line(item.content.company), one_line(item.content.role))
    return " — ".join(part for part in parts if part)


def _lines(items: list[WaitingItem]) -> Iterator[str]:
    from regroup.core.debriefs.types import STAGE_LABELS

    for item in items:
        stage = STAGE_LABELS[item.content.stage].lower()
        quiet = ", quiet for a while" if item.quiet else ""
        yield (
            f"{item.id:>4}  {_name(item)}  (applied {item.content.applied_on.isoformat()}, "
            f"{stage}, {item.days_quiet} days without news{quiet})"
        )


def _run_list(args: argparse.Namespace, data_dir: Path) -> int:
    with opened(data_dir) as profile:
        items = profile.waiting.list()
    return show(
        args.json,
        items,
        _item_json,
        lambda: _lines(items),
        "Nothing is waiting: add an application with 'regroup waiting add'.",
    )


def _run_add(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.core.debriefs.types import Stage
    from regroup.core.waiting.types import WaitingContent

    with opened(data_dir) as profile:
        applied = args.applied or profile.clock.today()
        content = WaitingContent(args.company, args.role, applied, Stage(args.stage), args.note)
        item = profile.waiting.add(content)
    print(f"Added {item.id}: {_name(item)}, waiting since {applied.isoformat()}.")
    return 0


def _run_remove(args: argparse.Namespace, data_dir: Path) -> int:
    with opened(data_dir) as profile:
        profile.waiting.remove(args.id)
    print(f"Removed {args.id} from the waiting list.")
    return 0


def _run_close(args: argparse.Namespace, data_dir: Path) -> int:
    with opened(data_dir) as profile:
        debrief_id = profile.waiting.close(args.id, no_reply=not args.heard_back)
    print(
        f"Debrief draft {debrief_id} started; finish it under Debriefs when you are ready.",
    )
    return 0
