"""The sentences an import says, shared by the command line and the window.

Calm and plain: what will come in, what stays as it is, and what cannot come along
and why (never a silent drop).
"""

from __future__ import annotations

from collections.abc import Sequence

from regroup.core.exchange.importers.plan import FORMAT_NAMES, Skipped
from regroup.core.exchange.importers.service import ImportOutcome, ImportPreview

SHOWN_SKIPS = 5


def count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def skipped_lines(skipped: Sequence[Skipped], media: int, future: bool) -> list[str]:
    """Say what will not (or did not) become an entry, naming the first few and why."""
    lines = []
    if media:
        verb = "will stay behind" if future else "stayed behind"
        lines.append(
            f"{count(media, 'photo or other attachment', 'photos and other attachments')} "
            f"{verb}: Regroup keeps the words only."
        )
    if skipped:
        one = len(skipped) == 1
        verb = "will be left out" if future else ("was left out" if one else "were left out")
        lines.append(f"{count(len(skipped), 'item', 'items')} {verb}:")
        lines += [f"  {item.where} {item.reason}." for item in skipped[:SHOWN_SKIPS]]
        if len(skipped) > SHOWN_SKIPS:
            lines.append(f"  … and {len(skipped) - SHOWN_SKIPS:,} more like these.")
    return lines


def preview_lines(preview: ImportPreview) -> list[str]:
    """What importing would do, before anything is written."""
    plan = preview.plan
    source = FORMAT_NAMES[plan.format]
    if preview.new:
        lines = [f"{count(preview.new, 'new entry', 'new entries')} from {source}."]
    else:
        lines = [f"No new entries: everything in this {source} file is in your diary already."]
    if preview.already_there and preview.new:
        lines.append(
            f"{count(preview.already_there, 'entry is', 'entries are')} in your diary already "
            "and will be left as they are."
        )
    plans = [
        count(preview.debriefs, "debrief", "debriefs") if preview.debriefs else "",
        count(preview.goals, "goal", "goals") if preview.goals else "",
        count(preview.checkins, "check-in", "check-ins") if preview.checkins else "",
    ]
    if any(plans):
        lines.append("Also in the file: " + ", ".join(p for p in plans if p) + ".")
    return lines + skipped_lines(plan.skipped, plan.media_skipped, future=True)


def outcome_lines(outcome: ImportOutcome) -> list[str]:
    """What the import did, in kind words."""
    source = FORMAT_NAMES[outcome.format]
    if outcome.added:
        lines = [f"Added {count(outcome.added, 'entry', 'entries')} from {source} to your diary."]
    else:
        lines = ["Nothing new to add: your diary holds all of these entries already."]
    if outcome.already_there and outcome.added:
        lines.append(
            f"{count(outcome.already_there, 'entry was', 'entries were')} there already "
            "and stayed as they were."
        )
    return lines + skipped_lines(outcome.skipped, outcome.media_skipped, future=False)
