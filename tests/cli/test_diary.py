"""The diary from a terminal: add, list, search, export and import, run as separate processes."""

from __future__ import annotations

import datetime as dt
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.snapshots import folder_fingerprint

pytestmark = pytest.mark.integration


def regroup(*args: str | bytes, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run ``python -m regroup`` with the test's environment (private bus and HOME)."""
    return subprocess.run(
        [sys.executable, "-m", "regroup", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ),
        timeout=60,
        check=False,
    )


def ok(*args: str | bytes, stdin: str = "") -> str:
    """Run a command that must succeed; return its output."""
    result = regroup(*args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout


def new_profile(folder: Path) -> str:
    """Create a profile (key in the test keyring) and return its --data-dir value."""
    ok("--data-dir", str(folder), "init")
    return str(folder)


@pytest.fixture
def data(tmp_path: Path) -> str:
    return new_profile(tmp_path / "profile")


def exported_entries(data: str, path: Path) -> list[dict[str, object]]:
    ok("--data-dir", data, "export", "--format", "json", "--output", str(path), "--force")
    entries: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))["entries"]
    return entries


def test_help_names_every_command() -> None:
    help_text = ok("--help")
    for words in ("add", "list", "search", "export", "import", "unencrypted", "Exit status"):
        assert words in help_text
    assert "standard input" in ok("add", "--help")


def test_add_with_tags_mood_and_date_then_list(data: str) -> None:
    added = ok(
        "--data-dir",
        data,
        "add",
        "Heard back from Acme: not this time.",
        "--title",
        "Acme said no",
        "--tag",
        "acme",
        "--tag",
        "job search",
        "--mood",
        "2",
        "--date",
        "2024-05-01",
    )
    assert added.strip() == "Added entry 1 for 2024-05-01."
    ok("--data-dir", data, "add", "A walk helped.", "--date", "2024-05-03")

    lines = ok("--data-dir", data, "list").splitlines()

    assert lines == [
        "2024-05-03   -   A walk helped.",
        "2024-05-01  2/5  Acme said no  #acme #job-search",
    ]
    listed = json.loads(ok("--data-dir", data, "list", "--json", "-n", "1"))
    assert listed == [
        {
            "id": 2,
            "date": "2024-05-03",
            "title": "",
            "preview": "A walk helped.",
            "mood": None,
            "tags": [],
        }
    ]


def test_add_reads_the_text_from_stdin_exactly(data: str, tmp_path: Path) -> None:
    text = "First line \U0001f614\nלא קיבלתי את התפקיד\n\n  indented, with a tab\there"
    added = ok("--data-dir", data, "add", "-", "--title", "From a pipe", stdin=text + "\n")
    assert f"for {dt.date.today().isoformat()}" in added
    [entry] = exported_entries(data, tmp_path / "out.json")
    assert (entry["title"], entry["body"]) == ("From a pipe", text)


def test_bad_usage_exits_2_and_saves_nothing(data: str, tmp_path: Path) -> None:
    for args, word in (
        (("add", "x", "--mood", "7"), "--mood"),
        (("add", "x", "--mood", "two"), "--mood"),
        (("add", "x", "--date", "2024-13-40"), "--date"),
        (("list", "-n", "0"), "-n"),
        (("search", "x", "--from", "May"), "--from"),
    ):
        result = regroup("--data-dir", data, *args)
        assert result.returncode == 2, args
        assert word in result.stderr
    assert json.loads(ok("--data-dir", data, "list", "--json")) == []


def test_text_that_cannot_be_stored_exits_1_with_the_reason(data: str) -> None:
    result = regroup("--data-dir", data, "add", b"abc\xffdef")
    assert result.returncode == 1
    assert "broken character at position 3" in result.stderr
    empty = regroup("--data-dir", data, "add", "   ")
    assert empty.returncode == 1
    assert "empty" in empty.stderr
    assert json.loads(ok("--data-dir", data, "list", "--json")) == []


def test_commands_without_a_profile_create_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "none"
    empty_export = tmp_path / "empty.json"
    empty_export.write_text('{"format": "regroup-export", "version": 1, "entries": []}')
    for args in (
        ("add", "x"),
        ("list",),
        ("search", "x"),
        ("export", "--output", str(tmp_path / "out.json")),
        ("import", str(empty_export)),
    ):
        result = regroup("--data-dir", str(folder), *args)
        assert result.returncode == 1, args
        assert "no profile" in result.stderr
    assert not folder.exists()
    assert not (tmp_path / "out.json").exists()


@pytest.fixture
def journal(data: str) -> str:
    for args in (
        ("The phone screen went well, then silence.", "--tag", "acme", "--mood", "2"),
        ("A screen of questions on the phone.", "--date", "2023-01-10", "--mood", "4"),
        ("Practised interviews with a friend.", "--title", "Practice", "--tag", "practice"),
    ):
        ok("--data-dir", data, "add", *args)
    return data


def _titles_or_bodies(output: str) -> list[str]:
    return [line for line in output.splitlines() if not line.startswith(" ")]


