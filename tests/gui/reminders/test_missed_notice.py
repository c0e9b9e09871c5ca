"""Check-ins that came due while Regroup was closed: counted and named, generic outside."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from regroup.core.checkins.notices import Notice
from regroup.core.debriefs.types import DebriefContent
from regroup.core.profile import Profile
from regroup.gui.checkins.page import CheckinsPage
from regroup.gui.main_window import MainWindow
from regroup.gui.reminders.reminder_ui import ReminderUi, install_reminder_ui
from tests.gui.conftest import ManualClock, page_of, show_window
from tests.gui.reminders.test_reminder_ui import Recording

# Planned on 10 March (the test clock's day is moved back); by noon on 18 March, when
# Regroup starts again, they came due days ago.
COMPANIES = ("Northwind", "Bolt", "Cedar Health")


def _came_due_days_ago(profile: Profile, company: str, clock: ManualClock) -> int:
    content = DebriefContent(
        company=company, role="Designer", news_on=dt.date(2026, 3, 10), mourning_days=3
    )
    now = clock.moment
    clock.moment = dt.datetime(2026, 3, 10, 18, 0, tzinfo=dt.UTC)
    record = profile.debriefs.create(content, draft=False).record
    clock.moment = now
    assert record.checkin is not None
    return record.checkin.id


def _first_check(qtbot: QtBot, profile: Profile) -> tuple[MainWindow, ReminderUi, Notice]:
    """Open the window with its reminders, as at a start, and return the one notice shown."""
    window = show_window(qtbot, profile)
    desktop = Recording()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ui = install_reminder_ui(app, window, profile.paths.root, None, desktop, start_delay_ms=None)
    ui.start_reminders()
    qtbot.waitUntil(lambda: bool(desktop.shown))
    [notice] = desktop.shown
    return window, ui, notice


def test_one_check_in_missed_is_one_and_its_notice_opens_it_under_missed(
    qtbot: QtBot, clocked_profile: Profile, clock: ManualClock
) -> None:
    checkin_id = _came_due_days_ago(clocked_profile, "Northwind", clock)
    window, ui, notice = _first_check(qtbot, clocked_profile)
    try:
        assert notice.message.startswith("A check-in came due while Regroup was closed")
        assert "Missed" in notice.message and "Some" not in notice.message
        assert "Northwind" not in notice.message  # a notification names no company
        ui.notifier.clicked.emit(notice)
        page = page_of(window, "checkins", CheckinsPage)
        assert page.form.checkin_id == checkin_id
        assert page.tree.topLevelItem(0).text(0) == "Missed (1)"
        assert page.form.title_label.text() == "Northwind — Designer"  # named inside
    finally:
        ui.tray.hide()


def test_three_check_ins_missed_are_counted_in_one_quiet_notice(
    qtbot: QtBot, clocked_profile: Profile, clock: ManualClock
) -> None:
    for company in COMPANIES:
        _came_due_days_ago(clocked_profile, company, clock)
    _window, ui, notice = _first_check(qtbot, clocked_profile)
    try:
        assert notice.message.startswith("3 check-ins came due while Regroup was closed")
        assert notice.item_id is None
        assert not any(company in notice.message for company in COMPANIES)
        assert ui.tray.checkins_action.text() == "Check-ins due (3)"
    finally:
        ui.tray.hide()
