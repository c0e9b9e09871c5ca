"""File › Import…: the menu item; the dialog's module loads when it is first chosen."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from regroup.gui.kit.page import PageContext


def import_action(parent: QWidget, context: PageContext) -> QAction:
    action = QAction("&Import…", parent)
    action.setStatusTip("Bring in entries from jrnl, Day One, Markdown notes or a Regroup export")

    def open_dialog() -> None:
        from regroup.gui.exchange.import_dialog import ImportDialog

        ImportDialog(context, parent).exec()

    action.triggered.connect(open_dialog)
    return action
