"""A JSON export restores a diary exactly; an import checks the whole file before writing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regroup.core.diary.service import REVISION_INTERVAL, DiaryService
from regroup.core.diary.types import EntryContent, SearchQuery
from regroup.core.errors import ImportFileError, StorageWriteError
from regroup.core.exchange.service import (
    export_json,
    import_json,
    markdown_export,
    write_json_export,
    write_markdown_export,
)
from regroup.core.profile import Profile
from tests.support.clock import ManualClock

HARD_TEXTS = [
    "They chose someone else \U0001f614\U0001f3f3\ufe0f\u200d\U0001f308",
    "לא קיבלתי את התפקיד",
    "لم أحصل على الوظيفة",
    "before\x00after",
    'line\r\nbreaks\rand\ttabs \u2028 and \\ backslashes "quoted"',
    "",
]
BIG_TEXT = ("All the things I would say differently next time. " * 100_000)[:5_000_000]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(dt.datetime(2026, 3, 29, 0, 30, 15, 123456, tzinfo=dt.UTC))


@pytest.fixture
def diary(profile: Profile, clock: ManualClock) -> DiaryService:
    return DiaryService(profile.db, clock)


def snapshot(profile: Profile) -> list[tuple[Any, ...]]:
    """Every entry (trash included) with its revisions, as the services return them.

    Local ids differ between profiles, so they are left out; everything else must match.
    """
    rows = profile.db.execute_sql("SELECT id FROM entry ORDER BY uuid").fetchall()
    result = []
    for (entry_id,) in rows:
        record = dataclasses.replace(profile.diary.get(entry_id), id=0)
        revisions = [
            dataclasses.replace(revision, id=0, entry_id=0)
            for revision in profile.diary.revisions(entry_id)
        ]
        result.append((record, revisions))
    return result


def listing(profile: Profile) -> list[tuple[Any, ...]]:
    """The diary list as shown, newest first; entries of one day keep their order."""
    return [dataclasses.astuple(summary)[1:] for summary in profile.browse.latest(100)]


def build_hard_diary(diary: DiaryService, clock: ManualClock) -> None:
    """Texts that break naive code, far dates, a 5 MB entry, the trash and revisions."""
    for number, text in enumerate(HARD_TEXTS):
        diary.add(
            EntryContent(text, title=text[:12], mood=number % 5 + 1, tags=[f"tag{number}", "ü"])
        )
    diary.add(EntryContent(BIG_TEXT, title="long", entry_date=dt.date(1900, 1, 1)))
    far = diary.add(EntryContent("far", entry_date=dt.date(2200, 12, 31), tags=["# #odd"]))
    edited = diary.add(EntryContent("first draft", title="Draft", mood=2, tags=["job search"]))
    for text in ("second draft \U0001f4dd", "final\x00draft"):
        clock.advance(REVISION_INTERVAL)
        diary.update(edited.id, EntryContent(text, title="Final", mood=3, tags=["done"]))
    clock.advance(REVISION_INTERVAL)
    diary.trash(far.id)


def test_a_json_export_restores_every_entry_exactly(
    profile: Profile, other: Profile, diary: DiaryService, clock: ManualClock, tmp_path: Path
) -> None:
    build_hard_diary(diary, clock)
    path = tmp_path / "export.json"

    written = write_json_export(profile.db, path, clock)
    result = import_json(other.db, path)

    assert (written.entries, written.trashed, written.revisions) == (9, 1, 2)
    assert (result.added, result.skipped_existing, result.revisions_added) == (9, 0, 2)
    assert snapshot(other) == snapshot(profile)
    assert listing(other) == listing(profile)
    assert other.browse.tags() == profile.browse.tags()
    assert other.diary.count() == profile.diary.count() == 8
    assert path.stat().st_mode & 0o777 == 0o600


def test_the_file_is_utf8_json_with_every_field(
    profile: Profile, diary: DiaryService, clock: ManualClock, tmp_path: Path
) -> None:
    build_hard_diary(diary, clock)
    path = tmp_path / "export.json"
    write_json_export(profile.db, path, clock)
    raw = path.read_bytes()
    document = json.loads(raw.decode("utf-8"))

    assert "לא קיבלתי".encode() in raw
    assert b"before\\u0000after" in raw
    assert document["format"] == "regroup-export"
    assert document["version"] == 2
    assert document["exported_at"] == "2026-03-29T01:00:15.123456Z"
    trashed = [entry for entry in document["entries"] if entry["deleted_at"]]
    assert [entry["body"] for entry in trashed] == ["far"]
    edited = next(entry for entry in document["entries"] if entry["title"] == "Final")
    assert [revision["body"] for revision in edited["revisions"]] == [
        "first draft",
        "second draft \U0001f4dd",
    ]
    assert set(edited) >= {"uuid", "entry_date", "created_at", "updated_at", "mood", "tags"}


def test_imported_entries_are_searchable_and_the_trash_stays_out_of_search(
    profile: Profile, other: Profile, diary: DiaryService, clock: ManualClock, tmp_path: Path
) -> None:
    build_hard_diary(diary, clock)
    path = tmp_path / "export.json"
    write_json_export(profile.db, path, clock)
    import_json(other.db, path)

    assert [hit.summary.title for hit in other.search.search(SearchQuery("final"))] == ["Final"]
    assert other.search.search(SearchQuery("far")) == []


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    profile: Profile, other: Profile, diary: DiaryService, clock: ManualClock, tmp_path: Path
) -> None:
    build_hard_diary(diary, clock)
    path = tmp_path / "export.json"
    write_json_export(profile.db, path, clock)
    import_json(other.db, path)
    before = snapshot(other)

    again = import_json(other.db, path)
    into_source = import_json(profile.db, path)

    assert (again.added, again.skipped_existing, again.revisions_added) == (0, 9, 0)
    assert into_source.added == 0
    assert snapshot(other) == before


def test_a_merge_adds_only_the_entries_the_profile_does_not_hold(
    profile: Profile, other: Profile, tmp_path: Path
) -> None:
    profile.diary.add(EntryContent("shared"))
    path = tmp_path / "first.json"
    write_json_export(profile.db, path)
    import_json(other.db, path)
    profile.diary.add(EntryContent("new since"))
    other.diary.add(EntryContent("only in the other"))
    write_json_export(profile.db, tmp_path / "second.json")

    result = import_json(other.db, tmp_path / "second.json")

    assert (result.added, result.skipped_existing) == (1, 1)
    bodies = sorted(summary.preview for summary in other.browse.latest(10))
    assert bodies == ["new since", "only in the other", "shared"]


def _valid_document(profile: Profile, tmp_path: Path) -> dict[str, Any]:
    profile.diary.add(EntryContent("first, valid and new", title="one"))
    profile.diary.add(EntryContent("second", title="two", mood=3, tags=["a"]))
    path = tmp_path / "valid.json"
    write_json_export(profile.db, path)
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


BAD_ENTRIES = [
    ("mood", 9, 'Entry 2 (entries[1]), field "mood"'),
    ("mood", True, 'field "mood"'),
    ("mood", "3", 'field "mood"'),
    ("entry_date", "2024-13-40", 'Entry 2 (entries[1]), field "entry_date"'),
    ("created_at", "yesterday", 'field "created_at"'),
    ("created_at", None, 'field "created_at"'),
    ("created_at", "0001-01-01T00:00:00+01:00", 'field "created_at"'),
    ("updated_at", "9999-12-31T23:59:59-01:00", 'field "updated_at"'),
    ("deleted_at", 5, 'field "deleted_at"'),
    ("body", 123, 'field "body"'),
    ("body", None, 'field "body"'),
    ("title", "broken \ud800 text", 'field "title", holds a broken character at position 7'),
    ("tags", "a", 'field "tags"'),
    ("tags", ["ok", 1], 'field "tags"'),
    ("uuid", "not-a-uuid", 'field "uuid"'),
    ("revisions", [{"saved_at": "2024-01-01T00:00:00Z"}], "revision 1 (revisions[0])"),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_ENTRIES)
def test_a_file_with_one_bad_entry_is_refused_before_anything_is_written(
    profile: Profile, other: Profile, tmp_path: Path, field: str, value: Any, message: str
) -> None:
    document = _valid_document(profile, tmp_path)
    document["entries"][1][field] = value
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    other.diary.add(EntryContent("already here"))
    before = snapshot(other)

    with pytest.raises(ImportFileError, match="Nothing was imported") as caught:
        import_json(other.db, path)

    assert message in str(caught.value)
    assert str(path) in str(caught.value)
    assert snapshot(other) == before
    assert other.diary.count() == 1


def test_a_missing_field_is_named(profile: Profile, other: Profile, tmp_path: Path) -> None:
    document = _valid_document(profile, tmp_path)
    del document["entries"][1]["body"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportFileError, match=r'entries\[1\]\), field "body", is missing'):
        import_json(other.db, path)
    assert other.diary.count() == 0


def test_the_same_uuid_twice_in_one_file_is_refused(
    profile: Profile, other: Profile, tmp_path: Path
) -> None:
    document = _valid_document(profile, tmp_path)
    document["entries"][1]["uuid"] = document["entries"][0]["uuid"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportFileError, match="same uuid as entry 1"):
        import_json(other.db, path)
    assert other.diary.count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": "something-else", "version": 1, "entries": []}', "not a Regroup export"),
        (b'{"format": "regroup-export", "version": 3, "entries": []}', "newer Regroup"),
        (b'{"format": "regroup-export", "version": "1", "entries": []}', '"version"'),
        (b'{"format": "regroup-export", "version": 1, "entries": {}}', 'field "entries"'),
        (b'{"format": "regroup-export", "version": 1, "entries": [3]}', "must be an object"),
        (b'{"format": "regroup-export", "version": 1, "entries": [', "not valid JSON"),
        (b"[]", "not a Regroup export"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "too deeply"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(
    other: Profile, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        import_json(other.db, path)
    assert other.diary.count() == 0


def test_a_missing_file_is_a_clear_error(other: Profile, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="Could not read"):
        import_json(other.db, tmp_path / "nowhere.json")


def test_lists_this_version_does_not_know_are_reported_not_dropped_silently(
    other: Profile, tmp_path: Path
) -> None:
    path = tmp_path / "later.json"
    document = {"format": "regroup-export", "version": 1, "entries": [], "goals": [{"x": 1}]}
    path.write_text(json.dumps(document), encoding="utf-8")
    assert import_json(other.db, path).ignored_sections == ("goals",)


def test_a_hand_written_entry_gets_defaults_and_normalised_tags(
    other: Profile, tmp_path: Path
) -> None:
    entry = {
        "uuid": "0b6e5d3c-1f0a-4c3e-9a55-6a2c1e9b0d11",
        "entry_date": "2024-05-01",
        "created_at": "2024-05-01T09:30:00+02:00",
        "body": "Typed by hand",
        "tags": ["Job Search", "job-search", " remote "],
    }
    path = tmp_path / "hand.json"
    document = {"format": "regroup-export", "version": 1, "entries": [entry]}
    path.write_text(json.dumps(document), encoding="utf-8")
    import_json(other.db, path)
    record = other.diary.get(other.browse.latest(1)[0].id)
    assert record.tags == ("Job-Search", "remote")
    assert record.created_at == dt.datetime(2024, 5, 1, 7, 30, tzinfo=dt.UTC)
    assert (record.title, record.mood, record.updated_at, record.deleted_at) == (
        "",
        None,
        None,
        None,
    )


def test_an_imported_entry_gets_the_tags_its_text_names_as_a_saved_one_does(
    other: Profile, tmp_path: Path
) -> None:
    entry = {
        "uuid": "0b6e5d3c-1f0a-4c3e-9a55-6a2c1e9b0d12",
        "entry_date": "2024-05-02",
        "created_at": "2024-05-02T09:30:00+00:00",
        "body": "Call with #Acme about #remote work, item #3",
        "tags": ["remote"],
    }
    path = tmp_path / "older.json"
    document = {"format": "regroup-export", "version": 1, "entries": [entry]}
    path.write_text(json.dumps(document), encoding="utf-8")
    import_json(other.db, path)
    imported = other.diary.get(other.browse.latest(1)[0].id)
    assert imported.tags == ("remote", "Acme")
    written = other.diary.add(EntryContent(body=entry["body"], tags=("remote",)))
    assert written.tags == imported.tags


def test_a_failed_write_raises_a_clear_error_and_leaves_no_file(
    profile: Profile, tmp_path: Path
) -> None:
    target = tmp_path / "missing-folder" / "export.json"
    with pytest.raises(StorageWriteError, match="Could not write"):
        write_json_export(profile.db, target)
    with pytest.raises(StorageWriteError, match="Could not write"):
        write_markdown_export(profile.db, target)
    assert not target.parent.exists()


def test_markdown_holds_the_diary_newest_first_without_the_trash(
    diary: DiaryService, profile: Profile
) -> None:
    diary.add(
        EntryContent(
            "The panel was kind.\n\nStill no.",
            title="Final round",
            mood=2,
            tags=["interview", "acme"],
            entry_date=dt.date(2026, 5, 1),
        )
    )
    diary.add(EntryContent("A long walk helped.", entry_date=dt.date(2026, 5, 3)))
    gone = diary.add(EntryContent("Secret trashed words", title="Trashed"))
    diary.trash(gone.id)

    text, count = markdown_export(profile.db)

    assert count == 2
    assert text.startswith("# Regroup: diary, debriefs and goals\n")
    assert "It holds 2 entries." in text
    assert "## 2026-05-01 — Final round\n\nMood: 2/5 (Low) · #interview #acme\n\n" in text
    assert "The panel was kind.\n\nStill no.\n" in text
    assert "## 2026-05-03\n\nA long walk helped.\n" in text
    assert text.index("## 2026-05-03") < text.index("## 2026-05-01")
    assert "Trashed" not in text and "Secret trashed words" not in text


def test_markdown_is_written_as_utf8(profile: Profile, tmp_path: Path) -> None:
    profile.diary.add(EntryContent("לא קיבלתי \U0001f614", title="RTL"))
    path = tmp_path / "diary.md"
    assert write_markdown_export(profile.db, path).entries == 1
    assert "לא קיבלתי \U0001f614" in path.read_text(encoding="utf-8")


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
contents = st.builds(
    EntryContent,
    body=texts,
    title=texts,
    mood=st.none() | st.integers(1, 5),
    tags=st.lists(texts, max_size=4),
    entry_date=st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)),
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    new=st.lists(contents, min_size=1, max_size=3),
    edit=st.none() | contents,
    trash=st.booleans(),
)
def test_random_entries_survive_export_and_import(
    profile: Profile,
    other: Profile,
    diary: DiaryService,
    clock: ManualClock,
    tmp_path: Path,
    new: list[EntryContent],
    edit: EntryContent | None,
    trash: bool,
) -> None:
    records = [diary.add(content) for content in new]
    clock.advance(REVISION_INTERVAL)
    if edit is not None:
        diary.update(records[0].id, edit)
    if trash:
        diary.trash(records[-1].id)
    path = tmp_path / "random.json"
    write_json_export(profile.db, path, clock)

    import_json(other.db, path)

    assert snapshot(other) == snapshot(profile)


def test_export_json_is_a_plain_document(profile: Profile) -> None:
    profile.diary.add(EntryContent("x"))
    document = export_json(profile.db)
    assert json.loads(json.dumps(document)) == document
    assert list(document) == [
        "format",
        "version",
        "exported_at",
        "app_version",
        "entries",
        "debriefs",
        "goals",
        "checkins",
    ]
