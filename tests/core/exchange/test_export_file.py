"""An export leaves no hidden plaintext copy on any way out, and writes only regular files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from regroup.core.errors import RegroupError
from regroup.core.exchange import export_file
from regroup.core.exchange.export_file import (
    MAX_FOLDERS,
    ExportTargetError,
    export_folders,
    remember_export_folder,
    sweep_export_leftovers,
    write_export_file,
)
from regroup.core.profile import Profile

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="links and pipes are POSIX here")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(child.stdout)


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, SystemExit, OSError])
def test_an_export_stopped_halfway_leaves_no_copy_and_the_old_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, interruption: type[BaseException]
) -> None:
    target = tmp_path / "out.json"
    target.write_text("the export from last week")

    def stopped(_fd: int) -> None:
        raise interruption(5, "Input/output error") if interruption is OSError else interruption()

    monkeypatch.setattr(export_file.os, "fsync", stopped)
    with pytest.raises((interruption, RegroupError)):
        write_export_file(target, b'{"entries": ["private words"]}')

    assert leftovers(tmp_path) == []
    assert target.read_text() == "the export from last week"


def test_the_temporary_copy_carries_the_name_the_sweep_knows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real = os.replace
    monkeypatch.setattr(
        export_file.os, "replace", lambda a, b: (seen.append(leftovers(tmp_path)[0]), real(a, b))
    )

    write_export_file(tmp_path / "out.md", b"# Diary")

    assert seen[0].startswith(f".regroup-export-{os.getpid()}-")
    assert seen[0].endswith(".part")
    assert (tmp_path / "out.md").stat().st_mode & 0o777 == 0o600


@posix_only
def test_a_symbolic_link_is_never_written_through_even_when_replacing(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("not an export")
    link = tmp_path / "out.json"
    link.symlink_to(precious)
    dangling = tmp_path / "nowhere.json"
    dangling.symlink_to(tmp_path / "missing" / "file")

    for target in (link, dangling):
        with pytest.raises(ExportTargetError, match="is a symbolic link"):
            write_export_file(target, b"diary text", replace=True)

    assert precious.read_text() == "not an export"
    assert link.is_symlink() and dangling.is_symlink()
    assert leftovers(tmp_path) == []


@posix_only
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "out.json"
    os.mkfifo(pipe)

    with pytest.raises(ExportTargetError, match="is a named pipe, not a file"):
        write_export_file(pipe, b"diary text", replace=True)

    assert pipe.is_fifo()


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportTargetError, match="is a device, not a file"):
        write_export_file(Path("/dev/null"), b"diary text", replace=True)


def test_an_existing_file_is_kept_unless_replacing_was_asked(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("keep me")

    with pytest.raises(ExportTargetError, match="already exists"):
        write_export_file(target, b"new", replace=False)
    write_export_file(target, b"new", replace=True)

    assert target.read_bytes() == b"new"


def test_leftovers_of_ended_exports_are_swept_and_nothing_else(
    profile: Profile, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    write_export_file(folder / "first.json", b"{}", profile.db)
    gone = folder / f".regroup-export-{dead_pid()}-abc123.part"
    running = folder / f".regroup-export-{os.getpid()}-def456.part"
    others = [folder / ".out.json.x1y2", folder / "regroup-export-1-a.part", folder / "notes.md"]
    for path in (gone, running, *others):
        path.write_text("diary text")

    removed = sweep_export_leftovers(profile.db)

    assert removed == 1
    assert not gone.exists()
    assert running.exists() and all(path.exists() for path in others)


def test_only_the_latest_export_folders_are_remembered(profile: Profile, tmp_path: Path) -> None:
    for number in range(MAX_FOLDERS + 3):
        remember_export_folder(profile.db, tmp_path / str(number))
    remember_export_folder(profile.db, tmp_path / "5")

    folders = export_folders(profile.db)

    assert len(folders) == MAX_FOLDERS
    assert folders[0] == tmp_path / "5"
    assert tmp_path / "0" not in folders
