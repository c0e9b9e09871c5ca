"""The test run forbids network connections, so any attempt by the app fails a test."""

import os
import socket
import subprocess
import sys

import pytest
from pytest_socket import SocketBlockedError


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_an_internet_socket_cannot_be_opened() -> None:
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_local_unix_sockets_stay_allowed_for_dbus_and_qt() -> None:
    left, right = socket.socketpair(socket.AF_UNIX)
    left.sendall(b"ok")
    assert right.recv(2) == b"ok"
    left.close()
    right.close()


def test_programs_started_by_tests_cannot_open_internet_sockets_either() -> None:
    attempt = "import socket; socket.socket(socket.AF_INET6, socket.SOCK_STREAM)"
    result = subprocess.run(
        [sys.executable, "-c", attempt],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Regroup test guard" in result.stderr
