"""The Markdown export: every entry, debrief, goal and check-in, to read in any editor.

Form answers are plain text, so characters Markdown would read as markup are
escaped there ("*" stays a star); line breaks are kept (paragraphs stay paragraphs,
lines that start with "- " or "1." stay a list). Entry bodies are already Markdown,
written in the Diary's editor, and are kept as written, with their headings moved
below the entry's own heading so the file's outline stays whole.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from regroup import __version__
from regroup.core.exchange.readable import Readable, ReadableDebrief, ReadableEntry
from regroup.core.exchange.readable_parts import (
    NOT_INCLUDED,
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

_INLINE = re.compile(r"([\\`*_\[\]<>&~|])")
_LINE_START = re.compile(r"^([#+=-])")
_NUMBERED = re.compile(r"^(\d{1,9})([.)])")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|(\d{1,9})[.)])\s+(.*)$")
_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
HARD_BREAK = "  \n"


def escape_line(text: str) -> str:
    """Escape one line of plain text so Markdown shows it as typed."""
    text = _INLINE.sub(r"\\\1", plain(text).strip())
    text = _LINE_START.sub(r"\\\1", text)
    return _NUMBERED.sub(r"\1\\\2", text)


def inline(text: str) -> str:
    """Escape a short text (a title, a tag) and put it on one line."""
    return escape_line(" ".join(plain(text).split()))


def paragraphs(text: str) -> str:
    """Render a free-text answer: paragraphs stay paragraphs, lines stay lines, lists lists."""
    blocks = []
    for block in re.split(r"\n[ \t]*\n", plain(text).strip("\n")):
        runs: list[tuple[bool, list[str]]] = []
        for line in block.split("\n"):
            if not line.strip():
                continue
            item = _LIST_ITEM.match(line)
            rendered = (
                f"{item.group(1) + '.' if item.group(1) else '-'} {escape_line(item.group(2))}"
                if item
                else escape_line(line)
            )
            if runs and runs[-1][0] == bool(item):
                runs[-1][1].append(rendered)
            else:
                runs.append((bool(item), [rendered]))
        blocks += [("\n" if listed else HARD_BREAK).join(lines) for listed, lines in runs]
    return "\n\n".join(blocks)


def body_markdown(body: str) -> str:
    """Return an entry's own Markdown with its headings two levels lower (at most ######)."""
    lines = []
    fence = ""
    for line in plain(body).rstrip("\n").split("\n"):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
        elif opened:
            fence = opened.group(1)
        else:
            line = _HEADING.sub(lambda m: m.group(1) + "#" * min(6, len(m.group(2)) + 2), line)
        lines.append(line)
    return "\n".join(lines)


def _answer(answer: Answer, level: str = "") -> str:
    if answer.items:
        lines = "\n".join(f"- {inline(item)}" for item in answer.items if item.strip())
        return f"{level}**{answer.label}:**\n\n{lines}"
    return f"{level}**{answer.label}:**\n\n{paragraphs(answer.text)}"


def entry_markdown(entry: ReadableEntry) -> str:
    heading = f"## {entry.day.isoformat()}"
    if entry.title.strip():
        heading += " — " + inline(entry.title)
    mood, tags = entry_details(entry)
    details = " ".join(f"#{inline(tag)}" for tag in tags)
    if mood:
        details = mood + (f" · {details}" if details else "")
    elif details:
        details = "Tags: " + details
    parts = [heading, details, body_markdown(entry.body)]
    return "\n\n".join(part for part in parts if part.strip()) + "\n\n"


def debrief_markdown(debrief: ReadableDebrief) -> str:
    lines = [f"## {inline(debrief.title)}" + (" (draft)" if debrief.draft else "")]
    for part in debrief_parts(debrief):
        lines.append(f"### {part.title}")
        if part.facts:
            lines.append("\n".join(f"- {label}: {inline(value)}" for label, value in part.facts))
        lines += [_answer(answer) for answer in part.answers]
    return "\n\n".join(lines) + "\n\n"


def goals_markdown(readable: Readable) -> str:
    parts = ["# Goals\n"] if readable.goals else []
    lane: Lane | None = None
    for goal in readable.goals:
        if goal.lane != lane:
            lane = goal.lane
            parts.append(f"\n## {LANE_LABELS[lane]}\n\n")
        details, notes = goal_details(goal)
        mark = "x" if goal.lane == Lane.DONE else " "
        line = f"- [{mark}] {inline(goal.title)}" + (f" ({details})" if details else "")
        for label, text in notes:
            line += f"{HARD_BREAK}  {label}: {inline(text)}"
        parts.append(line + "\n")
    return "".join(parts)


def readable_markdown(readable: Readable, now: datetime) -> str:
    """Return the whole Markdown file for ``readable``, exported at ``now``."""
    stamp = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    days = scope_range(readable)
    covers = f" The diary part covers {days}." if days and readable.scope.diary else ""
    order = " Entries are newest first." if readable.entries else ""
    header = (
        f"# {inline(scope_title(readable))}\n\n"
        f"Exported from Regroup {__version__} on {stamp}. It holds "
        f"{readable_counts(readable)}.{covers}{order}\n\n"
        f"{NOT_INCLUDED}\n\n"
    )
    diary = "# Diary\n\n" if readable.entries and readable.scope.plans else ""
    diary += "".join(entry_markdown(entry) for entry in readable.entries)
    debriefs = "# Debriefs\n\n" if readable.debriefs else ""
    debriefs += "".join(debrief_markdown(debrief) for debrief in readable.debriefs)
    return header + diary + debriefs + goals_markdown(readable)
