"""Writes are all-or-nothing, and a failed one says why."""

from pathlib import Path

import pytest

from regroup.core.errors import StorageWriteError
from regroup.core.storage.files import atomic_write_bytes


def test_replacing_a_file_keeps_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "f"
    atomic_write_bytes(target, b"one")
    atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["f"]


def test_a_write_into_a_missing_folder_fails_clearly_and_changes_nothing(tmp_path: Path) -> None:
    with pytest.raises(StorageWriteError, match="Nothing was changed"):
        atomic_write_bytes(tmp_path / "no-such-folder" / "f", b"x")
    assert list(tmp_path.iterdir()) == []
