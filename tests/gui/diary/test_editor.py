"""The editor: tags from the field and the text, mood, far dates, word count, a safe preview."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QWheelEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from regroup.core.diary.types import EntryContent
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.profile import Profile
from regroup.gui.diary.editor import EntryEditor
from regroup.gui.diary.tag_chips import field_text_for, inline_tags, merged_tags
from tests.gui.conftest import diary, reopen, show_window, wait_saved
from tests.gui.modal import answer, when_modal


def test_hash_words_in_the_text_are_tags_but_numbers_headings_and_anchors_are_not() -> None:
    body = (
        "Called them. #interview went ok.\n# Heading\nIssue #3, see http://x.org/#anchor #Next-Step"
    )
    assert inline_tags(body) == ["interview", "Next-Step"]
    assert merged_tags("#job-search, Feedback interview", body) == [
        "job-search",
        "Feedback",
        "interview",
        "Next-Step",
    ]
    assert field_text_for(("job-search", "interview"), body) == "#job-search"


def test_tags_typed_and_written_are_saved_and_shown_as_chips(
    qtbot: QtBot, profile: Profile
) -> None:
    page = diary(show_window(qtbot, profile))
    editor = page.editor
    qtbot.keyClicks(editor.tags_edit, "#job-search, feedback")
    qtbot.keyClicks(editor.body_edit, "The #interview was short.")
    qtbot.waitUntil(lambda: editor.chips.texts() == ["#job-search", "#feedback", "#interview"])
    assert "#word" in editor.tags_edit.toolTip()
    wait_saved(qtbot, page)
    entry_id = page.saver.entry_id
    assert profile.diary.get(entry_id).tags == ("job-search", "feedback", "interview")
    page.new_entry()
    page.open_entry(entry_id)
    assert editor.tags_edit.text() == "#job-search #feedback"
    editor.body_edit.setPlainText("The interview was short.")
    wait_saved(qtbot, page)
    assert profile.diary.get(entry_id).tags == ("job-search", "feedback")


def test_mood_and_far_away_days_are_kept(qtbot: QtBot, profile: Profile) -> None:
    page = diary(show_window(qtbot, profile))
    editor = page.editor
    picker = editor.mood_picker
    assert [(mood, button.text()) for mood, button in picker.buttons.items()] == [
        (None, "No mood"),
        (1, "Awful"),
        (2, "Low"),
        (3, "Okay"),
        (4, "Good"),
        (5, "Great"),
    ]
    for day, mood in ((dt.date(1900, 1, 1), 2), (dt.date(2200, 12, 31), None)):
        page.new_entry()
        editor.day_field.line_edit.selectAll()
        qtbot.keyClicks(editor.day_field.line_edit, day.isoformat())
        errors = when_modal(answer("Yes")) if day > dt.date.today() else []
        qtbot.keyClick(editor.day_field.line_edit, Qt.Key.Key_Return)
        assert errors == []
        assert editor.day_field.value() == day
        picker.buttons[mood].click()
        qtbot.keyClicks(editor.body_edit, f"written for {day}")
        assert page.save_now()
        saved = profile.diary.get(page.saver.entry_id)
        assert (saved.entry_date, saved.mood) == (day, mood)


def test_the_word_count_follows_the_text(qtbot: QtBot) -> None:
    editor = EntryEditor(dt.date(2026, 1, 1))
    qtbot.addWidget(editor)
    editor.show_content(EntryContent("one two  three\nfour"), dt.date(2026, 1, 1))
    assert editor.word_count_label.text() == "4 words"
    editor.focus_body()
    qtbot.keyClicks(editor.body_edit, " five")
    qtbot.waitUntil(lambda: editor.word_count_label.text() == "5 words")


def test_the_preview_is_built_only_when_shown_and_opens_links_only_when_clicked(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()))
    )
    editor = EntryEditor(dt.date(2026, 1, 1))
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.body_edit, "**bold** and [a link](https://example.org) ![x](x.png)")
    qtbot.wait(2 * 250 + 50)
    assert editor.preview_builds == 0 and editor.preview.isHidden()
    editor.preview_button.click()
    assert editor.preview_builds == 1 and editor.preview.isVisible()
    assert "bold and a link" in editor.preview.toPlainText()
    assert editor.preview.loadResource(2, QUrl("x.png")) is None
    assert opened == []
    editor.preview.anchorClicked.emit(QUrl("file:///etc/passwd"))
    editor.preview.anchorClicked.emit(QUrl("https://example.org"))
    assert opened == ["https://example.org"]
    editor.preview_button.click()
    qtbot.keyClicks(editor.body_edit, " more")
    qtbot.wait(2 * 250 + 50)
    assert editor.preview_builds == 1


def test_a_five_megabyte_paste_with_emoji_and_rtl_text_comes_back_exactly(
    qtbot: QtBot, profile: Profile, keystore: SystemKeyStore
) -> None:
    line = "שלום, I still want this job 🌱 مرحبا\t#keep-going\n"
    pasted = line * (5_000_000 // len(line.encode()) + 1)
    window = show_window(qtbot, profile)
    page = diary(window)
    page.editor.body_edit.insertPlainText(pasted)
    assert page.save_now()
    window.close()
    again = reopen(profile, keystore)
    try:
        saved = again.diary.get(again.browse.latest(1)[0].id)
        assert saved.body == pasted and len(saved.body.encode()) >= 5_000_000
        assert saved.tags == ("keep-going",)
        shown = diary(show_window(qtbot, again))
        assert shown.editor.body_edit.toPlainText() == pasted
    finally:
        again.close()


def test_the_diary_asks_before_dating_an_entry_in_the_future(
    qtbot: QtBot, clocked_profile: Profile
) -> None:
    page = diary(show_window(qtbot, clocked_profile))  # today is Wed 18 Mar 2026
    field = page.editor.day_field
    field.line_edit.setFocus()
    asked: list[str] = []
    errors = when_modal(lambda box: (asked.append(box.windowTitle()), answer("No")(box)))
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Up)
    assert errors == [] and asked == ["Date this entry in the future?"]
    assert field.value() == dt.date(2026, 3, 18) and field.line_edit.text() == "Wed, 18 Mar 2026"
    errors = when_modal(answer("Yes"))
    field.line_edit.selectAll()
    qtbot.keyClicks(field.line_edit, "25 Mar 2026")
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Return)
    assert errors == [] and field.value() == dt.date(2026, 3, 25)
    qtbot.keyClicks(page.editor.body_edit, "planning ahead")
    assert page.save_now()
    assert clocked_profile.diary.get(page.saver.entry_id).entry_date == dt.date(2026, 3, 25)


def test_earlier_days_and_today_need_no_question(qtbot: QtBot, clocked_profile: Profile) -> None:
    page = diary(show_window(qtbot, clocked_profile))
    field = page.editor.day_field
    field.line_edit.setFocus()
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Down)
    assert field.value() == dt.date(2026, 3, 17)
    qtbot.keyClick(field.line_edit, Qt.Key.Key_Up)
    assert field.value() == dt.date(2026, 3, 18)
    assert QApplication.activeModalWidget() is None


def laid_out_to_its_width(edit: QPlainTextEdit) -> bool:
    """Tell whether the body's text wraps at the width it shows (not a stale one)."""
    line = edit.document().firstBlock().layout().lineAt(0)
    return abs(line.width() - (edit.viewport().width() - 2 * edit.document().documentMargin())) <= 1


