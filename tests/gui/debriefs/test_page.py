"""The Debriefs page: a guided form that saves itself, a list to find debriefs, and a trash."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from regroup.core.debriefs.types import (
    DebriefContent,
    DebriefStatus,
    GoalsOnDelete,
    KeepLooking,
    NewsVia,
    Stage,
)
from regroup.core.diary.types import EntryContent
from regroup.core.goals.types import Lane
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.profile import Profile
from regroup.gui.debriefs.page import SAVE_PROBLEM, WARNINGS, DebriefPage
from regroup.gui.debriefs.trash_dialog import DebriefTrashDialog, DeleteDebriefBox
from regroup.gui.goals.page import GoalsPage
from regroup.gui.kit.date_field import DateField
from regroup.gui.kit.dates import format_day
from regroup.gui.main_window import MainWindow
from tests.gui.conftest import (
    Dialogs,
    diary,
    no_toast_on,
    page_of,
    reopen,
    show_window,
    toast_button,
    toast_on,
)
from tests.gui.modal import when_modal

FULL = DebriefContent(
    company="Acme Labs",
    role="Data analyst",
    role_kind="Data",
    applied_on=dt.date(2026, 2, 2),
    stage=Stage.FINAL_ROUND,
    interview_rounds=3,
    news_on=dt.date(2026, 3, 16),
    news_via=NewsVia.EMAIL,
    feedback_asked=True,
    feedback_received="They chose someone with more SQL.",
    preparedness=4,
    went_well="The case study, and I stayed calm.",
    do_differently=("Practise salary questions", "Tailor the resume summary"),
    resume_targeted=False,
    strengths="Clear writing; patient with messy data.",
    wanted=5,
    keep_looking=KeepLooking.YES,
    traps=("taking_it_personally", "mind_reading"),
    reframe="One team chose one person; that says little about me.",
    lessons="Ask about the team's tools early.",
    notes="Recruiter was kind.",
    mourning_days=5,
)


def open_debriefs(qtbot: QtBot, profile: Profile) -> tuple[MainWindow, DebriefPage]:
    window = show_window(qtbot, profile)
    window.show_page("debriefs")
    assert window.built("debriefs") is not None
    return window, page_of(window, "debriefs", DebriefPage)


def wait_saved(qtbot: QtBot, page: DebriefPage) -> None:
    qtbot.waitUntil(
        lambda: (
            page.saver.debrief_id is not None
            and not page.saver.is_dirty()
            and not page.saver.pending
        ),
        timeout=4000,
    )


def pick(qtbot: QtBot, box: QWidget, text: str) -> None:
    """Choose a drop-down item by typing its first letters, as a keyboard user does."""
    box.setFocus()
    qtbot.keyClicks(box, text)


def type_number(qtbot: QtBot, spin: QWidget, number: int) -> None:
    edit = spin.findChild(QLineEdit)
    assert edit is not None
    edit.selectAll()
    qtbot.keyClicks(spin, str(number))


def set_day(edit: DateField, day: dt.date) -> None:
    """Pick a day in the field's calendar popup."""
    edit.open_popup()
    assert edit.popup.isVisible()
    edit.popup.calendar.clicked.emit(QDate(day.year, day.month, day.day))
    assert not edit.popup.isVisible()


