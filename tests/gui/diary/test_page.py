"""The Diary page: write, find, and come back to what was written, with nothing lost."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from regroup.core.diary.types import EntryContent
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.profile import Profile
from regroup.gui.app import save_then_close_on_quit
from regroup.gui.diary.list_model import ENTRY_ID_ROLE, SNIPPET_ROLE
from regroup.gui.diary.list_view import Ink, snippet_runs
from regroup.gui.settings.page import ProfileBox, SettingsPage
from tests.gui.conftest import ManualClock, diary, reopen, show_window, wait_saved
from tests.gui.modal import answer, when_modal

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractScrollArea)


def test_typing_is_saved_after_a_pause_and_is_there_after_a_restart(
    qtbot: QtBot, profile: Profile, keystore: SystemKeyStore
) -> None:
    window = show_window(qtbot, profile)
    page = diary(window)
    qtbot.keyClicks(page.editor.title_edit, "After the call")
    qtbot.keyClicks(page.editor.body_edit, "They chose someone else. I will ask for feedback.")
    assert page.saver.pending and profile.diary.count() == 0
    wait_saved(qtbot, page)
    assert page.editor.status_label.text().startswith("Saved")
    window.close()
    again = reopen(profile, keystore)
    try:
        page = diary(show_window(qtbot, again))
        assert page.editor.title_edit.text() == "After the call"
        assert page.editor.body_edit.toPlainText().endswith("I will ask for feedback.")
        assert "After the call" in page.panel.model.index(0).data()
    finally:
        again.close()


def test_closing_the_window_saves_at_once_without_waiting_for_the_pause(
    qtbot: QtBot, profile: Profile, keystore: SystemKeyStore
) -> None:
    window = show_window(qtbot, profile)
    qtbot.keyClicks(diary(window).editor.body_edit, "Closed in a hurry")
    window.close()
    again = reopen(profile, keystore)
    try:
        assert [s.preview for s in again.browse.latest(5)] == ["Closed in a hurry"]
    finally:
        again.close()


def test_quitting_saves_before_the_database_closes(
    qtbot: QtBot, profile: Profile, keystore: SystemKeyStore
) -> None:
    window = show_window(qtbot, profile)
    qtbot.keyClicks(diary(window).editor.body_edit, "Written just before Ctrl+Q")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    save_then_close_on_quit(app, window, profile)
    try:
        app.aboutToQuit.emit()
    finally:
        app.aboutToQuit.disconnect(window.save_before_quit)
        app.aboutToQuit.disconnect(profile.close)
    assert profile.db.is_closed()
    again = reopen(profile, keystore)
    try:
        assert again.browse.latest(1)[0].preview == "Written just before Ctrl+Q"
    finally:
        again.close()


def test_picking_another_entry_saves_the_one_being_left(qtbot: QtBot, profile: Profile) -> None:
    older = profile.diary.add(EntryContent("older", entry_date=dt.date(2020, 5, 1)))
    window = show_window(qtbot, profile)
    page = diary(window)
    qtbot.keyClicks(page.editor.body_edit, "today, unsaved")
    page.panel.view.setCurrentIndex(page.panel.model.index(page.panel.model.row_of(older.id)))
    assert page.saver.entry_id == older.id
    assert page.editor.body_edit.toPlainText() == "older"
    assert [s.preview for s in profile.browse.latest(2)] == ["today, unsaved", "older"]


def test_search_finds_as_you_type_and_esc_shows_the_whole_diary_again(
    qtbot: QtBot, profile: Profile
) -> None:
    profile.diary.add_many(EntryContent(f"an ordinary day, number {i}") for i in range(30))
    target = profile.diary.add(
        EntryContent("The recruiter called back about the interview.", title="Recruiter call")
    )
    panel = diary(show_window(qtbot, profile)).panel
    qtbot.keyClicks(panel.filter_bar.search_edit, "recruit")
    assert panel.filter_bar.pending
    qtbot.waitUntil(lambda: panel.model.searching and panel.model.rowCount() == 1)
    row = panel.model.index(0)
    assert row.data(ENTRY_ID_ROLE) == target.id
    assert "Recruiter call" in row.data()
    found = [text.lower() for text, ink in snippet_runs(row.data(SNIPPET_ROLE)) if ink is Ink.FOUND]
    assert "recruiter" in found
    assert panel.result_label.text() == "1 match"
    qtbot.keyClick(panel.filter_bar.search_edit, Qt.Key.Key_Escape)
    assert panel.filter_bar.search_edit.text() == ""
    assert not panel.model.searching and panel.model.rowCount() == 31


def test_filters_narrow_the_list_and_a_second_esc_clears_them(
    qtbot: QtBot, profile: Profile
) -> None:
    profile.diary.add(EntryContent("a hard day", mood=1, tags=["rejection"]))
    profile.diary.add(EntryContent("a good day", mood=5, tags=["offer"]))
    profile.diary.add(EntryContent("long ago", mood=5, entry_date=dt.date(2001, 1, 1)))
    panel = diary(show_window(qtbot, profile)).panel
    bar = panel.filter_bar
    qtbot.mouseClick(bar.mood_picker.buttons[5], Qt.MouseButton.LeftButton)
    bar.run_now()
    rows = [panel.model.index(row).data() for row in range(panel.model.rowCount())]
    assert len(rows) == 2 and "a good day" in rows[0] and "long ago" in rows[1]
    qtbot.keyClicks(bar.from_date.line_edit, "2010-01-01")
    qtbot.keyClick(bar.from_date.line_edit, Qt.Key.Key_Return)
    assert bar.from_date.value() == dt.date(2010, 1, 1)
    bar.run_now()
    assert panel.model.rowCount() == 1 and "a good day" in panel.model.index(0).data()
    bar.tag_combo.showPopup()
    bar.tag_combo.hidePopup()
    assert bar.tag_combo.findData("rejection") > 0
    bar.search_edit.setFocus()
    qtbot.keyClick(bar.search_edit, Qt.Key.Key_Escape)
    assert bar.query() is None and panel.model.rowCount() == 3


def test_an_empty_diary_and_a_fruitless_search_say_what_to_try(
    qtbot: QtBot, profile: Profile
) -> None:
    window = show_window(qtbot, profile)
    panel = diary(window).panel
    assert panel.list_stack.currentWidget() is panel.empty_label
    assert (
        panel.empty_label.text() == "Nothing written yet. Press Ctrl+N or pick a prompt to start."
    )
    profile.diary.add(EntryContent("something"))
    window.events.entries_changed.emit()
    assert panel.list_stack.currentWidget() is panel.view
    panel.filter_bar.search_edit.setText("zebra")
    panel.filter_bar.run_now()
    assert panel.list_stack.currentWidget() is panel.empty_label
    assert panel.empty_label.text() == (
        "No entries match “zebra”. Try fewer words, a prefix, or clear the filters."
    )


def test_the_calendar_marks_days_with_entries_and_a_click_opens_or_starts_one(
    qtbot: QtBot, clocked_profile: Profile, clock: ManualClock
) -> None:
    march = clocked_profile.diary.add(
        EntryContent("early in the month", title="March", entry_date=dt.date(2026, 3, 3))
    )
    page = diary(show_window(qtbot, clocked_profile))
    calendar = page.panel.calendar
    assert calendar.dateTextFormat(QDate(2026, 3, 3)).fontWeight() == QFont.Weight.Bold
    assert calendar.dateTextFormat(QDate(2026, 3, 4)).fontWeight() != QFont.Weight.Bold
    calendar.clicked.emit(QDate(2026, 3, 3))
    assert page.saver.entry_id == march.id and page.editor.title_edit.text() == "March"
    calendar.clicked.emit(QDate(2026, 3, 10))
    assert page.saver.entry_id is None
    assert page.editor.day_field.value() == dt.date(2026, 3, 10)
    qtbot.keyClicks(page.editor.body_edit, "backdated")
    wait_saved(qtbot, page)
    assert clocked_profile.diary.get(page.saver.entry_id).entry_date == dt.date(2026, 3, 10)
    assert calendar.dateTextFormat(QDate(2026, 3, 10)).fontWeight() == QFont.Weight.Bold


def test_a_click_on_a_future_day_asks_before_starting_an_entry_there(
    qtbot: QtBot, clocked_profile: Profile
) -> None:
    page = diary(show_window(qtbot, clocked_profile))  # today is Wed 18 Mar 2026
    opened = page.editor.day_field.value()
    asked: list[str] = []
    errors = when_modal(lambda box: (asked.append(box.windowTitle()), answer("No")(box)))
    page.panel.calendar.clicked.emit(QDate(2026, 3, 25))
    assert errors == [] and asked == ["Start an entry in the future?"]
    assert page.editor.day_field.value() == opened
    errors = when_modal(answer("Yes"))
    page.panel.calendar.clicked.emit(QDate(2026, 3, 25))
    assert errors == [] and page.saver.entry_id is None
    assert page.editor.day_field.value() == dt.date(2026, 3, 25)


def test_a_prompt_starts_an_entry_that_is_kept_once_something_is_written(
    qtbot: QtBot, profile: Profile
) -> None:
    window = show_window(qtbot, profile)
    settings_page = window.page("settings")  # as open as Settings was before: it counts along
    page = diary(window)
    bar = page.prompt_bar
    first = bar.prompt()
    bar.another_button.click()
    assert bar.prompt() != first
    bar.use_button.click()
    body = page.editor.body_edit
    assert page.editor.title_edit.text() == ""
    assert body.toPlainText() == f"## {bar.prompt()}\n\n"
    assert body.hasFocus() and body.textCursor().blockNumber() == 2
    assert page.saver.entry_id is None and not page.saver.is_dirty()
    qtbot.keyClicks(body, "An honest answer.")
    wait_saved(qtbot, page)
    stored = profile.diary.get(page.saver.entry_id)
    assert stored.title == "" and stored.body == f"## {bar.prompt()}\n\nAn honest answer."
    assert isinstance(settings_page, SettingsPage)
    settings = settings_page.section("profile")
    assert isinstance(settings, ProfileBox) and settings.entries_label.text() == "1"


def test_a_prompt_used_mid_entry_opens_a_new_paragraph_and_ctrl_z_takes_it_back(
    qtbot: QtBot, profile: Profile
) -> None:
    page = diary(show_window(qtbot, profile))
    body = page.editor.body_edit
    qtbot.keyClicks(body, "First thoughts.")
    body.insertPlainText("\nSecond thoughts.")
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    body.setTextCursor(cursor)
    page.prompt_bar.use_button.click()
    prompt = page.prompt_bar.prompt()
    assert body.toPlainText() == f"First thoughts.\n\n## {prompt}\n\n\n\nSecond thoughts."
    assert body.textCursor().blockNumber() == 4 and body.textCursor().block().text() == ""
    qtbot.keyClicks(body, "Under the prompt.")
    assert f"## {prompt}\n\nUnder the prompt.\n\nSecond thoughts." in body.toPlainText()
    body.undo()
    body.undo()
    assert body.toPlainText() == "First thoughts.\nSecond thoughts."


def test_ctrl_n_ctrl_s_and_ctrl_f(qtbot: QtBot, profile: Profile) -> None:
    window = show_window(qtbot, profile)
    with qtbot.waitActive(window):
        window.activateWindow()
    page = diary(window)
    body = page.editor.body_edit
    qtbot.keyClicks(body, "saved by hand")
    qtbot.keyClick(body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert profile.diary.count() == 1 and not page.saver.pending
    qtbot.keyClick(body, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.saver.entry_id is None and body.toPlainText() == ""
    qtbot.keyClick(body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.panel.filter_bar.search_edit.hasFocus()


def test_on_this_day_is_off_until_asked_for_and_then_remembered(
    qtbot: QtBot, clocked_profile: Profile, clock: ManualClock
) -> None:
    year_ago = clocked_profile.diary.add(
        EntryContent("a year ago today", entry_date=clock.today().replace(year=2025))
    )
    page = diary(show_window(qtbot, clocked_profile))
    panel = page.panel
    assert not panel.on_this_day_check.isChecked() and panel.on_this_day_list.isHidden()
    panel.on_this_day_check.setChecked(True)
    assert panel.on_this_day_list.count() == 1
    item = panel.on_this_day_list.item(0)
    assert "a year ago today" in item.text()
    panel.on_this_day_list.itemClicked.emit(item)
    assert page.saver.entry_id == year_ago.id
    again = diary(show_window(qtbot, clocked_profile)).panel
    assert again.on_this_day_check.isChecked() and again.on_this_day_list.count() == 1


def test_every_control_has_an_accessible_name(qtbot: QtBot, profile: Profile) -> None:
    profile.diary.add(EntryContent("one", tags=["a"]))
    page = diary(show_window(qtbot, profile))
    page.editor.preview_button.click()
    page.delete_button.click()
    composite = (QAbstractSpinBox, QCalendarWidget, QComboBox, QAbstractScrollArea, QLineEdit)

    def inside_composite(widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not page:
            if isinstance(parent, composite):
                return True
            parent = parent.parentWidget()
        return False

    controls = [
        widget
        for widget in page.findChildren(QWidget)
        if isinstance(widget, (*CONTROLS, QCalendarWidget))
        and not widget.objectName().startswith("qt_")
        and not inside_composite(widget)
    ]
    assert len(controls) > 20
    unnamed = [f"{type(w).__name__} {w.text() if hasattr(w, 'text') else ''}" for w in controls]
    unnamed = [name for name, w in zip(unnamed, controls, strict=True) if not w.accessibleName()]
    assert unnamed == []


def test_a_new_entry_after_midnight_is_dated_the_new_day(
    qtbot: QtBot, clocked_profile: Profile, clock: ManualClock
) -> None:
    page = diary(show_window(qtbot, clocked_profile))
    assert page.editor.day_field.value() == dt.date(2026, 3, 18)
    clock.advance(dt.timedelta(hours=13))
    page.new_entry()
    assert page.editor.day_field.value() == dt.date(2026, 3, 19)
