"""No core dumps and no debugger attaching from outside: a dump would hold diary text and the key.

A crash dump lands in the working folder or in the system's crash collector
(systemd-coredump, apport, macOS's ReportCrash), unencrypted, where the diary's
plain text and its data key can be read back. At start, before any key is read:

- Linux: the core size limit drops to 0 (soft and hard, so nothing in the process can
  raise it again) and ``PR_SET_DUMPABLE`` is cleared, which also stops collectors
  that ignore the limit and keeps other processes of the same user from attaching
  with ptrace or reading ``/proc/<pid>/mem``.
- macOS: the core size limit only. ``PT_DENY_ATTACH`` is easily bypassed by anyone
  able to debug the process at all, and it stops crash reports too; not worth it.
- Windows: nothing cheap exists (Windows Error Reporting settings are machine-wide).

``REGROUP_ALLOW_DUMPS=1`` leaves everything as it was, for benchmarks that read a
running Regroup's ``/proc`` entries and for debugging; see CONTRIBUTING.
"""

from __future__ import annotations

import logging
import os
import sys

ALLOW_DUMPS = "REGROUP_ALLOW_DUMPS"
PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
log = logging.getLogger(__name__)


def forbid_core_dumps() -> None:
    """Turn off core dumps (and on Linux, ptrace by the same user) for this process.

    Each step that fails is logged and skipped: Regroup still starts, as it did before.
    """
    if os.environ.get(ALLOW_DUMPS) == "1" or os.name != "posix":
        return
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError) as exc:
        log.info("could not turn off core dumps: %s", exc)
    if sys.platform.startswith("linux"):
        _not_dumpable()


def _not_dumpable() -> None:
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            log.info("prctl(PR_SET_DUMPABLE) failed: errno %d", ctypes.get_errno())
    except (OSError, AttributeError) as exc:
        log.info("prctl is not available: %s", exc)


def is_dumpable() -> bool | None:
    """Return whether this process may dump core and be traced (Linux), else None."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    return bool(ctypes.CDLL(None, use_errno=True).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
