"""Putting the welcome in front of the window's pages, and taking it away at the end.

Only a profile that needs the welcome imports it (see ``gui.app.welcome_first``):
other starts read two settings and go on.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget

from regroup.gui.kit.page import NEW
from regroup.gui.main_window import MainWindow
from regroup.gui.welcome.page import WelcomePage
from regroup.gui.welcome.progress import WelcomeProgress


def show_welcome(window: MainWindow, progress: WelcomeProgress) -> WelcomePage:
    """Put the welcome in front of the window's pages until it is finished.

    The window's shortcuts and File actions (but Quit) wait until then.
    """
    welcome = WelcomePage(str(window.profile.paths.root), progress)
    pages = window.takeCentralWidget()
    assert pages is not None  # the window builds its pages before anything can show
    holder = QStackedWidget()
    holder.addWidget(welcome)
    holder.addWidget(pages)
    window.setCentralWidget(holder)
    held = [
        action
        for action in window.actions() + window.file_menu.actions()
        if action.isEnabled() and not action.isSeparator() and action is not window.quit_action
    ]
    for action in held:
        action.setEnabled(False)

    def finished(page_key: str) -> None:
        for action in held:
            action.setEnabled(True)
        holder.setCurrentWidget(pages)
        welcome.deleteLater()
        window.open(page_key, NEW)

    welcome.finished.connect(finished)
    welcome.next_button.setFocus()
    return welcome
