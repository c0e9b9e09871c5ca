"""Imports write through the models yet keep the stored form: whole seconds and tag names."""

from __future__ import annotations

import json
from pathlib import Path

from regroup.core.diary.types import EntryContent
from regroup.core.exchange.service import import_json
from regroup.core.profile import Profile

ENTRY_UUID = "0b6e5d3c-1f0a-4c3e-9a55-6a2c1e9b0d11"


def _import(profile: Profile, tmp_path: Path, entry: dict[str, object]) -> None:
    path = tmp_path / "hand.json"
    document = {"format": "regroup-export", "version": 2, "entries": [entry]}
    path.write_text(json.dumps(document), encoding="utf-8")
    import_json(profile.db, path)


def test_a_time_on_the_whole_second_is_stored_like_every_other_time(
    other: Profile, tmp_path: Path
) -> None:
    _import(
        other,
        tmp_path,
        {
            "uuid": ENTRY_UUID,
            "entry_date": "2024-05-01",
            "created_at": "2024-05-01T09:30:00Z",
            "deleted_at": "2024-05-02T10:00:00.000000Z",
            "body": "On the hour",
            "revisions": [{"saved_at": "2024-05-01T09:00:00Z", "entry_date": "2024-05-01"}],
        },
    )
    stored = other.db.execute_sql("SELECT created_at, deleted_at FROM entry").fetchone()
    assert stored == ("2024-05-01 09:30:00.000000", "2024-05-02 10:00:00.000000")
    revision = other.db.execute_sql("SELECT saved_at FROM entry_revision").fetchone()
    assert revision == ("2024-05-01 09:00:00.000000",)


def test_an_imported_tag_joins_the_tag_the_diary_has_in_another_case(
    other: Profile, tmp_path: Path
) -> None:
    other.diary.add(EntryContent("Already here", tags=["acme"]))
    entry = {
        "uuid": ENTRY_UUID,
        "entry_date": "2024-05-01",
        "created_at": "2024-05-01T09:30:00Z",
        "body": "From the file",
        "tags": ["ACME", "new"],
    }
    _import(other, tmp_path, entry)
    assert other.browse.tags() == [("acme", 2), ("new", 1)]
    imported = next(s for s in other.browse.latest(5) if s.preview.startswith("From"))
    assert imported.tags == ("ACME", "new")
    rows = other.db.execute_sql("SELECT name FROM tag ORDER BY name").fetchall()
    assert rows == [("acme",), ("new",)]
