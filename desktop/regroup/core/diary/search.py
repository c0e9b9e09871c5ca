"""Full-text search over titles, bodies and tags (SQLite FTS5), ranked, with filters.

What the person types is turned into a safe FTS5 expression: "quoted phrases" stay
phrases, #words search tags, every other word matches as a prefix, and all of
them must match. Nothing typed can produce an FTS5 syntax error.
"""

from __future__ import annotations

import re

from peewee import SqliteDatabase

from regroup.core.diary.listing import SUMMARY_COLUMNS, DiaryBrowser
from regroup.core.diary.service import summary_from_row
from regroup.core.diary.types import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SearchHit,
    SearchQuery,
    normalise_tag,
)
from regroup.core.storage.columns import to_db_date

_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+", re.UNICODE)
_WEIGHTS = "5.0, 1.0, 3.0"  # title, body, tags


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def build_match(text: str) -> str:
    """Return the FTS5 expression for what was typed, or "" when it holds no words."""
    terms: list[str] = []
    for phrase in _PHRASE.findall(text):
        words = _words(phrase)
        if words:
            terms.append('"' + " ".join(words) + '"')
    for raw in _PHRASE.sub(" ", text).split():
        if raw.startswith("#"):
            tag_words = _words(normalise_tag(raw))
            if tag_words:
                terms.append('tags_text : "' + " ".join(tag_words) + '"')
            continue
        terms.extend(f'"{word}"*' for word in _words(raw))
    return " AND ".join(terms)


RANK_WINDOW = 3000
"""Relevance is computed among at most this many of the most recently written matches.

A word found in nearly every entry would otherwise make each keystroke rank the
whole diary; bounding the window keeps search instant at any size. Rarer words
(fewer matches than the window) are ranked across the whole diary.
"""


class SearchService:
    """Answers a :class:`SearchQuery` with ranked hits and highlighted snippets."""

    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db
        self._browse = DiaryBrowser(db)

    def search(self, query: SearchQuery) -> list[SearchHit]:
        """Return the best hits first; with no words, the newest entries that pass the filters."""
        text = query.text + (f" #{query.tag}" if query.tag else "")
        match = build_match(text)
        if not match:
            return self._filtered_newest(query)
        where, params = self._match_where(match, query)
        floor = self._window_floor(where, params)
        if floor is not None:
            where += " AND rowid >= ?"
            params.append(floor)
        rows = self._db.execute_sql(
            "SELECT rowid, snippet(entry_search, -1, ?, ?, '…', 14), "
            f"bm25(entry_search, {_WEIGHTS}) AS score FROM entry_search WHERE {where} "
            "ORDER BY score LIMIT ?",
            (HIGHLIGHT_START, HIGHLIGHT_END, *params, query.limit),
        ).fetchall()
        summaries = self._browse.summaries([row[0] for row in rows])
        return [SearchHit(summaries[row[0]], row[1] or "", float(row[2])) for row in rows]

    def count(self, query: SearchQuery) -> int:
        """Return how many entries match, however many are shown."""
        match = build_match(query.text + (f" #{query.tag}" if query.tag else ""))
        if not match:
            where, params = self._entry_filters(query)
            sql = f"SELECT count(*) FROM entry WHERE {where}"
            return int(self._db.execute_sql(sql, tuple(params)).fetchone()[0])
        where, params = self._match_where(match, query)
        sql = f"SELECT count(*) FROM entry_search WHERE {where}"
        return int(self._db.execute_sql(sql, tuple(params)).fetchone()[0])

    def _entry_filters(self, query: SearchQuery) -> tuple[str, list[object]]:
        where = ["deleted_at IS NULL"]
        params: list[object] = []
        if query.mood is not None:
            where.append("mood = ?")
            params.append(query.mood)
        if query.date_from is not None:
            where.append("entry_date >= ?")
            params.append(to_db_date(query.date_from))
        if query.date_to is not None:
            where.append("entry_date <= ?")
            params.append(to_db_date(query.date_to))
        return " AND ".join(where), params

    def _match_where(self, match: str, query: SearchQuery) -> tuple[str, list[object]]:
        where = "entry_search MATCH ?"
        params: list[object] = [match]
        if query.mood is not None or query.date_from or query.date_to:
            filters, filter_params = self._entry_filters(query)
            where += f" AND rowid IN (SELECT id FROM entry WHERE {filters})"
            params.extend(filter_params)
        return where, params

    def _window_floor(self, where: str, params: list[object]) -> int | None:
        row = self._db.execute_sql(
            f"SELECT rowid FROM entry_search WHERE {where} ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            (*params, RANK_WINDOW - 1),
        ).fetchone()
        return int(row[0]) if row else None

    def _filtered_newest(self, query: SearchQuery) -> list[SearchHit]:
        where, params = self._entry_filters(query)
        if query.tag:
            where += (
                " AND id IN (SELECT et.entry_id FROM entry_tag et JOIN tag t ON t.id = et.tag_id "
                "WHERE t.name = ? COLLATE NOCASE)"
            )
            params.append(normalise_tag(query.tag))
        rows = self._db.execute_sql(
            f"SELECT {SUMMARY_COLUMNS} FROM entry WHERE {where} "
            "ORDER BY entry_date DESC, id DESC LIMIT ?",
            (*params, query.limit),
        ).fetchall()
        return [SearchHit(summary_from_row(row), "", 0.0) for row in rows]