def fill_like_a_person(qtbot: QtBot, page: DebriefPage) -> None:
    form = page.form
    qtbot.keyClicks(form.company_edit, FULL.company)
    qtbot.keyClicks(form.role_edit, FULL.role)
    qtbot.keyClicks(form.role_kind_edit, FULL.role_kind)
    set_day(form.applied_edit, dt.date(2026, 2, 2))
    pick(qtbot, form.stage_box, "Final")
    type_number(qtbot, form.rounds_spin, 3)
    set_day(form.news_edit, dt.date(2026, 3, 16))
    pick(qtbot, form.news_via_box, "An")
    pick(qtbot, form.feedback_asked_box, "Yes")
    qtbot.keyClicks(form.feedback_edit, FULL.feedback_received)
    pick(qtbot, form.prepared_box, "4")
    qtbot.keyClicks(form.went_well_edit, FULL.went_well)
    first = form.lines_editor.rows[0].edit
    qtbot.keyClicks(first, FULL.do_differently[0])
    qtbot.keyClick(first, Qt.Key.Key_Return)
    qtbot.keyClicks(form.lines_editor.rows[1].edit, FULL.do_differently[1])
    pick(qtbot, form.resume_box, "No")
    qtbot.keyClicks(form.strengths_edit, FULL.strengths)
    pick(qtbot, form.wanted_box, "5")
    pick(qtbot, form.keep_looking_box, "Yes")
    for trap in FULL.traps:
        form.trap_boxes[trap].setFocus()
        qtbot.keyClick(form.trap_boxes[trap], Qt.Key.Key_Space)
    qtbot.keyClicks(form.reframe_edit, FULL.reframe)
    qtbot.keyClicks(form.lessons_edit, FULL.lessons)
    qtbot.keyClicks(form.notes_edit, FULL.notes)
    type_number(qtbot, form.days_spin, 5)


def test_a_whole_debrief_typed_in_is_there_after_a_restart(
    qtbot: QtBot, profile: Profile, keystore: SystemKeyStore
) -> None:
    window, page = open_debriefs(qtbot, profile)
    fill_like_a_person(qtbot, page)
    assert page.form.content() == FULL
    wait_saved(qtbot, page)
    assert page.profile.debriefs.get(page.saver.debrief_id or 0).status is DebriefStatus.DRAFT
    assert "When you finish" in page.form.due_label.text()
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    record = profile.debriefs.get(page.saver.debrief_id or 0)
    assert record.status is DebriefStatus.SAVED and record.content == FULL
    assert page.form.due_label.text().startswith("Check-in due")
    assert page.panel.model.rowCount() == 1
    window.close()

    profile = reopen(profile, keystore)
    window, page = open_debriefs(qtbot, profile)
    assert page.panel.model.rowCount() == 1
    index = page.panel.model.index(0)
    assert str(index.data()).startswith("Acme Labs – Data analyst\nFinal round")
    page.panel.view.clicked.emit(index)
    assert page.form.content() == FULL
    assert page.form.company_edit.text() == "Acme Labs"
    assert page.form.stage_box.currentText() == "Final round"
    assert page.form.trap_boxes["mind_reading"].isChecked()
    assert [row.edit.text() for row in page.form.lines_editor.rows] == list(FULL.do_differently)
    due = profile.debriefs.get(record.id).checkin_due_at
    assert due is not None and format_day(due.astimezone().date()) in page.form.due_label.text()
    window.close()
    profile.close()


