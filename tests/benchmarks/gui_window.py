"""What the offscreen page benchmarks share: a profile opened in a shown, empty window."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from tests.support.prompter import ScriptedPrompter


def ms_since(start: float) -> float:
    """Milliseconds of wall time since ``start`` (a ``time.perf_counter()``)."""
    return (time.perf_counter() - start) * 1000


def shown_window(root: Path) -> tuple[QApplication, QMainWindow, Profile]:
    """Open the profile in ``root`` and show an empty window at the app's own size."""
    app = QApplication([])
    profile = open_profile(ProfilePaths(root), SystemKeyStore(), ScriptedPrompter())
    window = QMainWindow()
    window.resize(1000, 680)
    window.show()
    app.processEvents()
    return app, window, profile
