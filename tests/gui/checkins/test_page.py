"""The Check-ins page: answer, put off, close, start by hand, and turn the next step into a goal."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from regroup.core.debriefs.types import DebriefContent
from regroup.core.errors import StorageWriteError
from regroup.core.profile import Profile
from regroup.gui.checkins.page import CheckinsPage
from regroup.gui.main_window import MainWindow
from tests.gui.conftest import ManualClock, no_toast_on, show_window, toast_on

# The test clock stands at noon on 18 March; the news came on the 14th, three days to mourn.
NEWS = dt.date(2026, 3, 14)
CONTENT = DebriefContent(
    company="Acme", role="Data analyst", news_on=NEWS, wanted=4, mourning_days=3
)


@pytest.fixture
def window(qtbot: QtBot, clocked_profile: Profile) -> MainWindow:
    return show_window(qtbot, clocked_profile)


def checkins(window: MainWindow) -> CheckinsPage:
    window.show_page("checkins")
    page = window.page("checkins")
    assert isinstance(page, CheckinsPage) and window.current_page_key() == "checkins"
    return page


def saved_checkin(profile: Profile, content: DebriefContent = CONTENT) -> int:
    record = profile.debriefs.create(content, draft=False).record
    assert record.checkin is not None
    return record.checkin.id


def section_counts(page: CheckinsPage) -> list[str]:
    return [page.tree.topLevelItem(n).text(0) for n in range(page.tree.topLevelItemCount())]


def test_a_due_check_in_is_listed_and_answered_yes(
    qtbot: QtBot, clocked_profile: Profile, window: MainWindow
) -> None:
    checkin_id = saved_checkin(clocked_profile)
    page = checkins(window)
    assert section_counts(page) == ["Due now (1)"]  # empty groups are left out
    form = page.form
    assert form.checkin_id == checkin_id  # the one due is open, ready to answer
    assert form.answer_label.isHidden()
    assert form.title_label.text() == "Acme — Data analyst"
    assert "how much you wanted this job 4 of 5" in form.context_label.text()
    form.feeling_group.button(4).click()
    qtbot.keyClicks(form.helped_edit, "Long walks")
    qtbot.keyClicks(form.next_edit, "Ask Sam for a mock interview")
    form.yes_button.click()
    record = clocked_profile.checkins.get(checkin_id)
    assert record.done_at == clocked_profile.clock.now() and record.ready is True
    assert (record.feeling, record.what_helped) == (4, "Long walks")
    assert record.next_step == "Ask Sam for a mock interview"
    assert section_counts(page) == ["Done (1)"]
    assert "closed" in toast_on(page).text()
    assert form.checkin_id == checkin_id and form.yes_button.isHidden()
    assert form.answer_label.isVisible()
    assert form.answer_label.text() == "Yes, ready to move on (18 Mar)"


def test_not_yet_puts_it_off_by_a_day_or_to_a_chosen_date(
    qtbot: QtBot, clocked_profile: Profile, window: MainWindow
) -> None:
    checkin_id = saved_checkin(clocked_profile)
    page = checkins(window)
    page.open_checkin(checkin_id)
    form = page.form
    form.feeling_group.button(2).click()
    form.not_yet_button.click()
    assert form.snooze_row.isVisible()
    form.snooze_buttons[1].click()
    record = clocked_profile.checkins.get(checkin_id)
    tomorrow_nine = dt.datetime(2026, 3, 19, 9, 0).astimezone(dt.UTC)
    assert record.snoozed_until == tomorrow_nine
    assert record.ready is False and record.feeling == 2 and record.done_at is None
    assert section_counts(page) == ["Coming up (1)"]
    form.not_yet_button.click()
    form.snooze_date.line_edit.selectAll()
    qtbot.keyClicks(form.snooze_date.line_edit, "2 Apr 2026")
    form.snooze_date_button.click()
    later = clocked_profile.checkins.get(checkin_id)
    assert later.snoozed_until == dt.datetime(2026, 4, 2, 9, 0).astimezone(dt.UTC)
    assert "Thu, 2 Apr 2026" in toast_on(page).text()


def test_answers_save_themselves_after_a_pause_in_typing(
    qtbot: QtBot, clocked_profile: Profile, window: MainWindow
) -> None:
    checkin_id = saved_checkin(clocked_profile)
    page = checkins(window)
    page.open_checkin(checkin_id)
    qtbot.keyClicks(page.form.helped_edit, "Talking to my sister")
    qtbot.waitUntil(
        lambda: clocked_profile.checkins.get(checkin_id).what_helped == "Talking to my sister"
    )
    assert clocked_profile.checkins.get(checkin_id).done_at is None


def test_choosing_another_check_in_saves_the_answers_at_once(
    qtbot: QtBot, clocked_profile: Profile, window: MainWindow
) -> None:
    first = saved_checkin(clocked_profile)
    bolt = DebriefContent(company="Bolt", news_on=NEWS, mourning_days=3)
    second = saved_checkin(clocked_profile, bolt)
    page = checkins(window)
    page.open_checkin(first)
    qtbot.keyClicks(page.form.next_edit, "Update my portfolio")
    assert page.saver.pending
    page.open_checkin(second)
    assert not page.saver.pending and page.form.checkin_id == second
    assert clocked_profile.checkins.get(first).next_step == "Update my portfolio"
    untouched = clocked_profile.checkins.get(second).updated_at
    page.open_checkin(first)
    assert clocked_profile.checkins.get(second).updated_at == untouched
    qtbot.keyClicks(page.form.helped_edit, "A friend")
    window.show_page("diary")
    assert not page.saver.pending
    assert clocked_profile.checkins.get(first).what_helped == "A friend"


def test_opening_the_open_check_in_again_keeps_what_was_just_typed(
    qtbot: QtBot, clocked_profile: Profile, window: MainWindow
) -> None:
    checkin_id = saved_checkin(clocked_profile)
    page = checkins(window)
    page.open_checkin(checkin_id)
    qtbot.keyClicks(page.form.helped_edit, "Cooking dinner")
    page.open_checkin(checkin_id)  # a reminder's click on the check-in already open
    assert page.form.helped_edit.toPlainText() == "Cooking dinner"
    assert clocked_profile.checkins.get(checkin_id).what_helped == "Cooking dinner"


def test_answers_that_cannot_be_saved_stay_in_the_form_and_say_why(
    qtbot: QtBot, clocked_profile: Profile, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    checkin_id = saved_checkin(clocked_profile)
    page = checkins(window)
    page.open_checkin(checkin_id)

    def disk_full(*_args: object) -> None:
        raise StorageWriteError("The disk is full.")

    monkeypatch.setattr(clocked_profile.checkins, "save_answers", disk_full)
    qtbot.keyClicks(page.form.helped_edit, "A long talk")
    qtbot.waitUntil(lambda: not no_toast_on(page))
    assert toast_on(page).text() == (
        "Your answers could not be saved. The disk is full. They are still in the form."
    )
    assert page.form.helped_edit.toPlainText() == "A long talk"
    monkeypatch.undo()
    page.refresh()  # the next save keeps what the failed one could not
    assert clocked_profile.checkins.get(checkin_id).what_helped == "A long talk"


def test_a_check_in_can_be_started_by_hand_for_a_debrief_without_one(
    qtbot: QtBot, clocked_profile: Profile, window: MainWindow, clock: ManualClock
) -> None:
    no_days = clocked_profile.debriefs.create(
        DebriefContent(company="Bolt", role="Analyst", news_on=NEWS), draft=False
    ).record
    assert no_days.checkin is None
    older = clocked_profile.debriefs.create(
        DebriefContent(company="Aster", news_on=NEWS - dt.timedelta(days=30)), draft=False
    ).record
    page = checkins(window)
    assert page.empty_label.isVisible() and not page.tree.isVisible()
    assert page.form.title_label.text() == "Nothing is waiting for an answer"
    assert page.form.body.isHidden()
    # The choice starts on the newest debrief, not empty; the rest is read when reached for.
    assert page.debrief_combo.count() == 1 and page.debrief_combo.currentData() == no_days.id
    assert page.start_button.isEnabled()
    qtbot.mouseClick(page.debrief_combo, Qt.MouseButton.LeftButton)
    page.debrief_combo.hidePopup()
    index = page.debrief_combo.findData(no_days.id)
    assert page.debrief_combo.itemText(index) == "Bolt — Analyst (Sat, 14 Mar 2026)"
    assert page.debrief_combo.findData(older.id) >= 0
    page.debrief_combo.setCurrentIndex(index)
    page.start_button.click()
    started = clocked_profile.checkins.for_debrief(no_days.id)
    assert started is not None and started.delivered_at == clock.now()
    assert page.form.checkin_id == started.id
    assert page.form.title_label.text() == "Bolt — Analyst"
    assert section_counts(page) == ["Due now (1)"]
    assert not page.empty_label.isVisible()


def test_with_no_debrief_the_start_button_rests_and_says_why(window: MainWindow) -> None:
    page = checkins(window)
    assert page.debrief_combo.count() == 0 and not page.debrief_combo.isEnabled()
    assert page.debrief_combo.placeholderText() == "No debriefs yet"
    assert not page.start_button.isEnabled()


def test_the_next_step_becomes_a_goal_linked_to_the_debrief(
    qtbot: QtBot, clocked_profile: Profile, window: MainWindow
) -> None:
    checkin_id = saved_checkin(clocked_profile)
    debrief_id = clocked_profile.checkins.get(checkin_id).debrief_id
    page = checkins(window)
    page.open_checkin(checkin_id)
    assert not page.form.goal_button.isEnabled()
    qtbot.keyClicks(page.form.next_edit, "Send  two applications")
    page.form.goal_button.click()
    [goal] = clocked_profile.goals.for_debrief(debrief_id)
    assert goal.title == "Send two applications" and goal.lane == "next"
    assert "goals board" in toast_on(page).text()
    assert clocked_profile.checkins.get(checkin_id).next_step == "Send  two applications"
    # Made once: the button rests and the goal is shown, here and when it is opened again.
    assert not page.form.goal_button.isEnabled()
    assert page.form.goal_label.isVisible()
    assert "Goal made:" in page.form.goal_label.text()
    assert "Send two applications" in page.form.goal_label.text()
    page.form.goal_button.click()
    page.make_goal("Send two applications")  # a second press that slipped through
    assert len(clocked_profile.goals.for_debrief(debrief_id)) == 1
    window.show_page("diary")
    page = checkins(window)
    assert page.form.checkin_id == checkin_id and not page.form.goal_button.isEnabled()
    page.form.goal_label.linkActivated.emit("goal")
    assert window.current_page_key() == "goals"
    clocked_profile.goals.delete(goal.id)  # gone from the board: it can be made again
    window.events.goals_changed.emit()
    assert page.form.goal_label.isHidden() and page.form.goal_button.isEnabled()


def test_clicking_a_row_opens_that_check_in(
    qtbot: QtBot, clocked_profile: Profile, window: MainWindow
) -> None:
    first = saved_checkin(clocked_profile)
    second = saved_checkin(clocked_profile, DebriefContent(company="Cedar", mourning_days=30))
    page = checkins(window)
    row = page.row_of(second)
    assert row is not None and row.parent().text(0) == "Coming up (1)"
    rect = page.tree.visualItemRect(row)
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.form.checkin_id == second
    assert page.form.title_label.text() == "Cedar"
    assert page.form.status_label.text().startswith("Due on")
    assert row.toolTip(0).startswith("Cedar\nDue ")
    assert page.open_checkin(first) and page.form.checkin_id == first
    assert not page.open_checkin(9999)
