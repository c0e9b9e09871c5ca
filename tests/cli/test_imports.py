"""`regroup import` from a terminal: jrnl, Day One and Markdown notes, told apart or named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_diary import new_profile, ok, regroup
from tests.core.exchange.sources import dayone_entry, make_jrnl, write_dayone, write_notes
from tests.support.snapshots import folder_fingerprint

pytestmark = pytest.mark.integration


def listed(data: str) -> list[dict[str, object]]:
    return json.loads(ok("--data-dir", data, "list", "--json"))  # type: ignore[no-any-return]


def test_a_dry_run_says_what_would_come_in_and_writes_nothing(tmp_path: Path) -> None:
    journal, _ = make_jrnl(
        tmp_path / "jrnl",
        ["2024-05-01 09:30: First day. Hello @work", "2024-05-02 10:00: Second day *\nOnward."],
    )
    data = new_profile(tmp_path / "profile")
    before = folder_fingerprint(Path(data))

    shown = regroup("--data-dir", data, "import", str(journal), "--dry-run")

    assert shown.returncode == 0, shown.stderr
    assert "2 new entries from jrnl." in shown.stdout
    assert "Nothing was written" in shown.stderr
    assert folder_fingerprint(Path(data)) == before


def test_a_day_one_zip_comes_in_once_and_says_what_stayed_behind(tmp_path: Path) -> None:
    archive = write_dayone(
        tmp_path,
        [
            dayone_entry(
                "0" * 31 + "1", "2024-03-09T23:30:00Z", "Asia/Tokyo", "Tokyo night", photos=2
            ),
            dayone_entry(
                "0" * 31 + "2", "2024-03-10T09:00:00Z", "UTC", "Coffee 🌿", ("calm",), True
            ),
        ],
        zipped=True,
    )
    data = new_profile(tmp_path / "profile")

    first = ok("--data-dir", data, "import", str(archive), "--from", "dayone")
    again = ok("--data-dir", data, "import", str(archive))

    assert "Added 2 entries from Day One to your diary." in first
    assert "2 photos and other attachments stayed behind" in first
    assert "Nothing new to add" in again
    days = sorted((e["date"], e["preview"]) for e in listed(data))
    assert days == [("2024-03-10", "Coffee 🌿"), ("2024-03-10", "Tokyo night")]


def test_markdown_notes_with_a_bad_date_name_the_file_and_line(tmp_path: Path) -> None:
    vault = write_notes(
        tmp_path / "notes",
        {"2024-01-05.md": "Fine day.\n", "later.md": "---\ndate: 2024-13-01\n---\nOops\n"},
    )
    data = new_profile(tmp_path / "profile")
    before = folder_fingerprint(Path(data))

    result = regroup("--data-dir", data, "import", str(vault))

    assert result.returncode == 1
    assert "later.md, line 2: '2024-13-01' is not a date" in result.stderr
    assert "Nothing was imported" in result.stderr
    assert folder_fingerprint(Path(data)) == before


def test_a_file_regroup_cannot_place_asks_for_from(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just some words\n", encoding="utf-8")
    data = new_profile(tmp_path / "profile")

    result = regroup("--data-dir", data, "import", str(path))

    assert result.returncode == 1 and "--from" in result.stderr


@pytest.mark.parametrize("fault", ["read-only", "full"])
def test_an_import_on_a_disk_that_cannot_be_written_is_refused_before_reading(
    tmp_path: Path, fault: str
) -> None:
    from tests.support.filesystems import fill_disk, make_read_only, small_disk

    vault = write_notes(tmp_path / "vault", {"a.md": "# 2024-01-05\n\nA day.\n"})
    with small_disk(tmp_path / "disk") as disk:
        data = new_profile(disk / "profile")
        ok("--data-dir", data, "add", "already here")
        fill_disk(disk) if fault == "full" else make_read_only(disk)
        for source in (vault, tmp_path / "not-there.md"):  # the file is never read
            refused = regroup("--data-dir", data, "import", str(source))
            assert refused.returncode == 1
            assert "cannot save right now" in refused.stderr
            assert "Nothing was imported" in refused.stderr
            assert "Traceback" not in refused.stderr
        assert len(listed(data)) == 1
