"""Loaded by every Python process the tests start: internet sockets raise at once.

pytest-socket guards the test process itself; this audit hook does the same for the
real program run in subprocesses. Unix sockets (D-Bus, Qt's local sockets) stay open.
"""

import socket
import sys

_BLOCKED_FAMILIES = {socket.AF_INET, socket.AF_INET6}


def _guard(event: str, args: tuple) -> None:  # type: ignore[type-arg]
    if event == "socket.__new__" and args[1] in _BLOCKED_FAMILIES:
        raise RuntimeError("Regroup test guard: an internet socket was opened")
    if event == "socket.getaddrinfo":
        raise RuntimeError(f"Regroup test guard: a name lookup was made for {args[0]!r}")


sys.addaudithook(_guard)
