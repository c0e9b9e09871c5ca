"""Icons and other files shipped in ``regroup.resources``."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon


def resource_path(name: str) -> str:
    """Return a filesystem path to a shipped resource file."""
    return str(resources.files("regroup.resources").joinpath(name))


def app_icon() -> QIcon:
    """Return Regroup's icon."""
    return QIcon(resource_path("icons/regroup.svg"))
