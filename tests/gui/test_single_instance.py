"""One Regroup per profile: a second start raises the first; a crash never blocks a start."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from regroup.gui.single_instance import (
    SHOW,
    SingleInstance,
    bring_to_front,
    instance_key,
    send_message,
)

START_TIMEOUT_MS = 60_000


def regroup(data: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "regroup", "--data-dir", str(data), *args],
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def init_profile(data: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "regroup", "--data-dir", str(data), "init"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_each_profile_has_its_own_name(tmp_path: Path) -> None:
    first, second = instance_key(tmp_path / "a"), instance_key(tmp_path / "b")
    assert first != second
    assert instance_key(tmp_path / "a") == first


def test_two_profiles_run_side_by_side(qtbot: QtBot, tmp_path: Path) -> None:
    work, home = SingleInstance(tmp_path / "work"), SingleInstance(tmp_path / "home")
    try:
        assert work.claim([SHOW]) and home.claim([SHOW])
    finally:
        work.release()
        home.release()


@pytest.mark.integration
def test_a_second_start_raises_the_first_window_and_never_opens_the_profile(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data = tmp_path / "profile"
    first = SingleInstance(data)
    window = QMainWindow()
    qtbot.addWidget(window)
    received: list[list[str]] = []
    first.message_received.connect(received.append)
    first.message_received.connect(lambda _message: bring_to_front(window))
    try:
        assert first.claim([SHOW])
        second = regroup(data)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=START_TIMEOUT_MS)
        _out, err = second.communicate()
        assert second.returncode == 0, err
        qtbot.waitUntil(lambda: bool(received))
    finally:
        first.release()
    assert received == [[SHOW]]
    assert window.isVisible()
    # Without $XDG_RUNTIME_DIR the first one's lock sits in the profile folder, alone.
    held = sorted(p.name for p in data.iterdir()) if data.exists() else []
    assert held in ([], ["run"]), "the second start created or opened the profile"


@pytest.mark.integration
def test_after_kill_9_of_the_first_a_new_start_works(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "profile"
    init_profile(data)
    first = regroup(data)
    try:
        qtbot.waitUntil(
            lambda: send_message(SingleInstance(data).name, ["ping"]) or first.poll() is not None,
            timeout=START_TIMEOUT_MS,
        )
        assert first.poll() is None, first.communicate()
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate()
    lock = Path(SingleInstance(data).lock.fileName())
    assert lock.exists(), "the killed process left its lock behind"
    again = subprocess.run(
        [sys.executable, "-m", "regroup", "--data-dir", str(data)],
        env={**os.environ, "REGROUP_EXIT_WHEN_READY": "1"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout.split() == ["regroup-ready", "regroup-diary-ready"]


@pytest.mark.integration
def test_a_lock_whose_owner_does_not_answer_is_taken_over(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    init_profile(data)
    lock = Path(SingleInstance(data).lock.fileName())
    # A live process that is not Regroup (as after a crash and PID reuse): this test's.
    program = Path(os.path.realpath(sys.executable)).name
    lock.write_text(f"{os.getpid()}\n{program}\n{socket.gethostname()}\n")
    again = subprocess.run(
        [sys.executable, "-m", "regroup", "--data-dir", str(data)],
        env={**os.environ, "REGROUP_EXIT_WHEN_READY": "1"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout.split() == ["regroup-ready", "regroup-diary-ready"]
    assert "taking over its lock" in again.stderr


def _start_again_and_be_heard(qtbot: QtBot, data: Path, received: list[list[str]]) -> None:
    """Start Regroup a second time on ``data``: it ends at once, and the first hears it."""
    second = regroup(data)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=START_TIMEOUT_MS)
    assert second.returncode == 0, second.communicate()[1]
    qtbot.waitUntil(lambda: bool(received))


@pytest.mark.integration
def test_a_deep_profile_still_hears_a_second_start(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path.joinpath(*(["a-rather-long-folder-name"] * 6), "profile")
    first = SingleInstance(data)
    received: list[list[str]] = []
    first.message_received.connect(received.append)
    try:
        assert first.claim([SHOW])
        assert first.name.startswith("/") and len(os.fsencode(first.name)) <= 100
        folder = Path(first.name).parent.lstat()  # whichever place was short enough
        assert (folder.st_mode & 0o777, folder.st_uid) == (0o700, os.getuid())
        _start_again_and_be_heard(qtbot, data, received)
    finally:
        first.release()
    assert received == [[SHOW]]


def test_a_request_from_another_user_is_refused(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import regroup.gui.single_instance as single_instance

    first = SingleInstance(tmp_path / "profile")
    received: list[list[str]] = []
    first.message_received.connect(received.append)
    try:
        assert first.claim([SHOW])
        monkeypatch.setattr(single_instance, "peer_uid", lambda _fd: os.getuid() + 1)
        assert not send_message(first.name, [SHOW])
        qtbot.wait(200)
    finally:
        first.release()
    assert received == []


@pytest.mark.integration
def test_a_second_start_without_the_runtime_folder_still_finds_the_first(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    data = tmp_path / "profile"
    first = SingleInstance(data)
    received: list[list[str]] = []
    first.message_received.connect(received.append)
    try:
        assert first.claim([SHOW])
        assert first.name.startswith(str(runtime))
        monkeypatch.delenv("XDG_RUNTIME_DIR")  # as from cron or a bare ssh session
        _start_again_and_be_heard(qtbot, data, received)
    finally:
        first.release()
    assert received == [[SHOW]]
