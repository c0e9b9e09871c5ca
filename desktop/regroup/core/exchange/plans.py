"""Debriefs, goals and check-ins in a JSON export (version 2 and later), and back.

Records refer to each other by uuid: a debrief lists the uuids of its linked
entries, a goal names its source debrief, a check-in its debrief. Every reference
must point at a record of the same file, which an export always satisfies; a file
that breaks one is refused before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peewee import SqliteDatabase

from regroup.core.debriefs.service import CONTENT_COLUMNS, content_from_row, content_values
from regroup.core.debriefs.types import (
    MOURNING_DAYS_RANGE,
    ROUNDS_RANGE,
    SCALE_RANGE,
    DebriefContent,
    DebriefStatus,
    DebriefValidationError,
    KeepLooking,
    NewsVia,
    Stage,
    check_content,
)
from regroup.core.exchange.fields import Fields, exported_time, refuse
from regroup.core.goals.types import GoalCategory, Lane

SECTIONS = ("debriefs", "goals", "checkins")
_GOAL_COLUMNS = (
    "uuid, title, category, due_on, outcome, lane, position, created_at, updated_at, done_at, "
    "deleted_at, source_debrief_id, source_line"
)
_CHECKIN_TIMES = (
    "due_at",
    "created_at",
    "updated_at",
    "delivered_at",
    "snoozed_until",
    "done_at",
    "missed_at",
)
_TIMES_END = 2 + len(_CHECKIN_TIMES)


@dataclass(frozen=True)
class ImportedDebrief:
    """A debrief from an export file, checked; ``values`` follow CONTENT_COLUMNS."""

    uuid: str
    status: str
    created_at: str
    updated_at: str
    deleted_at: str | None
    values: tuple[object, ...]
    entries: tuple[str, ...]


@dataclass(frozen=True)
class ImportedGoal:
    """A goal from an export file, checked, every value in its stored form."""

    uuid: str
    title: str
    category: str | None
    due_on: str | None
    outcome: str
    lane: str
    position: float
    created_at: str
    updated_at: str
    done_at: str | None
    deleted_at: str | None
    source_debrief: str | None
    source_line: str | None


@dataclass(frozen=True)
class ImportedCheckin:
    """A check-in from an export file, checked, every value in its stored form."""

    uuid: str
    debrief: str
    times: tuple[str | None, ...]
    feeling: int | None
    ready: bool | None
    what_helped: str
    next_step: str


@dataclass(frozen=True)
class ImportedPlans:
    """The debriefs, goals and check-ins of a file, checked and ready to be written."""

    debriefs: tuple[ImportedDebrief, ...] = ()
    goals: tuple[ImportedGoal, ...] = ()
    checkins: tuple[ImportedCheckin, ...] = ()


def _content_json(content: DebriefContent) -> dict[str, Any]:
    c = content
    return {
        "company": c.company,
        "role": c.role,
        "role_kind": c.role_kind,
        "applied_on": c.applied_on.isoformat() if c.applied_on else None,
        "stage": c.stage.value if c.stage else None,
        "interview_rounds": c.interview_rounds,
        "news_on": c.news_on.isoformat() if c.news_on else None,
        "news_via": c.news_via.value if c.news_via else None,
        "feedback_asked": c.feedback_asked,
        "feedback_received": c.feedback_received,
        "preparedness": c.preparedness,
        "went_well": c.went_well,
        "do_differently": list(c.do_differently),
        "resume_targeted": c.resume_targeted,
        "strengths": c.strengths,
        "wanted": c.wanted,
        "keep_looking": c.keep_looking.value if c.keep_looking else None,
        "traps": list(c.traps),
        "reframe": c.reframe,
        "lessons": c.lessons,
        "notes": c.notes,
        "mourning_days": c.mourning_days,
    }


def _exported_times(values: tuple[str | None, ...]) -> dict[str, str | None]:
    return {name: exported_time(v) for name, v in zip(_CHECKIN_TIMES, values, strict=True)}


def export_plans(db: SqliteDatabase) -> dict[str, list[dict[str, Any]]]:
    """Return every debrief (trash included), goal and check-in, oldest first."""
    links: dict[int, list[str]] = {}
    for debrief_id, entry_uuid in db.execute_sql(
        "SELECT de.debrief_id, e.uuid FROM debrief_entry de JOIN entry e ON e.id = de.entry_id "
        "ORDER BY de.debrief_id, e.id"
    ):
        links.setdefault(debrief_id, []).append(entry_uuid)
    uuids: dict[int, str] = {}
    debriefs = []
    for row in db.execute_sql(
        f"SELECT id, uuid, status, created_at, updated_at, deleted_at, {CONTENT_COLUMNS} "
        "FROM debrief ORDER BY id"
    ):
        uuids[row[0]] = row[1]
        debriefs.append(
            {
                "uuid": row[1],
                "status": row[2],
                "created_at": exported_time(row[3]),
                "updated_at": exported_time(row[4]),
                "deleted_at": exported_time(row[5]),
                **_content_json(content_from_row(row[6:])),
                "entries": links.get(row[0], []),
            }
        )
    goals = [
        {
            "uuid": row[0],
            "title": row[1],
            "category": row[2],
            "due_on": row[3],
            "outcome": row[4],
            "lane": row[5],
            "position": row[6],
            "created_at": exported_time(row[7]),
            "updated_at": exported_time(row[8]),
            "done_at": exported_time(row[9]),
            "deleted_at": exported_time(row[10]),
            "source_debrief": uuids.get(row[11]) if row[11] is not None else None,
            "source_line": row[12],
        }
        for row in db.execute_sql(f"SELECT {_GOAL_COLUMNS} FROM goal ORDER BY id")
    ]
    checkins = [
        {
            "uuid": row[0],
            "debrief": uuids[row[1]],
            **{
                name: exported_time(value)
                for name, value in zip(_CHECKIN_TIMES, row[2:_TIMES_END], strict=True)
            },
            "feeling": row[_TIMES_END],
            "ready": None if row[_TIMES_END + 1] is None else bool(row[_TIMES_END + 1]),
            "what_helped": row[_TIMES_END + 2],
            "next_step": row[_TIMES_END + 3],
        }
        for row in db.execute_sql(
            f"SELECT uuid, debrief_id, {', '.join(_CHECKIN_TIMES)}, feeling, ready, "
            "what_helped, next_step FROM checkin ORDER BY id"
        )
    ]
    return {"debriefs": debriefs, "goals": goals, "checkins": checkins}


def _date(stored: str | None) -> date | None:
    return None if stored is None else date.fromisoformat(stored)


def _debrief(value: object, index: int) -> ImportedDebrief:
    f = Fields(value, f"Debrief {index + 1} (debriefs[{index}])")
    content = DebriefContent(
        company=f.text("company", ""),
        role=f.text("role", ""),
        role_kind=f.text("role_kind", ""),
        applied_on=_date(f.optional_day("applied_on")),
        stage=f.choice("stage", Stage),
        interview_rounds=f.number("interview_rounds", ROUNDS_RANGE),
        news_on=_date(f.optional_day("news_on")),
        news_via=f.choice("news_via", NewsVia),
        feedback_asked=f.flag("feedback_asked"),
        feedback_received=f.text("feedback_received", ""),
        preparedness=f.number("preparedness", SCALE_RANGE),
        went_well=f.text("went_well", ""),
        do_differently=f.texts("do_differently"),
        resume_targeted=f.flag("resume_targeted"),
        strengths=f.text("strengths", ""),
        wanted=f.number("wanted", SCALE_RANGE),
        keep_looking=f.choice("keep_looking", KeepLooking),
        traps=f.texts("traps"),
        reframe=f.text("reframe", ""),
        lessons=f.text("lessons", ""),
        notes=f.text("notes", ""),
        mourning_days=f.number("mourning_days", MOURNING_DAYS_RANGE),
    )
    try:
        check_content(content)
    except DebriefValidationError as exc:
        raise refuse(f.where, str(exc).rstrip(".")) from None
    entries = f.texts("entries")
    status = f.choice("status", DebriefStatus) or DebriefStatus.SAVED
    return ImportedDebrief(
        uuid=f.uuid("uuid"),
        status=status.value,
        created_at=f.moment("created_at"),
        updated_at=f.moment("updated_at") if "updated_at" in f.value else f.moment("created_at"),
        deleted_at=f.optional_moment("deleted_at"),
        values=content_values(content),
        entries=entries,
    )


def _goal(value: object, index: int) -> ImportedGoal:
    f = Fields(value, f"Goal {index + 1} (goals[{index}])")
    title = f.text("title")
    if not title.strip():
        raise f.error("title", "must hold a few words")
    category = f.choice("category", GoalCategory)
    lane = f.choice("lane", Lane) or Lane.NEXT
    source_line = f.get("source_line", None)
    return ImportedGoal(
        uuid=f.uuid("uuid"),
        title=title,
        category=category.value if category else None,
        due_on=f.optional_day("due_on"),
        outcome=f.text("outcome", ""),
        lane=lane.value,
        position=f.real("position"),
        created_at=f.moment("created_at"),
        updated_at=f.moment("updated_at") if "updated_at" in f.value else f.moment("created_at"),
        done_at=f.optional_moment("done_at"),
        deleted_at=f.optional_moment("deleted_at"),
        source_debrief=f.optional_uuid("source_debrief"),
        source_line=None if source_line is None else f.text("source_line"),
    )


def _checkin(value: object, index: int) -> ImportedCheckin:
    f = Fields(value, f"Check-in {index + 1} (checkins[{index}])")
    times: list[str | None] = [f.moment("due_at"), f.moment("created_at"), f.moment("updated_at")]
    times += [f.optional_moment(name) for name in _CHECKIN_TIMES[3:]]
    return ImportedCheckin(
        uuid=f.uuid("uuid"),
        debrief=f.uuid("debrief"),
        times=tuple(times),
        feeling=f.number("feeling", SCALE_RANGE),
        ready=f.flag("ready"),
        what_helped=f.text("what_helped", ""),
        next_step=f.text("next_step", ""),
    )


def _unique(records: tuple[Any, ...], kind: str, section: str, key: str = "uuid") -> set[str]:
    seen: dict[str, int] = {}
    for index, record in enumerate(records):
        value = getattr(record, key)
        if value in seen:
            raise refuse(
                f"{kind} {index + 1} ({section}[{index}])",
                f"has the same {key} as {kind.lower()} {seen[value] + 1}",
            )
        seen[value] = index
    return set(seen)


def parse_plans(top: Fields, entry_uuids: set[str]) -> ImportedPlans:
    """Check the debriefs, goals and check-ins of a file, references included."""
    debriefs = tuple(_debrief(item, n) for n, item in enumerate(top.items("debriefs")))
    goals = tuple(_goal(item, n) for n, item in enumerate(top.items("goals")))
    checkins = tuple(_checkin(item, n) for n, item in enumerate(top.items("checkins")))
    debrief_uuids = _unique(debriefs, "Debrief", "debriefs")
    _unique(goals, "Goal", "goals")
    _unique(checkins, "Check-in", "checkins")
    _unique(checkins, "Check-in", "checkins", key="debrief")
    for index, debrief in enumerate(debriefs):
        for entry_uuid in debrief.entries:
            if entry_uuid not in entry_uuids:
                raise refuse(
                    f'Debrief {index + 1} (debriefs[{index}]), field "entries",',
                    f"names entry {entry_uuid!r}, which is not in the file",
                )
    for records, kind, section, key in (
        (goals, "Goal", "goals", "source_debrief"),
        (checkins, "Check-in", "checkins", "debrief"),
    ):
        for index, record in enumerate(records):
            target = getattr(record, key)
            if target is not None and target not in debrief_uuids:
                raise refuse(
                    f'{kind} {index + 1} ({section}[{index}]), field "{key}",',
                    f"names debrief {target!r}, which is not in the file",
                )
    return ImportedPlans(debriefs, goals, checkins)


def _ids(db: SqliteDatabase, table: str) -> dict[str, int]:
    return {row[0]: row[1] for row in db.execute_sql(f"SELECT uuid, id FROM {table}")}


def insert_plans(db: SqliteDatabase, plans: ImportedPlans) -> tuple[int, int, int]:
    """Add what the profile does not hold yet; the caller holds the transaction.

    Returns how many debriefs, goals and check-ins were added. Links of debriefs
    the profile already holds are merged too.
    """
    debrief_ids = _ids(db, "debrief")
    added = [0, 0, 0]
    marks = ", ".join("?" * 22)
    for d in plans.debriefs:
        if d.uuid in debrief_ids:
            continue
        cursor = db.execute_sql(
            "INSERT INTO debrief (uuid, status, created_at, updated_at, deleted_at, "
            f"{CONTENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, {marks})",
            (d.uuid, d.status, d.created_at, d.updated_at, d.deleted_at, *d.values),
        )
        debrief_ids[d.uuid] = int(cursor.lastrowid)
        added[0] += 1
    entry_ids = _ids(db, "entry") if any(d.entries for d in plans.debriefs) else {}
    db.cursor().executemany(
        "INSERT OR IGNORE INTO debrief_entry (debrief_id, entry_id) VALUES (?, ?)",
        [(debrief_ids[d.uuid], entry_ids[e]) for d in plans.debriefs for e in d.entries],
    )
    goal_uuids = set(_ids(db, "goal"))
    for g in plans.goals:
        if g.uuid in goal_uuids:
            continue
        source = debrief_ids[g.source_debrief] if g.source_debrief else None
        db.execute_sql(
            f"INSERT INTO goal ({_GOAL_COLUMNS}) VALUES ({', '.join('?' * 13)})",
            (
                g.uuid,
                g.title,
                g.category,
                g.due_on,
                g.outcome,
                g.lane,
                g.position,
                g.created_at,
                g.updated_at,
                g.done_at,
                g.deleted_at,
                source,
                g.source_line,
            ),
        )
        added[1] += 1
    taken = {row[0] for row in db.execute_sql("SELECT uuid FROM checkin")}
    planned = {row[0] for row in db.execute_sql("SELECT debrief_id FROM checkin")}
    for c in plans.checkins:
        debrief_id = debrief_ids[c.debrief]
        if c.uuid in taken or debrief_id in planned:
            continue
        db.execute_sql(
            f"INSERT INTO checkin (uuid, debrief_id, {', '.join(_CHECKIN_TIMES)}, feeling, "
            f"ready, what_helped, next_step) VALUES ({', '.join('?' * (_TIMES_END + 4))})",
            (
                c.uuid,
                debrief_id,
                *c.times,
                c.feeling,
                None if c.ready is None else int(c.ready),
                c.what_helped,
                c.next_step,
            ),
        )
        added[2] += 1
    return added[0], added[1], added[2]


def markdown_plans(db: SqliteDatabase) -> str:
    """Return the debriefs and the goals board (not the trash) as Markdown for reading."""
    from regroup.core.debriefs.types import NEWS_VIA_LABELS, STAGE_LABELS
    from regroup.core.goals.types import CATEGORY_LABELS, LANE_LABELS

    parts = []
    rows = db.execute_sql(
        f"SELECT status, {CONTENT_COLUMNS} FROM debrief WHERE deleted_at IS NULL "
        "ORDER BY coalesce(news_on, applied_on) DESC, id DESC"
    ).fetchall()
    if rows:
        parts.append("# Debriefs\n\n")
    for row in rows:
        c = content_from_row(row[1:])
        title = " — ".join(" ".join(t.split()) for t in (c.company, c.role) if t.strip())
        lines = [f"## {title or 'Untitled debrief'}" + (" (draft)" if row[0] == "draft" else "")]
        facts = [
            ("Applied", c.applied_on.isoformat() if c.applied_on else ""),
            ("Stage reached", STAGE_LABELS[c.stage] if c.stage else ""),
            ("News", c.news_on.isoformat() if c.news_on else ""),
            ("How it came", NEWS_VIA_LABELS[c.news_via] if c.news_via else ""),
            ("Preparation", f"{c.preparedness}/5" if c.preparedness else ""),
            ("Wanted it", f"{c.wanted}/5" if c.wanted else ""),
        ]
        shown = [f"{label}: {value}" for label, value in facts if value]
        if shown:
            lines.append(" · ".join(shown))
        for label, text in (
            ("Feedback", c.feedback_received),
            ("What went well", c.went_well),
            ("Strengths to lead with", c.strengths),
            ("A kinder reframe", c.reframe),
            ("Lessons", c.lessons),
            ("Notes", c.notes),
        ):
            if text.strip():
                lines.append(f"**{label}:** {text.rstrip()}")
        if c.do_differently:
            lines.append(
                "**What I would do differently:**\n"
                + "\n".join(f"- {' '.join(line.split())}" for line in c.do_differently)
            )
        parts.append("\n\n".join(lines) + "\n\n")
    goals = db.execute_sql(
        "SELECT lane, title, category, due_on FROM goal WHERE deleted_at IS NULL "
        "ORDER BY CASE lane WHEN 'next' THEN 0 WHEN 'doing' THEN 1 WHEN 'done' THEN 2 "
        "WHEN 'archived' THEN 3 ELSE 4 END, position, id"
    ).fetchall()
    if goals:
        parts.append("# Goals\n\n")
    current = None
    for lane, title, category, due_on in goals:
        if lane != current:
            current = lane
            parts.append(f"\n## {LANE_LABELS[Lane(lane)]}\n\n")
        details = [CATEGORY_LABELS[GoalCategory(category)]] if category else []
        details += [f"due {due_on}"] if due_on else []
        suffix = f" ({', '.join(details)})" if details else ""
        mark = "x" if lane == "done" else " "
        parts.append(f"- [{mark}] {' '.join(title.split())}{suffix}\n")
    return "".join(parts)
