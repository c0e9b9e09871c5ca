"""A journal kept elsewhere comes in whole, once, and a bad file changes nothing."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from regroup.core.errors import ImportFileError
from regroup.core.exchange.importers.service import (
    ImportFormat,
    detect_format,
    import_source,
    own_connection,
    preview,
    read_source,
    write_plan,
)
from regroup.core.profile import Profile
from tests.core.exchange.sources import dayone_entry, make_jrnl, write_dayone, write_notes
from tests.support.snapshots import folder_fingerprint

RTL_EMOJI = "لم أحصل على الوظيفة 🌱 לא נורא"
UUIDS = [f"{n:032X}" for n in (0xA1, 0xB2, 0xC3, 0xD4)]


def entries(profile: Profile) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """Every entry as (day, title, body, tags), oldest first."""
    ids = sorted(profile.browse.ordered_ids(), key=lambda i: profile.diary.get(i).created_at)
    records = [profile.diary.get(entry_id) for entry_id in ids]
    return [(r.entry_date.isoformat(), r.title, r.body, r.tags) for r in records]


@pytest.fixture(scope="module")
def jrnl_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A journal written with the real jrnl, and its `jrnl --export json`."""
    return make_jrnl(
        tmp_path_factory.mktemp("jrnl"),
        [
            "2024-05-01 09:30: Phone screen with Acme. It went fine @work @Acme",
            "2024-05-02 21:15: Kind words from Dana *\nFelt seen. @friends",
            f"2024-05-03 08:00: {RTL_EMOJI}. Still here. #hope",
        ],
    )


def test_a_jrnl_journal_comes_in_from_its_file_with_tags_and_stars(
    profile: Profile, jrnl_files: tuple[Path, Path]
) -> None:
    journal, _ = jrnl_files
    assert detect_format(journal) is ImportFormat.JRNL

    outcome = import_source(profile.db, journal)

    assert outcome.added == 3 and outcome.already_there == 0
    assert entries(profile) == [
        ("2024-05-01", "Phone screen with Acme.", "It went fine @work @Acme", ("acme", "work")),
        ("2024-05-02", "Kind words from Dana", "Felt seen. @friends", ("friends", "starred")),
        ("2024-05-03", f"{RTL_EMOJI}.", "Still here. #hope", ("hope",)),
    ]


def test_the_json_export_of_the_same_journal_adds_nothing_twice(
    profile: Profile, jrnl_files: tuple[Path, Path]
) -> None:
    journal, export = jrnl_files
    assert detect_format(export) is ImportFormat.JRNL
    first = import_source(profile.db, export)
    before = entries(profile)

    again = import_source(profile.db, export)
    from_text = import_source(profile.db, journal)

    assert first.added == 3
    assert (again.added, again.already_there) == (0, 3)
    assert (from_text.added, from_text.already_there) == (0, 3)
    assert entries(profile) == before
    assert before[1][3] == ("friends", "starred")


def test_day_one_entries_keep_the_day_where_they_were_written(
    profile: Profile, tmp_path: Path
) -> None:
    export = write_dayone(
        tmp_path,
        [
            dayone_entry(
                UUIDS[0], "2024-03-09T23:30:00Z", "Asia/Tokyo", "# Late walk\n\nQuiet streets\\."
            ),
            dayone_entry(
                UUIDS[1], "2024-03-10T02:00:00Z", "America/Los_Angeles", "Early night", ("rest",)
            ),
            dayone_entry(
                UUIDS[2], "2024-03-10T12:00:00Z", "Europe/Berlin", RTL_EMOJI, starred=True, photos=2
            ),
            dayone_entry(UUIDS[3], "2024-03-11T12:00:00Z", "UTC", "", photos=1),
        ],
    )
    assert detect_format(export) is ImportFormat.DAYONE

    outcome = import_source(profile.db, export)

    assert (outcome.added, outcome.media_skipped) == (3, 3)
    assert [s.reason for s in outcome.skipped] == ["holds photos or other media only"]
    assert entries(profile) == [
        ("2024-03-10", "Late walk", "Quiet streets.", ()),  # Tokyo: 08:30 the next morning
        ("2024-03-09", "", "Early night", ("rest",)),  # Los Angeles: still the evening before
        ("2024-03-10", "", RTL_EMOJI, ("starred",)),
    ]


def test_the_zip_of_a_day_one_export_is_the_same_export(profile: Profile, tmp_path: Path) -> None:
    made = [dayone_entry(UUIDS[0], "2024-03-09T23:30:00Z", "Asia/Tokyo", "Hello #tokyo", photos=1)]
    folder = write_dayone(tmp_path / "a", made)
    archive = write_dayone(tmp_path / "b", made, zipped=True)
    assert detect_format(archive) is ImportFormat.DAYONE

    from_zip = import_source(profile.db, archive)
    from_folder = import_source(profile.db, folder)

    assert (from_zip.added, from_zip.media_skipped) == (1, 1)
    assert (from_folder.added, from_folder.already_there) == (0, 1)
    assert entries(profile) == [("2024-03-10", "", "Hello #tokyo", ("tokyo",))]