def test_search_finds_words_prefixes_and_phrases(journal: str) -> None:
    word = ok("--data-dir", journal, "search", "silence")
    assert len(_titles_or_bodies(word)) == 1
    assert "[silence]" in word

    prefix = ok("--data-dir", journal, "search", "interv")
    assert "Practice" in prefix
    assert "[interviews]" in prefix

    phrase = ok("--data-dir", journal, "search", '"phone screen"')
    assert len(_titles_or_bodies(phrase)) == 1
    assert "[phone screen]" in phrase or "[phone] [screen]" in phrase
    assert len(_titles_or_bodies(ok("--data-dir", journal, "search", "phone screen"))) == 2


def test_search_json_and_filters(journal: str) -> None:
    hits = json.loads(ok("--data-dir", journal, "search", "phone", "--json"))
    assert len(hits) == 2
    assert set(hits[0]) >= {"id", "date", "title", "mood", "tags", "snippet", "score"}
    assert all("**phone**" in hit["snippet"] for hit in hits)
    assert all("\x02" not in hit["snippet"] for hit in hits)

    def found(*args: str) -> list[int | None]:
        output = ok("--data-dir", journal, "search", "phone", "--json", *args)
        return sorted(hit["mood"] for hit in json.loads(output))

    assert found("--tag", "acme") == [2]
    assert found("--mood", "4") == [4]
    assert found("--from", "2024-01-01") == [2]
    assert found("--to", "2023-12-31") == [4]
    assert found("-n", "1") in ([2], [4])


def test_search_highlights_in_bold_on_a_terminal(journal: str) -> None:
    leader, follower = pty.openpty()
    try:
        subprocess.run(
            [sys.executable, "-m", "regroup", "--data-dir", journal, "search", "silence"],
            stdin=subprocess.DEVNULL,
            stdout=follower,
            env=dict(os.environ),
            timeout=60,
            check=True,
        )
        os.close(follower)
        output = b""
        while chunk := _read_pty(leader):
            output += chunk
    finally:
        os.close(leader)
    assert b"\x1b[1msilence\x1b[0m" in output
    assert b"[silence]" not in output


def _read_pty(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # Linux reports the closed far end as EIO
        return b""


def test_search_without_hits_says_so_and_succeeds(journal: str) -> None:
    result = regroup("--data-dir", journal, "search", "zebra")
    assert result.returncode == 0
    assert result.stdout == ""
    assert "No entries match." in result.stderr
    as_json = regroup("--data-dir", journal, "search", "zebra", "--json")
    assert json.loads(as_json.stdout) == []


def test_export_and_import_move_a_diary_to_another_profile(journal: str, tmp_path: Path) -> None:
    ok(
        "--data-dir",
        journal,
        "add",
        "\u05e2\u05d1\u05e8\u05d9\u05ea \U0001f3f3\ufe0f\u200d\U0001f308 \u202e end",
    )
    path = tmp_path / "backup.json"
    exported = ok("--data-dir", journal, "export", "--format", "json", "--output", str(path))
    assert "Exported 4 entries" in exported
    other = new_profile(tmp_path / "other")

    imported = ok("--data-dir", other, "import", str(path))
    again = ok("--data-dir", other, "import", str(path))

    assert "Imported 4 entries" in imported
    assert "Imported 0 entries" in again and "skipped 4" in again
    assert exported_entries(other, tmp_path / "b.json") == exported_entries(
        journal, tmp_path / "a.json"
    )
    assert ok("--data-dir", other, "list") == ok("--data-dir", journal, "list")


def test_export_never_overwrites_without_force(journal: str, tmp_path: Path) -> None:
    path = tmp_path / "diary.md"
    path.write_text("keep me", encoding="utf-8")
    refused = regroup("--data-dir", journal, "export", "--format", "markdown", "-o", str(path))
    assert refused.returncode == 1
    assert "--force" in refused.stderr
    assert path.read_text(encoding="utf-8") == "keep me"

    ok("--data-dir", journal, "export", "--format", "markdown", "-o", str(path), "--force")
    text = path.read_text(encoding="utf-8")
    assert "Practice" in text and "#acme" in text and "Mood: 2/5 (Low)" in text


def test_a_bad_import_file_exits_1_and_writes_nothing(journal: str, tmp_path: Path) -> None:
    path = tmp_path / "backup.json"
    ok("--data-dir", journal, "export", "--output", str(path))
    document = json.loads(path.read_text(encoding="utf-8"))
    document["entries"][1]["mood"] = 9
    path.write_text(json.dumps(document), encoding="utf-8")
    other = tmp_path / "other"
    new_profile(other)
    before = folder_fingerprint(other)

    result = regroup("--data-dir", str(other), "import", str(path))

    assert result.returncode == 1
    assert 'entries[1]), field "mood"' in result.stderr
    assert "Nothing was imported" in result.stderr
    assert folder_fingerprint(other) == before
    assert json.loads(ok("--data-dir", str(other), "list", "--json")) == []


def test_a_passphrase_profile_reads_the_passphrase_then_the_entry_from_stdin(
    tmp_path: Path, no_keyring: None
) -> None:
    data = str(tmp_path / "profile")
    secret = "my long passphrase\n"
    ok("--data-dir", data, "init", stdin=secret)
    ok("--data-dir", data, "add", "-", stdin=secret + "Written through a pipe\n")

    listed = json.loads(ok("--data-dir", data, "list", "--json", stdin=secret))

    assert [entry["preview"] for entry in listed] == ["Written through a pipe"]
