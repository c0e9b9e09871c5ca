"""The words a reading export shows for each record, shared by its Markdown and its PDF.

Each debrief becomes the sections of its form, each section its short facts and its
longer answers; the two formats only lay these out, so they say the same things
with the same labels as the window.
"""

from __future__ import annotations

import re
from datetime import date

from regroup.core.debriefs.thinking_traps import trap_by_id
from regroup.core.debriefs.types import NEWS_VIA_LABELS, STAGE_LABELS, KeepLooking
from regroup.core.diary.types import MOOD_LABELS
from regroup.core.exchange.readable import (
    Readable,
    ReadableCheckin,
    ReadableDebrief,
    ReadableEntry,
    ReadableGoal,
)
from regroup.core.goals.types import CATEGORY_LABELS
from regroup.core.record import record

KEEP_LOOKING_LABELS = {
    KeepLooking.YES: "Yes",
    KeepLooking.NOT_SURE: "Not sure",
    KeepLooking.NO: "No",
}
_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
NOT_INCLUDED = (
    "Entries and debriefs in the trash are not included. This file is not encrypted, "
    "and it cannot be imported back; use the JSON export for a copy that can be restored."
)


@record
class Answer:
    """A longer answer: free text (maybe several paragraphs) or a list of lines."""

    label: str
    text: str = ""
    items: tuple[str, ...] = ()


@record
class Part:
    """One section of a debrief: short facts (label, value), then longer answers."""

    title: str
    facts: tuple[tuple[str, str], ...]
    answers: tuple[Answer, ...] = ()


def plain(text: str) -> str:
    """Return text with one kind of line break and no NUL, which neither format can show."""
    return _NEWLINES.sub("\n", text).replace("\x00", "\ufffd")


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _scale(value: int | None) -> str:
    return f"{value}/5" if value is not None else ""


def _choice(value: bool | None, yes: str, no: str) -> str:
    return "" if value is None else (yes if value else no)


def _part(title: str, facts: list[tuple[str, str]], answers: list[Answer]) -> Part | None:
    shown_facts = tuple((label, value) for label, value in facts if value.strip())
    shown = tuple(a for a in answers if a.text.strip() or any(i.strip() for i in a.items))
    return Part(title, shown_facts, shown) if shown_facts or shown else None


def trap_name(trap_id: str) -> str:
    trap = trap_by_id(trap_id)
    return trap.name if trap else trap_id


def _checkin_part(checkin: ReadableCheckin) -> Part | None:
    return _part(
        "Move-on check-in",
        [
            ("Due" if checkin.done_on is None else "Was due", _iso(checkin.due_on)),
            ("Answered on", _iso(checkin.done_on)),
            ("How I feel about it now", _scale(checkin.feeling)),
            ("Ready to move on", _choice(checkin.ready, "Yes", "Not yet")),
        ],
        [Answer("What helped", checkin.what_helped), Answer("Next step", checkin.next_step)],
    )


