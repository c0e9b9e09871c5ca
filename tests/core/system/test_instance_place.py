"""The single-instance lock and socket live where only this user can reach them."""

from __future__ import annotations

import os
import socket
import stat
import sys
from pathlib import Path

import pytest

from regroup.core.system.instance_place import (
    MAX_SOCKET_PATH,
    instance_place,
    peer_uid,
    runtime_folder,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX folders and sockets")
KEY = "regroup-0123456789abcdef01234567"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def private_runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return runtime


def test_the_runtime_folder_of_this_user_holds_the_socket_and_the_profile_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = private_runtime(tmp_path, monkeypatch)

    place = instance_place(tmp_path / "profile", KEY)

    assert place is not None
    assert Path(place.server).parent == runtime / "regroup"
    assert mode(runtime / "regroup") == 0o700
    # Every process finds the lock here, whatever its environment (cron has no runtime dir).
    assert place.lock == tmp_path / "profile" / "run" / f"{KEY}.lock"
    assert mode(tmp_path / "profile" / "run") == 0o700


def test_without_a_runtime_folder_they_go_in_a_private_folder_of_the_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)

    place = instance_place(tmp_path / "profile", KEY)

    assert place is not None
    assert place.lock.parent == tmp_path / "profile" / "run"
    assert mode(tmp_path / "profile") == 0o700
    assert mode(tmp_path / "profile" / "run") == 0o700
    assert not str(place.lock).startswith("/tmp/regroup")


def test_a_runtime_folder_owned_by_someone_else_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() == 0:
        foreign = tmp_path / "theirs"
        foreign.mkdir(mode=0o700)
        os.chown(foreign, 65534, 65534)
    else:
        foreign = Path("/")  # root's
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(foreign))

    assert runtime_folder(tmp_path / "profile") == tmp_path / "profile" / "run"
    assert not (foreign / "regroup").exists()


def test_a_regroup_folder_planted_by_someone_else_or_as_a_link_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = private_runtime(tmp_path, monkeypatch)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (runtime / "regroup").symlink_to(elsewhere)

    assert runtime_folder(tmp_path / "profile") == tmp_path / "profile" / "run"

    (runtime / "regroup").unlink()
    if os.geteuid() == 0:
        (runtime / "regroup").mkdir()
        os.chown(runtime / "regroup", 65534, 65534)
        assert runtime_folder(tmp_path / "profile2") == tmp_path / "profile2" / "run"


def test_a_world_writable_runtime_folder_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = private_runtime(tmp_path, monkeypatch)
    runtime.chmod(0o777)

    assert runtime_folder(tmp_path / "profile") == tmp_path / "profile" / "run"


def test_a_deep_profile_path_gets_a_socket_path_short_enough(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    deep = tmp_path.joinpath(*(["a-rather-long-folder-name"] * 6))

    place = instance_place(deep, KEY)

    assert place is not None
    assert len(os.fsencode(place.server)) <= MAX_SOCKET_PATH
    assert place.lock.parent == deep / "run"  # the lock has no length limit


def test_the_peer_of_a_socket_is_this_user() -> None:
    if not hasattr(socket, "SO_PEERCRED"):
        pytest.skip("SO_PEERCRED is Linux's")
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with left, right:
        assert peer_uid(left.fileno()) == os.getuid()
        left.send(b"still usable")  # the check worked on a copy of the descriptor
        assert right.recv(32) == b"still usable"