def test_the_feedback_request_names_the_company_can_be_edited_and_is_copied(
    qtbot: QtBot, profile: Profile
) -> None:
    _window, page = open_debriefs(qtbot, profile)
    form = page.form
    qtbot.keyClicks(form.company_edit, "Bolt Robotics")
    qtbot.keyClicks(form.role_edit, "UX designer")
    assert "UX designer" in form.request_edit.toPlainText()
    assert "Bolt Robotics" in form.request_edit.toPlainText()
    form.request_edit.moveCursor(form.request_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(form.request_edit, "Sam")
    qtbot.keyClicks(form.company_edit, " Ltd")
    assert form.request_edit.toPlainText().endswith("Sam")
    qtbot.mouseClick(form.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == form.request_edit.toPlainText()
    qtbot.mouseClick(form.reset_request_button, Qt.MouseButton.LeftButton)
    assert "Bolt Robotics Ltd" in form.request_edit.toPlainText()
    assert not form.request_edit.toPlainText().endswith("Sam")


def test_when_no_reply_came_the_request_becomes_a_follow_up(qtbot: QtBot, profile: Profile) -> None:
    _window, page = open_debriefs(qtbot, profile)
    form = page.form
    qtbot.keyClicks(form.company_edit, "Bolt Robotics")
    assert "Thank you for letting me know" in form.request_edit.toPlainText()
    form.news_via_box.set_value(NewsVia.NO_REPLY)
    text = form.request_edit.toPlainText()
    assert "follow up on my application to Bolt Robotics" in " ".join(text.split())
    assert "letting me know" not in text
    form.news_via_box.set_value(NewsVia.EMAIL)
    assert "Thank you for letting me know" in form.request_edit.toPlainText()


def test_kinds_of_role_are_completed_from_earlier_debriefs(qtbot: QtBot, profile: Profile) -> None:
    profile.debriefs.create(DebriefContent(company="A", role_kind="Data engineering"), draft=False)
    _window, page = open_debriefs(qtbot, profile)
    qtbot.keyClicks(page.form.role_kind_edit, "da")
    completer = page.form.role_kind_edit.completer()
    assert completer.model().data(completer.model().index(0, 0)) == "Data engineering"


def test_odd_dates_and_a_missing_company_are_warned_about_and_nothing_typed_is_lost(
    qtbot: QtBot, profile: Profile
) -> None:
    _window, page = open_debriefs(qtbot, profile)
    form = page.form
    set_day(form.applied_edit, dt.date(2026, 3, 10))
    set_day(form.news_edit, dt.date(2026, 3, 1))
    qtbot.keyClicks(form.lessons_edit, "Still worth writing down.")
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    text = toast_on(page, WARNINGS).text()
    assert "company or the role" in text and "news came before the application" in text
    record = profile.debriefs.get(page.saver.debrief_id or 0)
    assert record.status is DebriefStatus.DRAFT
    assert form.lessons_edit.toPlainText() == "Still worth writing down."
    assert form.applied_edit.value() == dt.date(2026, 3, 10)
    assert form.news_edit.value() == dt.date(2026, 3, 1)
    form.news_edit.line_edit.setFocus()
    form.news_edit.line_edit.selectAll()
    qtbot.keyClicks(form.news_edit.line_edit, "31 Feb 2026")
    qtbot.keyClick(form.news_edit.line_edit, Qt.Key.Key_Return)
    assert form.news_edit.line_edit.text() == "31 Feb 2026" and not form.news_edit.is_valid()
    assert "not a day" in form.news_edit.problem()
    assert page.save_now()
    assert profile.debriefs.get(record.id).content.news_on == dt.date(2026, 3, 1)
    qtbot.keyClicks(form.company_edit, "Cedar Health")
    set_day(form.news_edit, dt.date(2026, 3, 12))
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    assert no_toast_on(page, WARNINGS)
    assert profile.debriefs.get(record.id).status is DebriefStatus.SAVED


def test_a_failed_save_keeps_the_text_says_why_and_the_next_save_works(
    qtbot: QtBot, profile: Profile
) -> None:
    _window, page = open_debriefs(qtbot, profile)
    qtbot.keyClicks(page.form.company_edit, "Iris Bank")
    profile.db.execute_sql("PRAGMA query_only = ON")  # SQLite refuses every write
    assert not page.save_now()
    assert "could not be saved" in toast_on(page, SAVE_PROBLEM).text()
    assert page.form.company_edit.text() == "Iris Bank"
    assert page.status_label.text() == "Not saved"
    profile.db.execute_sql("PRAGMA query_only = OFF")
    assert page.save_now()
    assert [s.company for s in profile.debrief_list.find()] == ["Iris Bank"]
    assert no_toast_on(page, SAVE_PROBLEM)


def test_leaving_for_another_debrief_saves_the_one_being_written(
    qtbot: QtBot, profile: Profile
) -> None:
    other = profile.debriefs.create(DebriefContent(company="Juno Foods"), draft=False).record
    _window, page = open_debriefs(qtbot, profile)
    qtbot.keyClicks(page.form.company_edit, "Fjord Energy")
    assert page.saver.pending
    assert page.open_debrief(other.id)
    assert page.form.company_edit.text() == "Juno Foods"
    companies = {s.company for s in profile.debrief_list.find()}
    assert companies == {"Juno Foods", "Fjord Energy"}


def test_closing_the_window_saves_the_debrief(
    qtbot: QtBot, profile: Profile, keystore: SystemKeyStore
) -> None:
    window, page = open_debriefs(qtbot, profile)
    qtbot.keyClicks(page.form.role_edit, "Teacher")
    assert page.saver.pending
    window.close()
    profile = reopen(profile, keystore)
    [summary] = profile.debrief_list.find()
    assert summary.role == "Teacher" and summary.status is DebriefStatus.DRAFT
    profile.close()


def test_the_list_narrows_as_words_are_typed_and_filters_are_chosen(
    qtbot: QtBot, profile: Profile
) -> None:
    made = [
        DebriefContent(
            company="Acme Labs", role="Nurse", stage=Stage.INTERVIEWS, news_on=dt.date(2026, 1, 5)
        ),
        DebriefContent(
            company="Bolt Bank", role="Teacher", stage=Stage.APPLIED, news_on=dt.date(2026, 2, 5)
        ),
        DebriefContent(
            company="Acme Labs",
            role="Analyst",
            stage=Stage.FINAL_ROUND,
            news_on=dt.date(2026, 3, 5),
            lessons="Bring the portfolio printed",
        ),
    ]
    for content in made:
        profile.debriefs.create(content, draft=False)
    _window, page = open_debriefs(qtbot, profile)
    panel = page.panel

    def roles() -> list[str]:
        return [row.role for row in panel.model.rows]

    assert roles() == ["Analyst", "Teacher", "Nurse"]
    qtbot.keyClicks(panel.search_edit, "portfol")
    assert roles() == ["Analyst"]
    panel.search_edit.clear()
    pick(qtbot, panel.company_box, "Acme")
    assert roles() == ["Analyst", "Nurse"]
    pick(qtbot, panel.stage_box, "Interview")
    assert roles() == ["Nurse"]
    panel.company_box.setCurrentIndex(0)
    panel.stage_box.setCurrentIndex(0)
    set_day(panel.from_edit, dt.date(2026, 2, 1))
    set_day(panel.to_edit, dt.date(2026, 2, 28))
    assert roles() == ["Teacher"]
    assert panel.count_label.text() == "1 debrief"
    panel.to_edit.open_popup()
    qtbot.mouseClick(panel.to_edit.popup.clear_button, Qt.MouseButton.LeftButton)
    assert roles() == ["Analyst", "Teacher"]


def _answer_next_box(button_text: str) -> list[BaseException]:
    def click(box: QDialog) -> None:
        assert isinstance(box, DeleteDebriefBox)
        next(b for b in box.buttons() if b.text() == button_text).click()

    return when_modal(click)


def _debrief_with_goal(profile: Profile) -> tuple[int, int]:
    record = profile.debriefs.create(FULL, draft=False).record
    goal = profile.goals.create_from_debrief(record.id, 0)
    return record.id, goal.id


def test_deleting_a_debrief_can_keep_its_goals_on_the_board(qtbot: QtBot, profile: Profile) -> None:
    debrief_id, goal_id = _debrief_with_goal(profile)
    window, page = open_debriefs(qtbot, profile)
    window.page("goals")
    page.open_debrief(debrief_id)
    errors = _answer_next_box("Delete, keep the goals")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert profile.debriefs.count() == 0
    assert [c.id for c in profile.goals.board().lane(Lane.NEXT)] == [goal_id]
    assert window.built("goals") is not None
    assert page_of(window, "goals", GoalsPage).models[Lane.NEXT].row_of(goal_id) == 0
    assert page.panel.model.rowCount() == 0
    assert page.saver.debrief_id is None and page.form.company_edit.text() == ""
    toast_button(toast_on(page), "Undo").click()
    assert profile.debriefs.count() == 1 and page.saver.debrief_id == debrief_id


def test_deleting_a_debrief_with_its_goals_and_restoring_it_from_the_trash(
    qtbot: QtBot, profile: Profile, dialogs: Dialogs
) -> None:
    debrief_id, goal_id = _debrief_with_goal(profile)
    window, page = open_debriefs(qtbot, profile)
    window.page("goals")
    page.open_debrief(debrief_id)
    errors = _answer_next_box("Delete with its goals")
    page.delete()
    assert errors == []
    assert profile.goals.count() == 0
    assert window.built("goals") is not None
    assert page_of(window, "goals", GoalsPage).models[Lane.NEXT].rowCount() == 0

    def restore_in_dialog(dialog: QDialog) -> None:
        assert isinstance(dialog, DebriefTrashDialog)
        assert dialog.debrief_list.count() == 1
        dialog.debrief_list.item(0).setSelected(True)
        dialog.restore_button.click()
        assert dialog.debrief_list.count() == 0 and dialog.empty_label.isVisibleTo(dialog)
        dialog.reject()

    errors = when_modal(restore_in_dialog)
    qtbot.mouseClick(page.trash_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert page.saver.debrief_id == debrief_id
    assert page.form.company_edit.text() == "Acme Labs"
    assert page_of(window, "goals", GoalsPage).models[Lane.NEXT].row_of(goal_id) == 0
    assert "Goal: Next" in page.form.lines_editor.rows[0].goal_state.text()


def test_emptying_the_debrief_trash_asks_first(
    qtbot: QtBot, profile: Profile, dialogs: Dialogs
) -> None:
    record = profile.debriefs.create(FULL, draft=False).record
    profile.debriefs.trash(record.id, goals=GoalsOnDelete.KEEP)
    window, page = open_debriefs(qtbot, profile)
    dialog = DebriefTrashDialog(profile.debriefs, window.events, page)
    dialogs.answer = dialogs.answer.Cancel
    dialog.empty_trash()
    assert dialog.debrief_list.count() == 1
    dialogs.answer = dialogs.answer.Yes
    dialog.empty_trash()
    assert dialogs.titles() == ["Empty the trash?", "Empty the trash?"]
    assert profile.debriefs.trashed() == [] and dialog.debrief_list.count() == 0


def test_entries_written_around_the_news_are_suggested_linked_and_opened_in_the_diary(
    qtbot: QtBot, profile: Profile
) -> None:
    near = profile.diary.add(EntryContent("They said no today", entry_date=dt.date(2026, 3, 15)))
    profile.diary.add(EntryContent("A month before", entry_date=dt.date(2026, 2, 1)))
    record = profile.debriefs.create(FULL, draft=False).record
    window, page = open_debriefs(qtbot, profile)
    entries = page.entries
    assert entries.suggested_list.count() == 0 and not entries.link_button.isEnabled()
    page.open_debrief(record.id)
    assert entries.suggested_list.count() == 1
    assert "They said no today" in entries.suggested_list.item(0).text()
    entries.suggested_list.item(0).setSelected(True)
    qtbot.mouseClick(entries.link_button, Qt.MouseButton.LeftButton)
    assert [e.id for e in profile.debriefs.linked_entries(record.id)] == [near.id]
    assert entries.linked_list.count() == 1 and entries.suggested_list.count() == 0
    entries.linked_list.item(0).setSelected(True)
    qtbot.mouseClick(entries.open_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "diary"
    assert window.built("diary") is not None and diary(window).saver.entry_id == near.id
    window.show_page("debriefs")
    entries.linked_list.item(0).setSelected(True)
    qtbot.mouseClick(entries.unlink_button, Qt.MouseButton.LeftButton)
    assert profile.debriefs.linked_entries(record.id) == []
    assert entries.suggested_list.count() == 1


def test_the_step_bar_jumps_to_a_section_and_follows_the_scroll(
    qtbot: QtBot, profile: Profile
) -> None:
    _window, page = open_debriefs(qtbot, profile)
    form = page.form
    qtbot.mouseClick(form.step_buttons[3], Qt.MouseButton.LeftButton)
    assert form.step_buttons[3].isChecked()
    assert [b.isChecked() for b in form.step_buttons].count(True) == 1
    assert form.scroll_area.verticalScrollBar().value() > 0
    form.scroll_area.verticalScrollBar().setValue(0)
    assert form.step_buttons[0].isChecked()


def test_ctrl_s_ctrl_n_and_ctrl_f_on_the_debriefs_page(qtbot: QtBot, profile: Profile) -> None:
    window, page = open_debriefs(qtbot, profile)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClicks(page.form.company_edit, "Ember Foods")
    qtbot.keyClick(page.form.company_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert profile.debriefs.count() == 1 and not page.saver.pending
    qtbot.keyClick(page.form.company_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.saver.debrief_id is None and page.form.company_edit.text() == ""
    qtbot.keyClick(page.form.company_edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.panel.search_edit
    assert window.built("diary") is not None and diary(window).saver.entry_id is None
    assert profile.diary.count() == 0


def test_going_to_another_page_or_quitting_saves_without_waiting(
    qtbot: QtBot, profile: Profile
) -> None:
    window, page = open_debriefs(qtbot, profile)
    qtbot.keyClicks(page.form.company_edit, "Juno Health")
    assert page.saver.pending
    window.show_page("goals")
    assert not page.saver.pending
    assert [s.company for s in profile.debrief_list.find()] == ["Juno Health"]
    window.show_page("debriefs")
    qtbot.keyClicks(page.form.role_edit, "Nurse")
    window.save_before_quit()
    assert [s.role for s in profile.debrief_list.find()] == ["Nurse"]


def test_linking_a_suggested_entry_leaves_the_form_where_it_was_and_selects_no_text(
    qtbot: QtBot, profile: Profile
) -> None:
    profile.diary.add(EntryContent("They said no today", entry_date=dt.date(2026, 3, 15)))
    profile.diary.add(EntryContent("Still thinking about it", entry_date=dt.date(2026, 3, 16)))
    record = profile.debriefs.create(FULL, draft=False).record
    window, page = open_debriefs(qtbot, profile)
    window.activateWindow()
    page.open_debrief(record.id)
    entries, scroll = page.entries, page.form.scroll_area.verticalScrollBar()
    scroll.setValue(min(scroll.maximum() - 20, entries.y() - 40))  # room to jump either way
    where = scroll.value()
    assert 0 < where < scroll.maximum()
    for row in range(2):
        entries.suggested_list.item(0).setSelected(True)
        entries.link_button.setFocus()
        qtbot.mouseClick(entries.link_button, Qt.MouseButton.LeftButton)
        assert entries.linked_list.count() == row + 1
        assert scroll.value() == where
        focused = QApplication.focusWidget()
        assert focused in (entries.suggested_list, entries.linked_list)
        assert not any(edit.hasSelectedText() for edit in page.form.findChildren(QLineEdit))
    assert QApplication.focusWidget() is entries.linked_list
    assert len(entries.linked_list.selectedItems()) == 1  # the one just linked


def test_every_help_text_wraps_in_full_at_a_laptop_size_and_in_a_narrow_window(
    qtbot: QtBot, profile: Profile
) -> None:
    draft = profile.debriefs.create(FULL, draft=True).record
    window, page = open_debriefs(qtbot, profile)
    page.open_debrief(draft.id)
    form = page.form
    assert "When you finish this debrief" in form.due_label.text()
    assert form.due_label in form.help_labels and len(form.help_labels) > 5
    for width, height in ((1366, 850), (window.minimumSizeHint().width(), 600)):
        window.resize(width, height)
        for step in range(len(form.sections)):
            form.go_to_step(step)
            QApplication.processEvents()
        for label in form.help_labels:
            assert label.property("textStyle") == "caption"
            assert label.wordWrap()
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed, (width, label.text(), label.height(), needed)
            assert label.width() >= 80, (width, label.text())
    window.close()
