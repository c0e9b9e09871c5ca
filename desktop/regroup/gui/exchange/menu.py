"""The window's File › Export… and File › Import… actions; their dialogs load on first use.

The window builds its menus before its first paint, so this module stays light:
importing the dialog here would add the exchange code to every start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from regroup.core.profile import Profile
    from regroup.gui.kit.page import PageContext


def export_action(window: QWidget, profile: Profile) -> QAction:
    """File › Export…, which opens the export dialog over ``window``."""
    action = QAction("&Export…", window)

    def open_dialog() -> None:
        from regroup.gui.exchange.export_dialog import ExportDialog

        ExportDialog(profile, window).exec()

    action.triggered.connect(open_dialog)
    return action


def import_action(parent: QWidget, context: PageContext) -> QAction:
    """File › Import…, which opens the import dialog (preview first) over ``parent``."""
    action = QAction("&Import…", parent)
    action.setStatusTip("Bring in entries from jrnl, Day One, Markdown notes or a Regroup export")

    def open_dialog() -> None:
        from regroup.gui.exchange.import_dialog import ImportDialog

        ImportDialog(context, parent).exec()

    action.triggered.connect(open_dialog)
    return action
