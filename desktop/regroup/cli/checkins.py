"""``regroup checkins list``: the move-on check-ins due, missed, coming up and done."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from regroup.cli.arguments import command, group, json_option
from regroup.cli.output import iso, one_line, show
from regroup.cli.profile import opened

if TYPE_CHECKING:
    from datetime import datetime

    from regroup.cli.arguments import Commands
    from regroup.core.checkins.types import CheckinItem, CheckinOverview

_SECTIONS = (
    ("due", "Due now"),
    ("missed", "Missed"),
    ("upcoming", "Coming up"),
    ("done", "Done"),
)


def register(commands: Commands) -> None:
    actions = group(
        commands,
        "checkins",
        "list the move-on check-ins",
        "Work with the move-on check-ins that saved debriefs plan.",
    )
    listing = command(
        actions,
        "list",
        "show check-ins due, missed, coming up and done",
        "Show the check-ins of debriefs not in the trash: due now and missed (oldest "
        "first), coming up (soonest first) and done (latest first). Times are local.",
        _run_list,
    )
    json_option(listing)


def _checkin_json(section_item: tuple[str, CheckinItem]) -> dict[str, object]:
    status, item = section_item
    c = item.checkin
    return {
        "id": c.id,
        "debrief_id": c.debrief_id,
        "company": item.company,
        "role": item.role,
        "status": status,
        "due_at": iso(c.due_at),
        "next_due_at": iso(c.next_due_at),
        "delivered_at": iso(c.delivered_at),
        "snoozed_until": iso(c.snoozed_until),
        "missed_at": iso(c.missed_at),
        "done_at": iso(c.done_at),
        "feeling": c.feeling,
        "ready": c.ready,
        "what_helped": c.what_helped,
        "next_step": c.next_step,
    }


def _local(value: datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _section_lines(overview: CheckinOverview) -> Iterator[str]:
    for key, title in _SECTIONS:
        items: tuple[CheckinItem, ...] = getattr(overview, key)
        yield f"{title} ({len(items)})"
        for item in items:
            c = item.checkin
            if key == "done" and c.done_at is not None:
                when = f"closed {_local(c.done_at)}"
            elif key == "upcoming":
                when = f"on {_local(c.next_due_at)}"
            else:
                when = f"since {_local(c.next_due_at)}"
            yield f"  - {one_line(item.title)}  ({when})"


def _run_list(args: argparse.Namespace, data_dir: Path) -> int:
    with opened(data_dir) as profile:
        overview = profile.checkin_list.overview()
    listed = [(key, item) for key, _title in _SECTIONS for item in getattr(overview, key)]
    return show(
        args.json,
        listed,
        _checkin_json,
        lambda: _section_lines(overview),
        "No check-ins yet: saving a debrief with days to mourn plans one.",
    )