def test_the_text_keeps_a_readable_measure_centred_in_a_wide_window_and_fills_a_narrow_one(
    qtbot: QtBot,
) -> None:
    editor = EntryEditor(dt.date(2026, 1, 1))
    qtbot.addWidget(editor)
    editor.resize(1800, 700)
    editor.show()
    editor.preview_button.click()
    editor.splitter.setSizes([900, 900])
    qtbot.keyClicks(editor.body_edit, "A long paragraph about the interview. " * 20)
    qtbot.wait(2 * 250 + 50)
    for area in (editor.body_edit, editor.preview):
        characters = area.viewport().width() / area.fontMetrics().averageCharWidth()
        margins = area.viewportMargins()
        assert 66 <= characters <= 72
        assert abs(margins.left() - margins.right()) <= 1 and margins.left() > 12
    assert laid_out_to_its_width(editor.body_edit)
    preview_width = editor.preview.document().textWidth()
    assert preview_width == editor.preview.viewport().width()
    assert editor.preview.document().firstBlock().blockFormat().lineHeight() == 150
    assert editor.body_edit.font().pointSizeF() > editor.title_edit.font().pointSizeF()

    editor.resize(520, 700)
    editor.splitter.setSizes([260, 260])
    qtbot.waitUntil(lambda: editor.body_edit.viewportMargins().left() == 12)
    assert editor.preview.viewportMargins().left() == 12
    assert laid_out_to_its_width(editor.body_edit)
    editor.resize(1800, 700)
    editor.splitter.setSizes([900, 900])
    qtbot.waitUntil(lambda: editor.body_edit.viewportMargins().left() > 12)
    assert laid_out_to_its_width(editor.body_edit)
    bigger = editor.body_edit.font()
    bigger.setPointSizeF(bigger.pointSizeF() * 1.5)
    editor.body_edit.setFont(bigger)  # a larger font gets a wider measure, still ~70 characters
    characters = (
        editor.body_edit.viewport().width() / editor.body_edit.fontMetrics().averageCharWidth()
    )
    assert 66 <= characters <= 72 and laid_out_to_its_width(editor.body_edit)


