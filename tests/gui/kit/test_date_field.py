"""The date field: type a day in any common way, or pick it; bad text is never lost."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget
from pytestqt.qtbot import QtBot

from regroup.gui.kit.date_field import DateField

TODAY = dt.date(2026, 12, 1)


def make_field(qtbot: QtBot, optional: bool = True) -> tuple[DateField, list[object]]:
    field = DateField("Date applied", optional=optional, today=lambda: TODAY)
    qtbot.addWidget(field)
    field.show()
    seen: list[object] = []
    field.value_changed.connect(seen.append)
    return field, seen


def type_in(qtbot: QtBot, field: DateField, text: str) -> None:
    field.line_edit.setFocus()
    field.line_edit.selectAll()
    qtbot.keyClicks(field.line_edit, text)
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Return)


def test_an_empty_field_says_not_set_and_its_calendar_opens_on_this_month(qtbot: QtBot) -> None:
    field, _seen = make_field(qtbot)
    shown = [widget for widget in QApplication.topLevelWidgets() if widget.isVisible()]
    assert shown == [field]  # the popup and its buttons wait, unseen, until asked for
    assert field.findChildren(QCalendarWidget) == []  # not even built: pages open faster
    assert field.value() is None
    assert field.line_edit.text() == "" and field.line_edit.placeholderText() == "Not set"
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.popup.calendar
    assert field.popup.isVisible()
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 12)


def test_a_day_typed_over_not_set_is_kept_as_typed(qtbot: QtBot) -> None:
    field, seen = make_field(qtbot)
    type_in(qtbot, field, "1 Dec 2026")
    assert field.value() == dt.date(2026, 12, 1) and seen == [dt.date(2026, 12, 1)]
    assert field.line_edit.text() == "Tue, 1 Dec 2026"
    assert field.is_valid() and field.error_label.isHidden()


def test_the_locale_short_form_and_iso_are_both_read(qtbot: QtBot) -> None:
    field, seen = make_field(qtbot)
    type_in(qtbot, field, "24/11/2026")  # the British short form
    type_in(qtbot, field, "2025-02-28")
    type_in(qtbot, field, "Wednesday, 3 March 2027")
    assert seen == [dt.date(2026, 11, 24), dt.date(2025, 2, 28), dt.date(2027, 3, 3)]


def test_text_that_is_not_a_day_stays_visible_and_says_so(qtbot: QtBot) -> None:
    field, seen = make_field(qtbot)
    field.set_value(dt.date(2026, 3, 2))
    seen.clear()
    type_in(qtbot, field, "the 32nd of Smarch")
    assert field.line_edit.text() == "the 32nd of Smarch"
    assert not field.is_valid() and field.error_label.isVisible()
    assert "not a day" in field.problem() and "stays Mon, 2 Mar 2026" in field.problem()
    assert field.line_edit.accessibleDescription() == field.problem()
    assert field.value() == dt.date(2026, 3, 2) and seen == []
    type_in(qtbot, field, "3 Mar 2026")
    assert field.is_valid() and field.error_label.isHidden()
    assert seen == [dt.date(2026, 3, 3)]


def test_a_day_out_of_range_is_refused_with_the_range(qtbot: QtBot) -> None:
    field, seen = make_field(qtbot)
    field.set_range(dt.date(2026, 12, 2), dt.date(9999, 12, 31))
    type_in(qtbot, field, "2026-11-30")
    assert field.value() is None and seen == []
    assert field.problem() == "Pick a day from Wed, 2 Dec 2026 on; it stays empty."


def test_today_yesterday_and_clear_are_in_the_popup(qtbot: QtBot) -> None:
    field, seen = make_field(qtbot)
    field.open_popup()
    qtbot.mouseClick(field.popup.today_button, Qt.MouseButton.LeftButton)
    assert field.value() == TODAY and not field.popup.isVisible()
    field.open_popup()
    assert field.popup.calendar.selectedDate().toPython() == TODAY
    qtbot.mouseClick(field.popup.yesterday_button, Qt.MouseButton.LeftButton)
    field.open_popup()
    qtbot.mouseClick(field.popup.clear_button, Qt.MouseButton.LeftButton)
    assert seen == [TODAY, dt.date(2026, 11, 30), None]
    assert field.line_edit.text() == ""


def test_the_popup_works_from_the_keyboard(qtbot: QtBot) -> None:
    field, seen = make_field(qtbot)
    field.open_popup()
    qtbot.keyClick(field.popup, Qt.Key.Key_Escape)
    assert not field.popup.isVisible() and seen == []
    field.open_popup()
    for _ in range(2):  # from the calendar to Today, then to Yesterday
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is field.popup.yesterday_button
    qtbot.keyClick(field.popup.yesterday_button, Qt.Key.Key_Space)
    assert seen == [dt.date(2026, 11, 30)]
    assert field.focusWidget() is field.line_edit  # back in the field, ready to type


def test_a_field_that_needs_a_day_keeps_it_when_emptied(qtbot: QtBot) -> None:
    field, seen = make_field(qtbot, optional=False)
    field.set_value(TODAY)
    field.open_popup()
    assert field.popup.clear_button.isHidden()
    field.popup.hide()
    field.line_edit.selectAll()
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Return)
    assert field.value() == TODAY and "needs a day" in field.problem()
    assert seen == [TODAY]


def test_up_and_down_step_one_day(qtbot: QtBot) -> None:
    field, seen = make_field(qtbot)
    field.set_value(dt.date(2026, 3, 1))
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Down)
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Down)
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Up)
    assert field.value() == dt.date(2026, 2, 28)
    days = [dt.date(2026, 3, 1), dt.date(2026, 2, 28), dt.date(2026, 2, 27), dt.date(2026, 2, 28)]
    assert seen == days


def test_a_check_can_turn_a_new_day_down(qtbot: QtBot) -> None:
    field, seen = make_field(qtbot)
    field.set_value(dt.date(2026, 3, 1))
    asked: list[dt.date] = []
    field.check = lambda day: asked.append(day) is not None
    type_in(qtbot, field, "2030-01-01")
    assert asked == [dt.date(2030, 1, 1)]
    assert field.value() == dt.date(2026, 3, 1) and field.line_edit.text() == "Sun, 1 Mar 2026"
    assert seen == [dt.date(2026, 3, 1)]


def test_a_huge_paste_or_an_emoji_is_kept_and_called_not_a_day(qtbot: QtBot) -> None:
    field, seen = make_field(qtbot)
    pasted = "Dear hiring team, " * 300_000  # about 5 MB
    field.line_edit.setText(pasted)
    field.commit_text()
    kept = field.line_edit.text()  # all of it, up to a line edit's 32,767 characters
    assert len(kept) == field.line_edit.maxLength() and pasted.startswith(kept) and seen == []
    assert field.problem().startswith("“Dear hiring team, Dear hiring team, Dea…” is not a day")
    field.line_edit.setText("🙂 1 Dec 2026")  # pasted: the test keyboard has no emoji
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Return)
    assert "not a day" in field.problem() and field.value() is None
    assert field.line_edit.text() == "🙂 1 Dec 2026"
