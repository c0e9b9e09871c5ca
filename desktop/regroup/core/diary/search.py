"""Full-text search over titles, bodies and tags (SQLite FTS5), ranked, with filters.

What the person types is turned into a safe FTS5 expression: "quoted phrases" stay
phrases, #words search tags, every other word matches as a prefix, and all of
them must match. Nothing typed can produce an FTS5 syntax error.
"""

from __future__ import annotations

import re

from peewee import Expression, SqliteDatabase

from regroup.core.diary.listing import DiaryBrowser
from regroup.core.diary.service import SUMMARY_FIELDS, summary_from_row
from regroup.core.diary.tags import normalise_tag
from regroup.core.diary.types import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit, SearchQuery
from regroup.core.storage.models import Entry, EntryTag, Tag

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
        # Raw SQL: Peewee cannot say FTS5's MATCH, bm25() and snippet().
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
            return int(Entry.select().where(self._entry_filters(query)).count(self._db))
        where, params = self._match_where(match, query)
        # Raw SQL: Peewee cannot say FTS5's MATCH on the external-content index.
        sql = f"SELECT count(*) FROM entry_search WHERE {where}"
        return int(self._db.execute_sql(sql, tuple(params)).fetchone()[0])

    @staticmethod
    def _entry_filters(query: SearchQuery) -> Expression:
        where = Entry.deleted_at.is_null()
        if query.mood is not None:
            where &= Entry.mood == query.mood
        if query.date_from is not None:
            where &= Entry.entry_date >= query.date_from
        if query.date_to is not None:
            where &= Entry.entry_date <= query.date_to
        return where

    def _match_where(self, match: str, query: SearchQuery) -> tuple[str, list[object]]:
        where = "entry_search MATCH ?"
        params: list[object] = [match]
        if query.mood is not None or query.date_from or query.date_to:
            filtered = Entry.select(Entry.id).where(self._entry_filters(query))
            sql, filter_params = self._db.get_sql_context().sql(filtered).query()
            where += f" AND rowid IN ({sql})"
            params.extend(filter_params)
        return where, params

    def _window_floor(self, where: str, params: list[object]) -> int | None:
        # Raw SQL: Peewee cannot say FTS5's MATCH.
        row = self._db.execute_sql(
            f"SELECT rowid FROM entry_search WHERE {where} ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            (*params, RANK_WINDOW - 1),
        ).fetchone()
        return int(row[0]) if row else None

    def _filtered_newest(self, query: SearchQuery) -> list[SearchHit]:
        where = self._entry_filters(query)
        if query.tag:
            tagged = (
                EntryTag.select(EntryTag.entry)
                .join(Tag)
                .where(Tag.name.collate("NOCASE") == normalise_tag(query.tag))
            )
            where &= Entry.id.in_(tagged)
        rows = (
            Entry.select(*SUMMARY_FIELDS)
            .where(where)
            .order_by(Entry.entry_date.desc(), Entry.id.desc())
            .limit(query.limit)
            .tuples()
            .execute(self._db)
        )
        return [SearchHit(summary_from_row(row), "", 0.0) for row in rows]
