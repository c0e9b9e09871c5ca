"""``regroup debrief list``: the debriefs of past applications, found by words, stage and dates."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from regroup.cli.arguments import command, date_range_options, group, json_option
from regroup.cli.output import iso, one_line, show
from regroup.cli.profile import opened

if TYPE_CHECKING:
    from regroup.cli.arguments import Commands
    from regroup.core.debriefs.types import DebriefSummary

_STAGES = ("applied", "screening_call", "interviews", "final_round", "offer_stage")


def register(commands: Commands) -> None:
    actions = group(
        commands,
        "debrief",
        "list the debriefs of past applications",
        "Work with debriefs: what happened in an application that did not "
        "work out, and what to take from it.",
    )
    listing = command(
        actions,
        "list",
        "show debriefs, newest news first",
        "Show the debriefs that are not in the trash, newest news first, drafts included. "
        "QUERY matches words (as word starts) in the company, the role and every answer.",
        _run_list,
    )
    listing.add_argument("query", nargs="?", default="", metavar="QUERY", help="words to find")
    listing.add_argument("--company", metavar="NAME", help="only debriefs about this company")
    listing.add_argument("--stage", choices=_STAGES, help="only debriefs that reached this stage")
    date_range_options(listing, "news from this day on", "news up to this day")
    json_option(listing)


def _debrief_json(summary: DebriefSummary) -> dict[str, object]:
    return {
        "id": summary.id,
        "company": summary.company,
        "role": summary.role,
        "role_kind": summary.role_kind,
        "stage": summary.stage,
        "status": summary.status,
        "applied_on": iso(summary.applied_on),
        "news_on": iso(summary.news_on),
        "checkin_due_at": iso(summary.checkin_due_at),
    }


def _debrief_line(summary: DebriefSummary) -> str:
    from regroup.core.debriefs.types import STAGE_LABELS

    day = summary.day.isoformat() if summary.day else "    -     "
    name = " — ".join(one_line(text) for text in (summary.company, summary.role) if text.strip())
    stage = f"  [{STAGE_LABELS[summary.stage]}]" if summary.stage else ""
    draft = "  (draft)" if summary.status == "draft" else ""
    return f"{day}  {name or '(untitled)'}{stage}{draft}"


def _run_list(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.core.debriefs.types import DebriefQuery, Stage

    query = DebriefQuery(
        text=args.query,
        company=args.company,
        stage=Stage(args.stage) if args.stage else None,
        date_from=args.date_from,
        date_to=args.date_to,
    )
    with opened(data_dir) as profile:
        found = profile.debrief_list.find(query)
    return show(
        args.json,
        found,
        _debrief_json,
        lambda: map(_debrief_line, found),
        "No debriefs match." if args.query else "No debriefs yet.",
    )