def test_the_body_spaces_its_lines_for_reading_and_the_cursor_follows_them(qtbot: QtBot) -> None:
    editor = EntryEditor(dt.date(2026, 1, 1))
    qtbot.addWidget(editor)
    editor.resize(500, 600)
    editor.show()
    body = editor.body_edit
    qtbot.keyClicks(body, "A long paragraph about the interview. " * 12)
    block = body.document().firstBlock()
    lines = block.layout().lineCount()
    spacing = body.fontMetrics().lineSpacing()
    assert lines >= 3
    height = body.blockBoundingRect(block).height()
    assert 1.4 * spacing * lines <= height <= 1.6 * spacing * lines + 8
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.Start)
    body.setTextCursor(cursor)
    top = body.cursorRect().top()
    qtbot.keyClick(body, Qt.Key.Key_Down)
    assert body.cursorRect().top() - top >= 1.4 * spacing
    clicked = body.cursorForPosition(body.cursorRect().center())
    assert clicked.position() == body.textCursor().position()


def test_the_side_margins_scroll_and_take_clicks_like_the_text(qtbot: QtBot) -> None:
    editor = EntryEditor(dt.date(2026, 1, 1))
    qtbot.addWidget(editor)
    editor.resize(1600, 400)
    editor.show()
    body = editor.body_edit
    body.setPlainText("\n".join(f"Line {n} of a long entry." for n in range(200)))
    assert body.viewportMargins().left() > 100
    margin = QPoint(body.viewportMargins().left() // 2, body.height() // 2)
    bar = body.verticalScrollBar()
    assert bar.value() == 0
    wheel = QWheelEvent(
        QPointF(margin),
        QPointF(body.mapToGlobal(margin)),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(body, wheel)
    assert bar.value() > 0
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.title_edit.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.mouseClick(body, Qt.MouseButton.LeftButton, pos=margin)
    assert body.hasFocus() and body.textCursor().block().text().startswith("Line ")
    assert body.textCursor().block() != body.document().lastBlock()
    assert body.textCursor().positionInBlock() == 0  # the nearest place: the line's start
