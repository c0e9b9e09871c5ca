"""An application gone quiet reaches the person through the check-ins' notifier, once."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from regroup.core.checkins.notices import QUIET, Notice, Target
from regroup.core.debriefs.types import NewsVia
from regroup.core.profile import Profile
from regroup.core.waiting.types import WaitingContent
from regroup.gui.debriefs.page import DebriefPage
from regroup.gui.reminders.banner_notifier import OPEN
from regroup.gui.reminders.reminder_ui import install_reminder_ui
from tests.gui.conftest import ManualClock, page_of, show_window, toast_button, toast_text
from tests.gui.reminders.test_reminder_ui import Recording


def test_after_21_quiet_days_one_generic_notice_comes_and_a_click_opens_the_application(
    qtbot: QtBot, clocked_profile: Profile, clock: ManualClock
) -> None:
    item = clocked_profile.waiting.add(
        WaitingContent("Northwind", "Designer", dt.date(2026, 3, 8))  # 10 days before the clock
    )
    window = show_window(qtbot, clocked_profile)
    desktop = Recording()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ui = install_reminder_ui(
        app, window, clocked_profile.paths.root, None, desktop, start_delay_ms=None
    )
    try:
        driver = ui.start_reminders()
        assert driver is not None
        driver.check()
        assert desktop.shown == []
        for _day in range(10):  # day 11 to day 20: still waiting
            clock.advance(dt.timedelta(days=1))
            driver.check()
        assert desktop.shown == []
        clock.advance(dt.timedelta(days=1))  # day 21
        driver.check()
        assert desktop.shown == [Notice(QUIET, Target.WAITING, item.id)]
        assert "Northwind" not in desktop.shown[0].message
        for _day in range(5):
            clock.advance(dt.timedelta(days=1))
            driver.check()
        assert len(desktop.shown) == 1  # once per application, across days

        ui.notifier.clicked.emit(desktop.shown[0])
        page = page_of(window, "debriefs", DebriefPage)
        assert window.current_page_key() == "debriefs"
        assert page.sides.currentWidget() is page.sides.waiting
        assert page.sides.waiting.current_id() == item.id
        qtbot.mouseClick(page.sides.waiting.quiet_button, Qt.MouseButton.LeftButton)
        assert page.form.company_edit.text() == "Northwind"
        assert page.form.content().news_via is NewsVia.NO_REPLY
    finally:
        ui.tray.hide()


def test_without_a_desktop_notifier_or_a_tray_the_offer_waits_in_the_window(
    qtbot: QtBot, clocked_profile: Profile
) -> None:
    clocked_profile.waiting.add(WaitingContent("Bolt", "", dt.date(2026, 2, 1)))
    window = show_window(qtbot, clocked_profile)

    class Broken:
        def notify(self, _notice: Notice) -> None:
            raise RuntimeError("no daemon")

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ui = install_reminder_ui(
        app, window, clocked_profile.paths.root, None, Broken(), start_delay_ms=None
    )
    try:
        ui.tray.hide()
        queued: list[Notice] = []
        ui.notifier.banner_queued.connect(queued.append)
        driver = ui.start_reminders()
        assert driver is not None
        driver.check()
        assert [notice.message for notice in queued] == [QUIET]
        assert toast_text(ui.banner.toast) == QUIET  # the window is on show
        toast_button(ui.banner.toast, OPEN).click()
        page = page_of(window, "debriefs", DebriefPage)
        assert page.sides.currentWidget() is page.sides.waiting
    finally:
        ui.tray.hide()