def test_a_folder_of_daily_notes_and_dated_notes_comes_in(profile: Profile, tmp_path: Path) -> None:
    vault = write_notes(
        tmp_path / "vault",
        {
            "Daily/2024-01-05.md": "# 2024-01-05\n\nInterview prep with #mentor.\n",
            "Daily/2024-01-06.md": "# A quieter day\n\nRead a book.\n",
            "Thoughts/after the call.md": (
                "---\ntitle: After the call\ndate: 2024-01-07\ntags: [growth, next-steps]\n---\n"
                f"{RTL_EMOJI}\n"
            ),
            "Ideas.md": "No date here.\n",
            "Later/notes.markdown": (
                "---\ndate: 2024-01-08T21:00\ntags:\n  - calm\n---\nEarly night\n"
            ),
            "Daily/photo.png": "not text",
            ".obsidian/app.json": "{}",
            "settings.json": '{"theme": "calm"}',
        },
    )
    assert detect_format(vault) is ImportFormat.MARKDOWN
    plan = read_source(vault)

    shown = preview(profile.db, plan)
    outcome = write_plan(profile.db, plan)

    assert (shown.new, outcome.added) == (4, 4)
    left_out = [str(Path("Daily/photo.png")), "settings.json", "Ideas.md"]
    assert [s.where for s in plan.skipped] == left_out
    assert entries(profile) == [
        ("2024-01-05", "", "Interview prep with #mentor.", ("mentor",)),
        ("2024-01-06", "A quieter day", "Read a book.", ()),
        ("2024-01-07", "After the call", RTL_EMOJI, ("growth", "next-steps")),
        ("2024-01-08", "", "Early night", ("calm",)),
    ]
    assert import_source(profile.db, vault).added == 0


@pytest.mark.parametrize(
    ("name", "content", "named"),
    [
        (
            "broken.json",
            '{"entries": [\n  {"title": "x",\n  oops\n]}',
            "broken.json, line 3, column 3",
        ),
        (
            "journal.txt",
            "[2024-05-01 09:00] Fine.\n\n[2024-05-01 10:00] Fine too.\n[2024-02-30 09:00] Bad.\n",
            "journal.txt, line 4",
        ),
        (
            "export.json",
            '{"tags": {}, "entries": [{"title": "a", "date": "2024-5-x", "time": "09:00"}]}',
            "entry 1 (entries[0])",
        ),
    ],
)
def test_a_bad_file_names_the_place_and_writes_nothing(
    profile: Profile, tmp_path: Path, name: str, content: str, named: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    before = folder_fingerprint(profile.paths.root)

    with pytest.raises(ImportFileError) as caught:
        import_source(profile.db, path, ImportFormat.JRNL)

    assert named in str(caught.value) and "Nothing was imported" in str(caught.value)
    assert folder_fingerprint(profile.paths.root) == before and profile.diary.count() == 0


def test_bad_dates_in_notes_and_day_one_name_the_note_line_and_record(tmp_path: Path) -> None:
    vault = write_notes(
        tmp_path / "vault",
        {
            "fine.md": "---\ndate: 2024-01-01\n---\nok\n",
            "odd.md": "---\ntitle: x\ndate: 2024-02-30\n---\nhi\n",
        },
    )
    dayone = write_dayone(
        tmp_path,
        [
            dayone_entry(UUIDS[0], "2024-03-09T23:30:00Z", "UTC", "a"),
            dayone_entry(UUIDS[1], "last tuesday", "UTC", "b"),
        ],
    )

    with pytest.raises(ImportFileError, match=r"odd\.md, line 3: '2024-02-30' is not a date"):
        read_source(vault)
    with pytest.raises(ImportFileError, match=r"Journal\.json, entry 2 \(entries\[1\]\)"):
        read_source(dayone)


def test_a_worker_thread_imports_on_its_own_connection_and_reports_progress(
    profile: Profile, tmp_path: Path
) -> None:
    journal = tmp_path / "big.txt"
    start = dt.datetime(2020, 1, 1, 9, 0)
    journal.write_text(
        "".join(
            f"[{(start + dt.timedelta(days=n)):%Y-%m-%d %H:%M}] Day {n}.\nStill going @steady\n\n"
            for n in range(4_500)
        ),
        encoding="utf-8",
    )
    seen: list[tuple[int, int]] = []
    done: list[object] = []

    def work() -> None:
        with own_connection(profile.db):
            plan = read_source(journal, progress=lambda *step: seen.append(step))
            done.append(write_plan(profile.db, plan, lambda *step: seen.append(step)))

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=120)

    assert len(done) == 1 and profile.diary.count() == 4_500
    assert seen[-1] == (4_500, 4_500) and len(seen) > 4
