"""What a PDF export prints and in which order, as the HTML subset Qt's text document reads.

The window and ``regroup export --format pdf`` both print this; only the painting
onto pages (page size, fonts, page numbers) is Qt's, in ``gui.exchange.pdf_writer``.
Everything the person typed is escaped, and NUL (which Qt's layout cannot show)
becomes U+FFFD, so no text can change the layout or break it.
"""

from __future__ import annotations

import html
import re
from datetime import date
from itertools import groupby
from pathlib import Path

from peewee import SqliteDatabase

from regroup.core.clock import Clock, SystemClock
from regroup.core.exchange.export_file import write_export_file
from regroup.core.exchange.readable import (
    Readable,
    ReadableDebrief,
    ReadableEntry,
    Scope,
    read_readable,
)
from regroup.core.exchange.readable_parts import (
    Answer,
    debrief_parts,
    entry_details,
    goal_details,
    plain,
    readable_counts,
    scope_range,
    scope_title,
)
from regroup.core.goals.types import LANE_LABELS, Lane
from regroup.core.record import record

PAGE_BREAK = ' style="page-break-before: always"'


@record
class PrintDocument:
    """A PDF's title (for its metadata), its HTML, and what it holds, to report afterwards."""

    title: str
    html: str
    readable: Readable


def text(value: str) -> str:
    """Escape one line of typed text for HTML."""
    return html.escape(plain(value), quote=False)


def one_line(value: str) -> str:
    return text(" ".join(value.split()))


def long_text(value: str) -> str:
    """Return typed text as paragraphs, its single line breaks kept."""
    blocks = re.split(r"\n[ \t]*\n", plain(value).strip())
    return "".join(
        f"<p>{'<br/>'.join(text(line) for line in block.split(chr(10)))}</p>"
        for block in blocks
        if block.strip()
    )


def long_day(day: date) -> str:
    """Return a day the way a letter gives it: "Monday, 16 March 2026"."""
    return f"{day:%A}, {day.day} {day:%B} {day.year}"


def _entry(entry: ReadableEntry) -> str:
    parts = [f"<h3>{one_line(entry.title)}</h3>"] if entry.title.strip() else []
    mood, tags = entry_details(entry)
    details = [mood] if mood else []
    details += [" ".join(f"#{tag}" for tag in tags)] if tags else []
    if details:
        parts.append(f'<p class="details">{one_line(" · ".join(details))}</p>')
    parts.append(long_text(entry.body) or '<p class="details">(No text)</p>')
    return "".join(parts)


def _diary(readable: Readable) -> str:
    parts = ["<h1>Diary</h1>"] if readable.scope.plans else []
    oldest_first = reversed(readable.entries)  # read like a journal, page after page
    for day, entries in groupby(oldest_first, key=lambda entry: entry.day):
        parts.append(f"<h2>{long_day(day)}</h2>")
        parts += [_entry(entry) for entry in entries]
    return "".join(parts)


def _answer(answer: Answer) -> str:
    label = f'<p class="label">{text(answer.label)}</p>'
    if answer.items:
        return label + "<ul>" + "".join(f"<li>{one_line(i)}</li>" for i in answer.items) + "</ul>"
    return label + long_text(answer.text)


def _debrief(debrief: ReadableDebrief, heading: str) -> str:
    draft = " (draft)" if debrief.draft else ""
    parts = [f"<{heading}>{one_line(debrief.title)}{draft}</{heading}>"]
    for part in debrief_parts(debrief):
        parts.append(f"<h3>{text(part.title)}</h3>")
        if part.facts:
            rows = "".join(
                f'<tr><td class="label">{text(label)}</td><td>{one_line(value)}</td></tr>'
                for label, value in part.facts
            )
            parts.append(f'<table class="facts" cellspacing="0" cellpadding="2">{rows}</table>')
        parts += [_answer(answer) for answer in part.answers]
    return "".join(parts)


def _goals(readable: Readable) -> str:
    parts = []
    for lane, goals in groupby(readable.goals, key=lambda goal: goal.lane):
        parts.append(f'<h2>{LANE_LABELS[lane]}</h2><ul style="list-style-type: none">')
        for goal in goals:
            details, notes = goal_details(goal)
            mark = "☑" if lane == Lane.DONE else "☐"
            line = f"{mark} {one_line(goal.title)}"
            line += f' <span class="details">({text(details)})</span>' if details else ""
            for label, note in notes:
                line += f'<br/><span class="details">{text(label)}: {one_line(note)}</span>'
            parts.append(f"<li>{line}</li>")
        parts.append("</ul>")
    return "".join(parts)


def _title_page(readable: Readable, exported_on: date) -> str:
    days = scope_range(readable)
    parts = [
        '<p class="spacer">&nbsp;</p><p class="brand">Regroup</p>',
        f'<h1 class="title">{one_line(scope_title(readable))}</h1>',
        f'<p class="range">{text(days)}</p>' if days else "",
        f'<p class="meta">{readable_counts(readable).capitalize()}. '
        f"Exported on {long_day(exported_on)}.</p>",
        '<p class="meta">Entries and debriefs in the trash are not included. '
        "This file is not encrypted; keep it somewhere safe.</p>",
    ]
    return '<div class="titlepage">' + "".join(parts) + "</div>"


def print_document(readable: Readable, exported_on: date) -> PrintDocument:
    """Lay out ``readable`` for printing: a title page, then each part on a new page."""
    sections = []
    if readable.entries:
        sections.append(_diary(readable))
    if readable.debriefs:
        if readable.scope.debrief_id is not None:
            sections.append(_debrief(readable.debriefs[0], "h1"))
        else:
            debriefs = "".join(_debrief(d, "h2") for d in readable.debriefs)
            sections.append("<h1>Debriefs</h1>" + debriefs)
    if readable.goals:
        heading = "Goals from this debrief" if readable.scope.debrief_id is not None else "Goals"
        sections.append(f"<h1>{heading}</h1>" + _goals(readable))
    if not sections:
        sections.append('<p class="details">There is nothing to show here yet.</p>')
    body = "".join(
        f"<div{PAGE_BREAK}>{section}</div>" for section in sections
    )  # each part starts on a page of its own
    page = f"<html><body>{_title_page(readable, exported_on)}{body}</body></html>"
    return PrintDocument(scope_title(readable), page, readable)


def printable(db: SqliteDatabase, scope: Scope, clock: Clock | None = None) -> PrintDocument:
    """Read ``scope`` from the profile and lay it out for printing."""
    return print_document(read_readable(db, scope), (clock or SystemClock()).today())


def save_printed(
    path: Path, data: bytes, db: SqliteDatabase | None = None, replace: bool = True
) -> None:
    """Write a rendered PDF to ``path`` in one step (never half a file, never a stray copy)."""
    write_export_file(path, data, db, replace)
