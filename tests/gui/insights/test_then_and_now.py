"""The "then and now" look-back after a check-in's "Yes", and turning it off in Settings."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from regroup.gui.checkins.page import CheckinsPage
from regroup.gui.insights.page import InsightsPage
from regroup.gui.insights.settings_section import InsightsSettingsBox
from regroup.gui.main_window import MainWindow
from regroup.gui.settings.page import SettingsPage
from tests.gui.conftest import page_of, show_window
from tests.gui.insights.conftest import Search


def answer_yes_to_a_new_check_in(window: MainWindow, search: Search) -> CheckinsPage:
    checkin = search.profile.checkins.start_by_hand(search.ids["Dune"]).id
    window.show_page("checkins")
    page = page_of(window, "checkins", CheckinsPage)
    page.open_checkin(checkin)
    assert page.form.checkin_id == checkin
    page.form.yes_button.click()
    assert search.profile.checkins.get(checkin).ready is True
    return page


def test_after_yes_a_calm_card_looks_back_and_can_be_closed(qtbot: QtBot, search: Search) -> None:
    window = show_window(qtbot, search.profile)
    page = answer_yes_to_a_new_check_in(window, search)
    look_back = search.profile.insights.then_and_now()
    assert look_back is not None
    qtbot.waitUntil(lambda: page.look_back is not None and page.look_back.isVisible())
    assert page.look_back is not None
    assert page.look_back.reading.text() == look_back.reading
    assert "Winter Co" in page.look_back.title.text()
    page.look_back.close_button.click()
    assert page.look_back.isHidden()


def test_turned_off_in_settings_the_card_shows_neither_after_yes_nor_on_insights(
    qtbot: QtBot, search: Search
) -> None:
    window = show_window(qtbot, search.profile)
    window.show_page("settings")
    settings = page_of(window, "settings", SettingsPage)
    boxes = settings.findChildren(InsightsSettingsBox)
    assert len(boxes) == 1
    check = boxes[0].check
    assert isinstance(check, QCheckBox) and check.isChecked()
    check.click()
    assert search.profile.settings.show_then_and_now() is False
    page = answer_yes_to_a_new_check_in(window, search)
    assert not page.look_back_read.busy and page.look_back is None  # not even read
    window.show_page("insights")
    insights = page_of(window, "insights", InsightsPage)
    qtbot.waitUntil(lambda: not insights.is_loading and len(insights.cards) == 8)
    assert insights.then_and_now.isHidden()
    check.click()
    assert search.profile.settings.show_then_and_now() is True


def test_the_setting_is_kept_in_the_profile(search: Search) -> None:
    settings = search.profile.settings
    assert settings.show_then_and_now() is True  # on until turned off
    settings.set_show_then_and_now(False)
    assert settings.get("show_then_and_now") == "off"
    assert settings.show_then_and_now() is False
