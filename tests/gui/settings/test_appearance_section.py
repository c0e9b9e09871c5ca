"""Settings: choosing light, dark or the system's scheme shows it now and keeps it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from regroup.core.profile import Profile
from regroup.gui.app import apply_profile_theme
from regroup.gui.kit import theme
from regroup.gui.kit.page_parts import button, make_primary
from regroup.gui.main_window import MainWindow
from regroup.gui.settings.appearance_section import AppearanceBox


@pytest.fixture(autouse=True)
def back_to_light(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(theme.ENVIRONMENT, raising=False)
    yield
    theme.apply(qapp, theme.LIGHT)
    theme.apply(qapp, theme.SYSTEM)


def test_picking_dark_in_settings_shows_it_and_the_next_start_opens_dark(
    qtbot: QtBot, qapp: QApplication, profile: Profile
) -> None:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    page = window.page("settings")
    assert page is not None
    box = page.section("appearance")
    assert isinstance(box, AppearanceBox)
    assert box.buttons[theme.SYSTEM].isChecked()
    box.buttons[theme.DARK].click()
    assert profile.settings.theme() == theme.DARK
    assert theme.scheme_name() == theme.DARK
    theme.apply(qapp, theme.LIGHT)  # as at a new start, before the profile is read
    apply_profile_theme(qapp, profile)
    assert theme.scheme_name() == theme.DARK
    box.buttons[theme.LIGHT].click()
    assert (profile.settings.theme(), theme.scheme_name()) == (theme.LIGHT, theme.LIGHT)


def test_regroup_theme_in_the_environment_wins_and_settings_say_so(
    qtbot: QtBot, qapp: QApplication, profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile.settings.set_theme(theme.LIGHT)
    monkeypatch.setenv(theme.ENVIRONMENT, "dark")
    apply_profile_theme(qapp, profile)
    assert theme.scheme_name() == theme.DARK
    box = AppearanceBox(profile.settings)
    qtbot.addWidget(box)
    assert box.buttons[theme.LIGHT].isChecked()  # the stored choice is kept for later
    assert any(
        "REGROUP_THEME=dark" in label.text() for label in box.findChildren(type(box.error_label))
    )


def test_page_buttons_and_the_sidebar_carry_icons(qtbot: QtBot, profile: Profile) -> None:
    delete = button("Delete…", "Delete the chosen goal", lambda: None)
    new = button("New goal", "Add a goal", lambda: None)
    plain = button("Copy", "Copy it", lambda: None)
    chosen = button("Another prompt", "Show another prompt", lambda: None, icon="restore")
    assert not delete.icon().isNull() and not new.icon().isNull()
    assert plain.icon().isNull()
    assert not chosen.icon().isNull()
    assert make_primary(new).property("buttonStyle") == "primary"
    tinted = new.icon().pixmap(24, 24).toImage()
    inked = {
        tinted.pixelColor(x, y).name()
        for x in range(24)
        for y in range(24)
        if tinted.pixelColor(x, y).alpha() == 255
    }
    assert inked == {theme.colour("accent_text").name()}
    window = MainWindow(profile)
    qtbot.addWidget(window)
    rows = [window.sidebar.item(row) for row in range(window.sidebar.count())]
    assert all(not item.icon().isNull() for item in rows)
