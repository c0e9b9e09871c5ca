"""A path the system cannot take gets words about the path, never a trace nor a disk hint."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from regroup.core.errors import describe_os_error
from tests.cli.test_diary import new_profile, regroup

LONG_NAME = "my-diary-" + "x" * 300


def _said_clearly(stderr: str) -> None:
    assert "is too long: a file or folder name can have at most 255 letters" in stderr
    assert "Traceback" not in stderr
    assert "disk" not in stderr


@pytest.mark.integration
def test_init_in_a_folder_whose_name_is_too_long_says_so(tmp_path: Path) -> None:
    result = regroup("--data-dir", str(tmp_path / LONG_NAME), "init")
    assert result.returncode == 1
    _said_clearly(result.stderr)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.integration
def test_an_export_to_a_name_too_long_says_so_and_writes_nothing(tmp_path: Path) -> None:
    data = new_profile(tmp_path / "profile")
    for extra in ([], ["--force"]):
        target = str(tmp_path / f"{LONG_NAME}.json")
        result = regroup("--data-dir", data, "export", "--format=json", "--output", target, *extra)
        assert result.returncode == 1
        _said_clearly(result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile"]


def test_a_path_too_long_overall_is_told_apart_from_a_full_disk() -> None:
    deep = "/home/me/" + "/".join(["folder"] * 800)
    said = describe_os_error(OSError(errno.ENAMETOOLONG, "File name too long", deep))
    assert "longer than this system allows" in said
    assert "disk" not in said
    full = describe_os_error(OSError(errno.ENOSPC, "No space left on device", "/home/me/x"))
    assert "The disk is full" in full
