"""A named Windows mutex that tells the installer and uninstaller Regroup is running.

Inno Setup's ``AppMutex`` (packaging/windows/regroup.iss) checks for these names and asks
the person to close Regroup before it replaces or removes the files. The mutex belongs
to the process: Windows drops it when Regroup exits, so nothing ever releases it here.
The twin in the ``Global`` namespace is seen from other sessions too (another user signed in).
"""

from __future__ import annotations

import logging
import sys

APP_MUTEX = "io.github.regroup.Regroup.running"
APP_MUTEX_NAMES = (APP_MUTEX, f"Global\\{APP_MUTEX}")
log = logging.getLogger(__name__)


def hold_app_mutex() -> list[int]:
    """Create the mutexes on Windows and return their handles; elsewhere do nothing.

    A failure is only logged: the installer then cannot tell that Regroup runs, which
    is how it was before, and no reason to keep the app from starting.
    """
    handles: list[int] = []
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        create = kernel32.CreateMutexW
        create.argtypes = (wintypes.LPVOID, wintypes.BOOL, wintypes.LPCWSTR)
        create.restype = wintypes.HANDLE
        for name in APP_MUTEX_NAMES:
            handle = create(None, False, name)
            if handle:
                handles.append(handle)
            else:
                log.info("could not create the mutex %s: %s", name, ctypes.get_last_error())
    return handles
