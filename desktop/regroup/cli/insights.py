"""``regroup insights``: every figure of the Insights page, as JSON or as plain readings."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Iterator
from itertools import chain, repeat
from pathlib import Path
from typing import TYPE_CHECKING

from regroup.cli.arguments import command, date_range_options, json_option
from regroup.cli.output import error, iso, one_line
from regroup.cli.profile import opened

if TYPE_CHECKING:
    from regroup.cli.arguments import Commands
    from regroup.core.insights.types import (
        Count,
        FeedbackFigure,
        GoalsFigure,
        Insights,
        LessonsFigure,
        MoodDay,
        MoodFigure,
        MoveOnFigure,
        PreparationFigure,
        RoleKind,
        StagesFigure,
        ThenAndNow,
    )

DESCRIPTION = """\
Show what your own records say across rejections: how far applications got,
feedback and how the news came, mood around the news, days to move on,
direction by kind of role, lessons and thinking traps that repeat, goals made
and done, and preparation against the stage reached. Only saved debriefs count;
a debrief belongs to its news date (else its application date). Without --from
and --to, everything is shown.

With --json, the top-level keys are: period, debriefs, readings, stages (stage ->
count), progress, feedback (asked, received, received_when_asked, no_reply,
news_via, ghosting_share), mood, move_on_days (median, per_debrief, not_yets),
direction, lessons, goals, preparation and then_and_now (null when no debrief
is three months old)."""


def register(commands: Commands) -> None:
    insights = command(
        commands,
        "insights",
        "show the patterns across your debriefs, diary and goals",
        DESCRIPTION,
        _run,
    )
    json_option(insights)
    date_range_options(insights, "from this day on", "up to this day (included)")


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _counts(counts: tuple[Count, ...]) -> dict[str, int]:
    return {c.key: c.count for c in counts}


def _stages(f: StagesFigure) -> dict[str, object]:
    return {
        "direction": f.progress.value,
        "earlier_mean_stage": _round(f.earlier_mean),
        "later_mean_stage": _round(f.later_mean),
        "without_stage": len(f.without_stage),
    }


def _feedback(f: FeedbackFigure) -> dict[str, object]:
    return {
        "asked": len(f.asked),
        "received": len(f.received),
        "received_when_asked": len(f.received_when_asked),
        "no_reply": len(f.no_reply),
        "news_via": _counts(f.news_via),
        "ghosting_share": _round(f.ghosting_share),
    }


def _mood(f: MoodFigure) -> dict[str, object]:
    """Figure 3 without its line of days, which :func:`mood_days_json` writes."""
    return {
        "first_week_mean": _round(f.first_week),
        "later_mean": _round(f.later),
        "news": [{"day": iso(m.day), "debrief_id": m.debrief_id} for m in f.news],
        "around_news": [
            {
                "debrief_id": a.debrief_id,
                "news_on": iso(a.news_on),
                "first_week_mean": _round(a.first_week),
                "later_mean": _round(a.later),
            }
            for a in f.around_news
        ],
    }


def mood_days_json(days: tuple[MoodDay, ...], iso_days: tuple[str, ...]) -> str:
    """Return the days as a JSON list of [day, mean, 7-day rolling mean, moods that day].

    ``iso_days`` are the same days as ISO text. A long diary has some 29,000 days:
    rounding and writing 58,000 floats one by one took 65 ms. Means of moods from 1
    to 5 take few values (about 70 in 36,500 entries), so each is rounded and written
    once, as is each count, and the pieces are joined in C (25 ms against 35
    formatting each row); the text is what ``json.dumps`` writes for the rounded rows.
    """
    if len(iso_days) != len(days):
        raise ValueError(f"{len(days)} mood days but {len(iso_days)} ISO days")
    if not days:
        return "[]"
    _dates, means, rolling, entries = zip(*days, strict=True)
    written = {value: repr(round(value, 2)) for value in {*means, *rolling}}
    text = written.__getitem__
    counts = {count: str(count) for count in set(entries)}
    rows = zip(
        repeat('["'),
        iso_days,
        repeat('", '),
        map(text, means),
        repeat(", "),
        map(text, rolling),
        repeat(", "),
        map(counts.__getitem__, entries),
        repeat("], "),
    )
    return "[" + "".join(chain.from_iterable(rows))[:-2] + "]"


def _move_on(f: MoveOnFigure) -> dict[str, object]:
    return {
        "median": f.median_days,
        "not_yets": f.not_yets,
        "per_debrief": [
            {
                "debrief_id": m.debrief_id,
                "news_on": iso(m.news_on),
                "ready_on": iso(m.ready_on),
                "days": m.days,
                "not_yets": m.not_yets,
            }
            for m in f.per_debrief
        ],
    }


def _kind(k: RoleKind) -> dict[str, object]:
    return {
        "role_kind": k.label if k.key else None,
        "applications": k.applications,
        "wanted_mean": _round(k.wanted_mean),
        "furthest_stage": None if k.furthest is None else k.furthest.value,
        "mean_stage": _round(k.mean_rank),
        "keep_looking": _counts(k.keep_looking),
        "far_and_wanted": k.far_and_wanted,
        "said_no": k.said_no,
        "debrief_ids": list(k.debrief_ids),
    }


def _lessons(f: LessonsFigure) -> dict[str, object]:
    return {
        "traps": [
            {"trap": t.trap_id, "name": t.name, "debrief_ids": list(t.debrief_ids)} for t in f.traps
        ],
        "repeated": [
            {
                "words": list(group.words),
                "lines": [
                    {
                        "debrief_id": line.debrief_id,
                        "text": line.text,
                        "goal_id": line.goal_id,
                        "goal_done": line.goal_done,
                    }
                    for line in group.lines
                ],
            }
            for group in f.lessons
        ],
    }


def _goals(f: GoalsFigure) -> dict[str, object]:
    return {
        "made": f.made,
        "done": f.done,
        "overdue": len(f.overdue),
        "months": [
            {"month": f"{m.month:%Y-%m}", "made": len(m.made), "done": len(m.done)}
            for m in f.months
        ],
    }


def _preparation(f: PreparationFigure) -> list[dict[str, object]]:
    return [
        {
            "preparedness": row.preparedness,
            "applications": row.total,
            "mean_stage": _round(row.mean_rank),
            "stages": _counts(row.stages),
        }
        for row in f.rows
    ]


def _then_and_now(card: ThenAndNow | None) -> dict[str, object] | None:
    if card is None:
        return None
    return {
        "debrief_id": card.debrief_id,
        "news_on": iso(card.news_on),
        "stage_then": None if card.stage_then is None else card.stage_then.value,
        "goals_done_since": len(card.goals_done_since),
        "furthest_stage_since": None if card.furthest_since is None else card.furthest_since.value,
        "mood_then": _round(card.mood_then),
        "mood_now": _round(card.mood_now),
        "reading": card.reading,
    }


def _readings(found: Insights) -> dict[str, str]:
    return {
        "stages": found.stages.reading,
        "progress": found.stages.progress_reading,
        "feedback": found.feedback.reading,
        "news": found.feedback.news_reading,
        "mood": found.mood.reading,
        "move_on": found.move_on.reading,
        "direction": found.direction.reading,
        "lessons": found.lessons.reading,
        "goals": found.goals.reading,
        "preparation": found.preparation.reading,
    }


def _figures(found: Insights) -> dict[str, object]:
    return {
        "period": {
            "from": iso(found.period.date_from),
            "to": iso(found.period.date_to),
            "today": iso(found.today),
        },
        "debriefs": found.debriefs,
        "readings": _readings(found),
        "stages": _counts(found.stages.stages),
        "progress": _stages(found.stages),
        "feedback": _feedback(found.feedback),
        "mood": _mood(found.mood),
        "move_on_days": _move_on(found.move_on),
        "direction": [_kind(k) for k in found.direction.kinds],
        "lessons": _lessons(found.lessons),
        "goals": _goals(found.goals),
        "preparation": _preparation(found.preparation),
        "then_and_now": _then_and_now(found.then_and_now),
    }


def insights_json(found: Insights) -> str:
    """Return what ``regroup insights --json`` prints: one top-level key a line.

    Each value is compact JSON: a long diary gives some 29,000 mood days and 2,000
    debriefs' details, and Python's indenting encoder is pure Python (1.5 s over
    them) where the compact one is C. The mood days, the bulk, come last in "mood".
    """
    import json

    lines = []
    for key, item in _figures(found).items():
        text = json.dumps(item, ensure_ascii=False, separators=(", ", ": "))
        if key == "mood":
            text = f'{text[:-1]}, "days": {mood_days_json(found.mood.days, found.mood.iso_days)}}}'
        lines.append(f"  {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(lines) + "\n}"


_HEADINGS = {
    "stages": "How far you got",
    "feedback": "Feedback, realistically",
    "mood": "Mood around the news",
    "move_on": "Time to move on",
    "direction": "Direction",
    "lessons": "Lessons that repeat",
    "goals": "Goals",
    "preparation": "Preparation against outcome",
}
_FOLLOWS = {"stages": "progress", "feedback": "news"}


def _lines(found: Insights) -> Iterator[str]:
    readings = _readings(found)
    for key, heading in _HEADINGS.items():
        yield f"{heading}:"
        yield f"  {readings[key]}"
        if key in _FOLLOWS:
            yield f"  {readings[_FOLLOWS[key]]}"
    if found.then_and_now is not None:
        yield "Then and now:"
        yield f"  {one_line(found.then_and_now.reading)}"


def _run(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.core.insights.types import Period

    if args.date_from and args.date_to and args.date_from > args.date_to:
        return error("--from is after --to; swap the two dates")
    period = Period(args.date_from, args.date_to)
    if args.date_from is None and args.date_to is None:
        period = Period.everything()
    with opened(data_dir) as profile:
        # The figures and their JSON make some 100,000 rows, dicts and lists, none in a
        # cycle, kept until the process ends: with the collector on, its first pass
        # after the figures walked them all (4 to 6 ms) for nothing.
        gc.disable()
        found = profile.insights.insights(period)
    if args.json:
        print(insights_json(found))
    else:
        for line in _lines(found):
            print(line)
    return 0
