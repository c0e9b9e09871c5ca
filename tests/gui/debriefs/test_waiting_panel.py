"""The Waiting list on the Debriefs page: add, edit, remove, and close into a debrief."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from regroup.core.debriefs.types import DebriefStatus, NewsVia, Stage
from regroup.core.profile import Profile
from regroup.core.waiting.types import WaitingContent, waiting_target
from regroup.gui.debriefs.waiting_dialog import WaitingDialog
from regroup.gui.debriefs.waiting_panel import EMPTY
from regroup.gui.kit.toasts import toasts_for
from tests.gui.conftest import Dialogs, ManualClock, toast_text
from tests.gui.debriefs.test_page import open_debriefs
from tests.gui.modal import when_modal

APPLIED = dt.date(2026, 2, 20)  # the test clock reads 18 March 2026: 26 days ago


def _fill(company: str, role: str, note: str = "") -> list[BaseException]:
    def type_in(dialog: QDialog) -> None:
        assert isinstance(dialog, WaitingDialog)
        dialog.company_edit.setText(company)
        dialog.role_edit.setText(role)
        dialog.note_edit.setText(note)
        dialog.stage_box.setCurrentIndex(dialog.stage_box.findData("screening_call"))
        dialog.save()

    return when_modal(type_in)


def test_an_application_added_in_the_window_is_listed_with_its_quiet_days(
    qtbot: QtBot, clocked_profile: Profile
) -> None:
    _window, page = open_debriefs(qtbot, clocked_profile)
    panel = page.sides.waiting
    page.sides.setCurrentWidget(panel)
    assert panel.empty_label.text() == EMPTY
    assert not panel.quiet_button.isEnabled()
    errors = _fill("Acme 🙂", "Analyst", "Sam said two weeks")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert errors == []
    [item] = clocked_profile.waiting.list()
    assert item.content == WaitingContent(
        "Acme 🙂", "Analyst", dt.date(2026, 3, 18), Stage.SCREENING_CALL, "Sam said two weeks"
    )
    assert panel.model.rowCount() == 1
    assert panel.current_id() == item.id
    assert page.sides.tabText(1) == "Waiting (1)"
    # The day reads as every other day in the window (the tests' locale is en_GB).
    assert panel.model.index(0).data() == (
        "Acme 🙂 – Analyst\nApplied Wed, 18 Mar 2026 · Screening call\nHeard today"
    )
    assert panel.quiet_button.isEnabled()


def test_a_refused_application_keeps_the_dialog_open_with_what_was_typed(
    qtbot: QtBot, clocked_profile: Profile
) -> None:
    dialog = WaitingDialog(clocked_profile.waiting, dt.date(2026, 3, 18))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.note_edit, "no name yet")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "company or the role" in dialog.error_label.text()
    assert dialog.note_edit.text() == "no name yet"
    assert clocked_profile.waiting.list() == []


def test_it_went_quiet_opens_a_debrief_with_no_reply_filled_in(
    qtbot: QtBot, clocked_profile: Profile
) -> None:
    item = clocked_profile.waiting.add(
        WaitingContent("Northwind", "Designer", APPLIED, Stage.INTERVIEWS)
    )
    _window, page = open_debriefs(qtbot, clocked_profile)
    assert page.open(waiting_target(item.id))
    panel = page.sides.waiting
    assert page.sides.currentWidget() is panel
    assert panel.model.index(0).data().endswith("\n26 days without news · quiet for a while")
    qtbot.mouseClick(panel.quiet_button, Qt.MouseButton.LeftButton)
    assert clocked_profile.waiting.list() == []
    assert page.sides.currentWidget() is page.panel
    debrief_id = page.saver.debrief_id
    assert debrief_id is not None
    record = clocked_profile.debriefs.get(debrief_id)
    assert record.status is DebriefStatus.DRAFT
    assert (record.content.company, record.content.stage) == ("Northwind", Stage.INTERVIEWS)
    assert record.content.news_via is NewsVia.NO_REPLY
    assert page.form.content().news_via is NewsVia.NO_REPLY
    assert page.form.company_edit.text() == "Northwind"
    assert page.panel.model.rowCount() == 1
    assert page.sides.tabText(1) == "Waiting"


def test_i_heard_back_leaves_how_the_news_came_and_remove_asks_first(
    qtbot: QtBot, clocked_profile: Profile, dialogs: Dialogs
) -> None:
    heard = clocked_profile.waiting.add(WaitingContent("Bolt", "Analyst", APPLIED))
    gone = clocked_profile.waiting.add(WaitingContent("Cedar", "Analyst", APPLIED))
    _window, page = open_debriefs(qtbot, clocked_profile)
    page.open(waiting_target(heard.id))
    panel = page.sides.waiting
    qtbot.mouseClick(panel.heard_button, Qt.MouseButton.LeftButton)
    assert page.saver.debrief_id is not None
    assert page.form.content().news_via is None
    assert page.form.company_edit.text() == "Bolt"

    page.open(waiting_target(gone.id))
    dialogs.answer = dialogs.answer.No
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert [i.id for i in clocked_profile.waiting.list()] == [gone.id]
    dialogs.answer = dialogs.answer.Yes
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert clocked_profile.waiting.list() == []
    assert dialogs.titles() == ["Remove from the list?", "Remove from the list?"]
    assert panel.empty_label.isVisibleTo(panel)
    assert clocked_profile.debriefs.count() == 1


def test_the_quiet_days_are_set_beside_the_list(
    qtbot: QtBot, clocked_profile: Profile, clock: ManualClock
) -> None:
    clocked_profile.waiting.add(WaitingContent("Acme", "", APPLIED))
    _window, page = open_debriefs(qtbot, clocked_profile)
    panel = page.sides.waiting
    assert panel.quiet_days.value() == 21
    panel.quiet_days.setValue(30)
    assert clocked_profile.settings.quiet_days() == 30
    assert panel.model.index(0).data().endswith("\n26 days without news")


def test_a_notice_for_an_application_closed_since_still_opens_the_list(
    qtbot: QtBot, clocked_profile: Profile
) -> None:
    _window, page = open_debriefs(qtbot, clocked_profile)
    assert page.open(waiting_target(99))
    assert page.sides.currentWidget() is page.sides.waiting
    assert "no longer on the list" in toast_text(toasts_for(page).latest())
