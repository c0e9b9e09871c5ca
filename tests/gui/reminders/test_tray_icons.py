"""The tray menu's icons: one per item, given again in the new colours when the scheme changes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from regroup.gui.kit import theme
from regroup.gui.reminders.tray import Tray


class Flags:
    def was_said(self, key: str) -> bool:
        return False

    def mark_said(self, key: str) -> None:
        pass


@pytest.fixture
def tray(qtbot: QtBot, qapp: QApplication) -> Iterator[Tray]:
    theme.apply(qapp, theme.LIGHT)
    window = QMainWindow()
    qtbot.addWidget(window)
    yield Tray(window, Flags(), lambda: 2)
    theme.apply(qapp, theme.LIGHT)
    theme.apply(qapp, theme.SYSTEM)


def test_every_tray_menu_item_has_an_icon(tray: Tray) -> None:
    items = [action for action in tray.menu.actions() if not action.isSeparator()]
    assert len(items) == 8  # Lock now among them
    assert all(not action.icon().isNull() for action in items)


def test_the_tray_menu_is_given_its_icons_again_in_a_new_scheme(
    qtbot: QtBot, qapp: QApplication, tray: Tray
) -> None:
    with qtbot.waitSignal(tray.quit_action.changed):
        theme.apply(qapp, theme.DARK)
    assert not tray.quit_action.icon().isNull()