def debrief_parts(debrief: ReadableDebrief) -> tuple[Part, ...]:
    """Return the debrief's sections with everything filled in, in the form's order."""
    c = debrief.content
    rounds = "" if c.interview_rounds is None else str(c.interview_rounds)
    days = "" if c.mourning_days is None else f"{c.mourning_days} days"
    parts = [
        _part(
            "The application",
            [
                ("Company", " ".join(c.company.split())),
                ("Role", " ".join(c.role.split())),
                ("Kind of role", " ".join(c.role_kind.split())),
                ("Date applied", _iso(c.applied_on)),
                ("Stage reached", STAGE_LABELS[c.stage] if c.stage else ""),
                ("Interview rounds", rounds),
            ],
            [],
        ),
        _part(
            "The news",
            [
                ("The news came on", _iso(c.news_on)),
                ("It came as", NEWS_VIA_LABELS[c.news_via] if c.news_via else ""),
                ("Feedback asked for", _choice(c.feedback_asked, "Yes, I asked", "Not (yet)")),
            ],
            [Answer("What came back", c.feedback_received)],
        ),
        _part(
            "Looking back",
            [
                ("How prepared I was", _scale(c.preparedness)),
                (
                    "Resume targeted",
                    _choice(c.resume_targeted, "Yes, for this job", "No, a general one"),
                ),
            ],
            [
                Answer("What went well", c.went_well),
                Answer("What I would do differently", items=c.do_differently),
                Answer("Strengths to lead with", c.strengths),
            ],
        ),
        _part(
            "Looking ahead",
            [
                ("How much I wanted it", _scale(c.wanted)),
                (
                    "Keep looking for this kind of job",
                    KEEP_LOOKING_LABELS[c.keep_looking] if c.keep_looking else "",
                ),
            ],
            [
                Answer("Thinking traps", items=tuple(trap_name(t) for t in c.traps)),
                Answer("A kinder reframe", c.reframe),
                Answer("Lessons", c.lessons),
                Answer("Anything else", c.notes),
            ],
        ),
        _part(
            "Moving on",
            [
                ("Days before the check-in", days),
                ("Linked diary entries", ", ".join(_iso(day) for day in debrief.linked_days)),
            ],
            [],
        ),
        _checkin_part(debrief.checkin) if debrief.checkin else None,
    ]
    return tuple(part for part in parts if part is not None)


def entry_details(entry: ReadableEntry) -> tuple[str, tuple[str, ...]]:
    """Return the entry's mood in words ("" without one) and its tags."""
    mood = f"Mood: {entry.mood}/5 ({MOOD_LABELS[entry.mood]})" if entry.mood else ""
    return mood, entry.tags


def goal_details(goal: ReadableGoal) -> tuple[str, list[tuple[str, str]]]:
    """Return the goal's short details ("Skills, due 2026-05-01") and its longer notes."""
    details = [CATEGORY_LABELS[goal.category]] if goal.category else []
    details += [f"due {goal.due_on.isoformat()}"] if goal.due_on else []
    details += [f"done {goal.done_on.isoformat()}"] if goal.done_on else []
    notes = []
    if goal.source is not None:
        notes.append(("From the debrief", goal.source))
    line = " ".join((goal.source_line or "").split())
    if line and line != " ".join(goal.title.split()):
        notes.append(("From the line", line))
    if goal.outcome.strip():
        notes.append(("Outcome", goal.outcome))
    return ", ".join(details), notes


def _plural(count: int, word: str, many: str = "") -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def contents_text(entries: int, debriefs: int = 0, goals: int = 0, checkins: int = 0) -> str:
    """Say what a file holds: "4 entries, 2 debriefs, 3 goals and 1 check-in".

    Kinds the file holds none of are left out, except entries when it holds nothing.
    """
    kinds = [
        _plural(count, word, many)
        for count, word, many in (
            (entries, "entry", "entries"),
            (debriefs, "debrief", ""),
            (goals, "goal", ""),
            (checkins, "check-in", ""),
        )
        if count
    ]
    if not kinds:
        return "0 entries"
    return kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]


def readable_counts(readable: Readable) -> str:
    r = readable
    return contents_text(len(r.entries), len(r.debriefs), len(r.goals), r.checkins)


def scope_title(readable: Readable) -> str:
    """Return the export's title: what part of the profile it holds."""
    scope = readable.scope
    if scope.debrief_id is not None:
        title = readable.debriefs[0].title if readable.debriefs else "a debrief"
        return f"Debrief: {title}"
    return "Regroup diary" if not scope.plans else "Regroup: diary, debriefs and goals"


def scope_range(readable: Readable) -> str:
    """Return the days the diary part covers, as asked or as found ("" without entries)."""
    scope = readable.scope
    if scope.debrief_id is not None:
        return ""
    first = scope.date_from or readable.first_day
    last = scope.date_to or readable.last_day
    if first is None and last is None:
        return ""
    if first is not None and last is not None:
        return f"{first.isoformat()} to {last.isoformat()}"
    return f"from {first.isoformat()}" if first else f"until {last.isoformat()}"  # type: ignore[union-attr]
