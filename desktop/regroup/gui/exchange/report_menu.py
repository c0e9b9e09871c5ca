"""The window's File › Export report… action; the dialog, charts and printing load on use.

The window builds its menus before its first paint, so this module stays light:
importing the dialog here would add the insights and printing code to every start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from regroup.core.profile import Profile


def report_action(window: QWidget, profile: Profile) -> QAction:
    """File › Export report…, which opens the report dialog over ``window``."""
    action = QAction("Export &report…", window)

    def open_dialog() -> None:
        from regroup.gui.exchange.report_dialog import ReportDialog

        ReportDialog(profile, window).exec()

    action.triggered.connect(open_dialog)
    return action
