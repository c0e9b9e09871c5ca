"""Finding debriefs: the list with words and filters, companies, and kinds of role.

Words are matched with the debriefs' own FTS5 index (company, role, kind of role
and every written answer), the same way the diary search reads what is typed.
"""

from __future__ import annotations

from collections import Counter

from peewee import SqliteDatabase

from regroup.core.debriefs.types import DebriefQuery, DebriefStatus, DebriefSummary, Stage
from regroup.core.diary.search import build_match
from regroup.core.storage.columns import from_db_date, from_db_time, to_db_date
from regroup.core.storage.models import Debrief

# Raw SQL: FTS5's MATCH, and each filter change, which Peewee's query building made 1.3-3x slower.
SUMMARY_SQL = (
    "SELECT d.id, d.company, d.role, d.role_kind, d.stage, d.status, d.applied_on, d.news_on, "
    "coalesce(d.news_on, d.applied_on) AS day, "
    "CASE WHEN c.done_at IS NULL THEN coalesce(c.snoozed_until, c.due_at) END, d.deleted_at "
    "FROM debrief d LEFT JOIN checkin c ON c.debrief_id = d.id"
)
_STAGES = {stage.value: stage for stage in Stage}
_STATUSES = {status.value: status for status in DebriefStatus}


def debrief_summary(row: tuple) -> DebriefSummary:  # type: ignore[type-arg]
    """Build a list row from the columns of :data:`SUMMARY_SQL`."""
    return DebriefSummary(
        id=row[0],
        company=row[1],
        role=row[2],
        role_kind=row[3],
        stage=_STAGES[row[4]] if row[4] else None,
        status=_STATUSES[row[5]],
        applied_on=from_db_date(row[6]) if row[6] else None,
        news_on=from_db_date(row[7]) if row[7] else None,
        day=from_db_date(row[8]) if row[8] else None,
        checkin_due_at=from_db_time(row[9]) if row[9] else None,
        deleted_at=from_db_time(row[10]) if row[10] else None,
    )


class DebriefBrowser:
    """Read-only queries for the debrief list and its filters, the trash and goal cards."""

    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    def find(self, query: DebriefQuery | None = None) -> list[DebriefSummary]:
        """Return matching debriefs, newest news first (debriefs without dates last)."""
        query = query or DebriefQuery()
        where = ["d.deleted_at IS NULL"]
        params: list[object] = []
        match = build_match(query.text.replace("#", " "))
        if match:
            where.append("d.id IN (SELECT rowid FROM debrief_search WHERE debrief_search MATCH ?)")
            params.append(match)
        if query.company is not None:
            where.append("d.company = ? COLLATE NOCASE")
            params.append(query.company.strip())
        if query.stage is not None:
            where.append("d.stage = ?")
            params.append(Stage(query.stage).value)
        if query.status is not None:
            where.append("d.status = ?")
            params.append(DebriefStatus(query.status).value)
        if query.date_from is not None:
            where.append("day >= ?")
            params.append(to_db_date(query.date_from))
        if query.date_to is not None:
            where.append("day <= ?")
            params.append(to_db_date(query.date_to))
        sql = f"{SUMMARY_SQL} WHERE {' AND '.join(where)} ORDER BY day DESC, d.id DESC"
        if query.limit is not None:
            sql += " LIMIT ?"
            params.append(query.limit)
        rows = self._db.execute_sql(sql, tuple(params)).fetchall()
        return [debrief_summary(row) for row in rows]

    def trashed(self) -> list[DebriefSummary]:
        """Return the debriefs in the trash, most recently trashed first."""
        rows = self._db.execute_sql(
            f"{SUMMARY_SQL} WHERE d.deleted_at IS NOT NULL ORDER BY d.deleted_at DESC, d.id DESC"
        ).fetchall()
        return [debrief_summary(row) for row in rows]

    def names(self, debrief_ids: list[int]) -> dict[int, str]:
        """Return "Company, role" for each debrief (trashed ones too), for goal cards.

        A debrief that names neither is called "Untitled debrief"; unknown ids are left out.
        """
        found: dict[int, str] = {}
        for start in range(0, len(debrief_ids), 500):
            chunk = debrief_ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            # Raw SQL: the board asks for each card it paints; Peewee made this 10x slower.
            named = self._db.execute_sql(
                f"SELECT id, company, role FROM debrief WHERE id IN ({marks})", tuple(chunk)
            )
            for debrief_id, company, role in named:
                parts = [" ".join(part.split()) for part in (company, role)]
                found[debrief_id] = ", ".join(p for p in parts if p) or "Untitled debrief"
        return found

    def companies(self) -> list[str]:
        """Return every company named in a debrief, for the company filter, A to Z."""
        rows = (
            Debrief.select(Debrief.company)
            .distinct()
            .where(Debrief.deleted_at.is_null(), Debrief.company != "")
            .order_by(Debrief.company.collate("NOCASE"), Debrief.company)
        )
        seen: set[str] = set()
        names = []
        for (name,) in self._db.execute(rows):
            if name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
        return names

    def role_kinds(self, typed: str = "", limit: int = 10) -> list[str]:
        """Return kinds of role from earlier debriefs that start with ``typed``, most used first.

        Matching ignores case and extra spaces, so the form can offer them as completions.
        """
        kinds = Debrief.select(Debrief.role_kind).where(
            Debrief.deleted_at.is_null(), Debrief.role_kind != ""
        )
        wanted = " ".join(typed.split()).casefold()
        counts: Counter[str] = Counter()
        spelling: dict[str, str] = {}
        for (kind,) in self._db.execute(kinds):
            tidy = " ".join(kind.split())
            key = tidy.casefold()
            if tidy and key.startswith(wanted):
                counts[key] += 1
                spelling.setdefault(key, tidy)
        ranked = sorted(counts, key=lambda key: (-counts[key], key))
        return [spelling[key] for key in ranked[:limit]]
