"""Icons and other files shipped in ``regroup.resources``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

import regroup.resources


def resource_path(name: str) -> str:
    """Return a filesystem path to a shipped resource file."""
    return str(Path(regroup.resources.__file__).parent / name)


def app_icon() -> QIcon:
    """Return Regroup's icon."""
    return QIcon(resource_path("icons/regroup.svg"))
