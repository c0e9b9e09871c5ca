"""Full-text search over titles, bodies and tags (SQLite FTS5), ranked, with filters.

What the person types is turned into a safe FTS5 expression: "quoted phrases" stay
phrases, #words search tags, every other word matches as a prefix, and all of
them must match. Nothing typed can produce an FTS5 syntax error.
"""

from __future__ import annotations

import re

from peewee import SqliteDatabase

from regroup.core.diary import summary_from_row
from regroup.core.diary_types import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SearchHit,
    SearchQuery,
    normalise_tag,
    to_db_date,
)

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


class SearchService:
    """Answers a :class:`SearchQuery` with ranked hits and highlighted snippets."""

    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    def search(self, query: SearchQuery) -> list[SearchHit]:
        """Return the best hits first; with no words, the newest entries that pass the filters."""
        match = build_match(query.text)
        where = ["e.deleted_at IS NULL"]
        params: list[object] = []
        if query.tag:
            where.append(
                "e.id IN (SELECT et.entry_id FROM entry_tag et JOIN tag t ON t.id = et.tag_id "
                "WHERE t.name = ? COLLATE NOCASE)"
            )
            params.append(normalise_tag(query.tag))
        if query.mood is not None:
            where.append("e.mood = ?")
            params.append(query.mood)
        if query.date_from is not None:
            where.append("e.entry_date >= ?")
            params.append(to_db_date(query.date_from))
        if query.date_to is not None:
            where.append("e.entry_date <= ?")
            params.append(to_db_date(query.date_to))
        columns = "e.id, e.entry_date, e.title, substr(e.body, 1, 300), e.mood, e.tags_text"
        if match:
            sql = (
                f"SELECT {columns}, snippet(entry_search, -1, ?, ?, '…', 14), "
                f"bm25(entry_search, {_WEIGHTS}) AS score "
                "FROM entry_search JOIN entry e ON e.id = entry_search.rowid "
                f"WHERE entry_search MATCH ? AND {' AND '.join(where)} "
                "ORDER BY score LIMIT ?"
            )
            params = [HIGHLIGHT_START, HIGHLIGHT_END, match, *params, query.limit]
        else:
            sql = (
                f"SELECT {columns}, '', 0.0 FROM entry e WHERE {' AND '.join(where)} "
                "ORDER BY e.entry_date DESC, e.id DESC LIMIT ?"
            )
            params.append(query.limit)
        rows = self._db.execute_sql(sql, tuple(params)).fetchall()
        return [SearchHit(summary_from_row(row[:6]), row[6] or "", float(row[7])) for row in rows]
