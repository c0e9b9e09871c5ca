"""The main window opens on a temporary profile and only offers what is built."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from regroup import __version__
from regroup.core.profile import Profile
from regroup.gui.main_window import PAGES, MainWindow
from regroup.gui.settings_page import SettingsPage


def _window(qtbot: QtBot, profile: Profile) -> MainWindow:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def test_the_window_opens_on_settings_with_the_profile_facts(
    qtbot: QtBot, profile: Profile
) -> None:
    window = _window(qtbot, profile)
    assert window.windowTitle() == "Regroup"
    assert window.current_page_key() == "settings"
    page = window.pages.currentWidget()
    assert isinstance(page, SettingsPage)
    assert page.folder_label.text() == str(profile.paths.root)
    assert "system keyring" in page.key_label.text()
    assert "new encrypted diary is ready" in window.status_label.text()
    assert not window.grab().isNull()


def test_pages_not_built_yet_are_shown_disabled_not_faked(qtbot: QtBot, profile: Profile) -> None:
    window = _window(qtbot, profile)
    assert window.sidebar.count() == len(PAGES) == 6
    enabled = [
        window.sidebar.item(row).text()
        for row in range(window.sidebar.count())
        if window.sidebar.item(row).flags() & Qt.ItemFlag.ItemIsEnabled
    ]
    assert enabled == ["Settings"]
    assert window.pages.count() == 1
    window.show_page("diary")
    assert window.current_page_key() == "settings"


def test_ctrl_6_goes_to_settings_and_the_about_box_names_the_version(
    qtbot: QtBot, profile: Profile
) -> None:
    window = _window(qtbot, profile)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.sidebar.setCurrentRow(-1)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "settings"
    assert __version__ in window.about_text()
    labels = [w.accessibleName() for w in window.findChildren(QLabel) if w.accessibleName()]
    assert "Profile folder" in labels
