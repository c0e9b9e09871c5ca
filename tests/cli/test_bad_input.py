"""Odd numbers and odd files on the command line get a sentence, never a traceback."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from tests.cli.test_diary import new_profile, ok, regroup

pytestmark = pytest.mark.integration


def refused(*args: str) -> str:
    """Run a command that must fail politely; return what it said."""
    result = regroup(*args)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr


@pytest.mark.parametrize(
    "number", ["9223372036854775808", "-5", "0", "1000001", "9" * 5000, "1e3", "²"]
)
def test_list_with_a_count_out_of_range_says_which_numbers_it_takes(
    tmp_path: Path, number: str
) -> None:
    data = new_profile(tmp_path / "profile")

    said = refused("--data-dir", data, "list", "-n", number)

    assert "is not a number of entries" in said
    assert "1 to 1,000,000" in said
    assert len(said) < 600  # a 5,000-digit paste is not echoed back whole


def test_an_id_beyond_what_the_database_stores_is_not_an_id(tmp_path: Path) -> None:
    data = new_profile(tmp_path / "profile")

    said = refused(
        "--data-dir",
        data,
        "export",
        "-o",
        str(tmp_path / "one.md"),
        "--format",
        "markdown",
        "--debrief",
        "9223372036854775808",
    )
    gone = refused("--data-dir", data, "waiting", "remove", "9" * 5000)

    assert "is not an id" in said
    assert "is not an id; 'waiting list' shows them" in gone


def test_a_regroup_export_with_a_5000_digit_number_names_its_line(tmp_path: Path) -> None:
    data = new_profile(tmp_path / "profile")
    source = tmp_path / "huge.json"
    document = {"format": "regroup-export", "version": 2, "entries": []}
    text = json.dumps(document, indent=2).replace('"entries"', '"mood": 7,\n  "entries"')
    source.write_text(text.replace("7", "7" * 5000), encoding="utf-8")

    said = refused("--data-dir", data, "import", str(source))

    assert "line 4 holds a number 5,000 digits long" in said
    assert "Nothing was imported." in said


def test_a_jrnl_json_with_a_5000_digit_number_names_its_line(tmp_path: Path) -> None:
    data = new_profile(tmp_path / "profile")
    source = tmp_path / "journal.json"
    source.write_text('{"tags": {},\n "entries": [' + "1" * 5000 + "]}", encoding="utf-8")

    said = refused("--data-dir", data, "import", str(source), "--from", "jrnl")

    assert "line 2 holds a number 5,000 digits long" in said


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_importing_dev_zero_is_refused_before_any_byte_is_read(tmp_path: Path) -> None:
    data = new_profile(tmp_path / "profile")

    said = refused("--data-dir", data, "import", "/dev/zero")

    assert "/dev/zero is a device, not a file" in said
    assert "Nothing was imported." in said


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes are POSIX here")
@pytest.mark.parametrize("kind", [None, "regroup", "jrnl", "dayone", "markdown"])
def test_importing_a_named_pipe_is_refused_instead_of_waiting_forever(
    tmp_path: Path, kind: str | None
) -> None:
    data = new_profile(tmp_path / "profile")
    pipe = tmp_path / "journal.json"
    os.mkfifo(pipe)

    said = refused("--data-dir", data, "import", str(pipe), *(["--from", kind] if kind else []))

    assert "is a named pipe, not a file" in said


def test_a_file_over_two_gigabytes_is_refused_unread(tmp_path: Path) -> None:
    data = new_profile(tmp_path / "profile")
    big = tmp_path / "big.json"
    with big.open("wb") as handle:  # sparse: takes no room on disk
        handle.truncate(2 * 1024**3 + 1)

    said = refused("--data-dir", data, "import", str(big))

    assert "is 2.0 GB, larger than any journal Regroup can import" in said


def test_a_named_pipe_inside_a_notes_folder_is_left_alone(tmp_path: Path) -> None:
    data = new_profile(tmp_path / "profile")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2024-05-01.md").write_text("# Monday\nA calm day.\n", encoding="utf-8")
    if sys.platform != "win32":
        os.mkfifo(notes / "stuck.md")

    said = ok("--data-dir", data, "import", str(notes))

    assert "Added 1 entry" in said
