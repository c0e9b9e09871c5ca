"""Finishing a debrief whose check-in is already due says so and offers to open it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from regroup.core.profile import Profile
from regroup.gui.checkins.page import CheckinsPage
from regroup.gui.debriefs.page import DUE_NOW, DUE_NOW_OPEN
from tests.gui.conftest import no_toast_on, toast_button, toast_on
from tests.gui.debriefs.test_page import open_debriefs, set_day, type_number


def test_news_older_than_the_days_to_mourn_makes_the_check_in_due_now_and_opens_it(
    qtbot: QtBot, profile: Profile
) -> None:
    window, page = open_debriefs(qtbot, profile)
    form = page.form
    qtbot.keyClicks(form.company_edit, "Northwind")
    set_day(form.news_edit, dt.date.today() - dt.timedelta(days=5))  # the news came 5 days ago
    type_number(qtbot, form.days_spin, 3)  # three days to mourn
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    toast = toast_on(page, DUE_NOW)
    assert "due now" in toast.text()
    checkin = profile.debriefs.get(page.saver.debrief_id or 0).checkin
    assert checkin is not None
    toast_button(toast, DUE_NOW_OPEN).click()
    assert window.current_page_key() == "checkins"
    checkins = window.page("checkins")
    assert isinstance(checkins, CheckinsPage) and checkins.form.checkin_id == checkin.id


def test_a_check_in_still_to_come_is_not_called_due(qtbot: QtBot, profile: Profile) -> None:
    _window, page = open_debriefs(qtbot, profile)
    form = page.form
    qtbot.keyClicks(form.company_edit, "Southwind")
    set_day(form.news_edit, dt.date.today())
    type_number(qtbot, form.days_spin, 3)
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    assert no_toast_on(page, DUE_NOW)
    assert page.form.due_label.text().startswith("Check-in due")
