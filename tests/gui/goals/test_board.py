"""The Goals board: cards in order, moved by drag and drop or keyboard, kept after a restart.

Offscreen Qt cannot run a real drag (QDrag.exec needs a windowing system's drag
loop), so drops are driven through the lane model's ``dropMimeData`` with the MIME
data the source lane's ``mimeData`` makes: the same two calls a real drop makes.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from regroup.core.debriefs.types import DebriefContent
from regroup.core.goals.types import GoalCategory, GoalContent, Lane
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.profile import Profile
from regroup.gui.debriefs.page import DebriefPage
from regroup.gui.goals.card import OVERDUE_COLOUR, CardFace, card_face, category_colour
from regroup.gui.goals.goal_dialog import GoalDialog
from regroup.gui.goals.lane import GOAL_MIME
from regroup.gui.goals.page import GoalsPage
from regroup.gui.goals.shelf_dialog import GoalShelfDialog
from regroup.gui.main_window import MainWindow
from tests.gui.conftest import Dialogs, ManualClock, page_of, reopen, show_window, toast_on
from tests.gui.modal import when_modal

CTRL = Qt.KeyboardModifier.ControlModifier


def open_goals(qtbot: QtBot, profile: Profile) -> tuple[MainWindow, GoalsPage]:
    window = show_window(qtbot, profile)
    window.show_page("goals")
    assert window.built("goals") is not None
    return window, page_of(window, "goals", GoalsPage)


def titles(page: GoalsPage, lane: Lane) -> list[str]:
    return [card.title for card in page.models[lane].cards]


def stored(profile: Profile, lane: Lane) -> list[str]:
    return [card.title for card in profile.goals.board((lane,)).lane(lane)]


def make(profile: Profile, *names: str, lane: Lane = Lane.NEXT) -> list[int]:
    return [profile.goals.create(GoalContent(name), lane).id for name in names]


def drop(page: GoalsPage, goal_title: str, source: Lane, target: Lane, row: int) -> bool:
    """Drop a card before ``row`` of ``target``, as the view does at the end of a drag."""
    from_model, to_model = page.models[source], page.models[target]
    index = from_model.index(titles(page, source).index(goal_title))
    data = from_model.mimeData([index])
    assert from_model.supportedDragActions() == Qt.DropAction.MoveAction  # never a copy
    assert data.hasFormat(GOAL_MIME) and GOAL_MIME in to_model.mimeTypes()
    assert to_model.canDropMimeData(data, Qt.DropAction.MoveAction, row, 0, QModelIndex())
    return to_model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, QModelIndex())


def test_a_card_dragged_from_next_to_doing_keeps_its_place_after_a_restart(
    qtbot: QtBot, profile: Profile, keystore: SystemKeyStore
) -> None:
    make(profile, "Write to two old colleagues", "Redo the resume summary", "Mock interview")
    make(profile, "Course: SQL joins", "Portfolio page", lane=Lane.DOING)
    window, page = open_goals(qtbot, profile)
    assert titles(page, Lane.NEXT) == [
        "Write to two old colleagues",
        "Redo the resume summary",
        "Mock interview",
    ]
    assert drop(page, "Redo the resume summary", Lane.NEXT, Lane.DOING, 1)
    expected_doing = ["Course: SQL joins", "Redo the resume summary", "Portfolio page"]
    assert titles(page, Lane.DOING) == expected_doing == stored(profile, Lane.DOING)
    assert titles(page, Lane.NEXT) == ["Write to two old colleagues", "Mock interview"]
    assert page.chosen() is not None and page.chosen()[0] is Lane.DOING
    assert "(3)" in page.headers[Lane.DOING].text()
    window.close()

    profile = reopen(profile, keystore)
    window, page = open_goals(qtbot, profile)
    assert titles(page, Lane.DOING) == expected_doing
    assert titles(page, Lane.NEXT) == ["Write to two old colleagues", "Mock interview"]
    window.close()
    profile.close()


def test_dragging_within_a_column_puts_the_card_exactly_where_it_was_dropped(
    qtbot: QtBot, profile: Profile
) -> None:
    make(profile, "A", "B", "C", "D")
    _window, page = open_goals(qtbot, profile)
    assert drop(page, "A", Lane.NEXT, Lane.NEXT, 3)  # between C and D
    assert titles(page, Lane.NEXT) == ["B", "C", "A", "D"] == stored(profile, Lane.NEXT)
    assert drop(page, "D", Lane.NEXT, Lane.NEXT, 0)
    assert titles(page, Lane.NEXT) == ["D", "B", "C", "A"] == stored(profile, Lane.NEXT)
    assert drop(page, "B", Lane.NEXT, Lane.NEXT, -1)  # on empty space below the cards
    assert titles(page, Lane.NEXT) == ["D", "C", "A", "B"] == stored(profile, Lane.NEXT)
    model = page.models[Lane.DONE]
    data = model.mimeData([])
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_ctrl_arrows_move_the_chosen_card_between_and_within_columns(
    qtbot: QtBot, profile: Profile
) -> None:
    make(profile, "A", "B", "C")
    make(profile, "X", lane=Lane.DOING)
    window, page = open_goals(qtbot, profile)
    with qtbot.waitActive(window):
        window.activateWindow()
    view = page.views[Lane.NEXT]
    assert page.select_goal(profile.goals.board().lane(Lane.NEXT)[1].id)
    qtbot.keyClick(view, Qt.Key.Key_Down, CTRL)
    assert titles(page, Lane.NEXT) == ["A", "C", "B"] == stored(profile, Lane.NEXT)
    qtbot.keyClick(view, Qt.Key.Key_Down, CTRL)  # already last: nothing moves
    assert titles(page, Lane.NEXT) == ["A", "C", "B"]
    qtbot.keyClick(view, Qt.Key.Key_Up, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Up, CTRL)
    assert titles(page, Lane.NEXT) == ["B", "A", "C"] == stored(profile, Lane.NEXT)
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL)
    assert titles(page, Lane.DOING) == ["B", "X"] == stored(profile, Lane.DOING)
    assert QApplication.focusWidget() is page.views[Lane.DOING]
    qtbot.keyClick(page.views[Lane.DOING], Qt.Key.Key_Right, CTRL)
    assert stored(profile, Lane.DONE) == ["B"]
    done = profile.goals.board().lane(Lane.DONE)[0]
    assert done.done_at is not None
    qtbot.keyClick(page.views[Lane.DONE], Qt.Key.Key_Right, CTRL)  # no column further right
    qtbot.keyClick(page.views[Lane.DONE], Qt.Key.Key_Left, CTRL)
    assert stored(profile, Lane.DOING) == ["B", "X"]  # at the same height it left
    assert stored(profile, Lane.DONE) == []


def test_a_new_goal_gets_smart_hints_and_lands_at_the_end_of_next(
    qtbot: QtBot, profile: Profile
) -> None:
    make(profile, "Existing goal")
    _window, page = open_goals(qtbot, profile)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, GoalDialog)
        assert "starting with a verb" in dialog.hints_label.text()
        qtbot.keyClicks(dialog.title_edit, "Practise salary questions aloud")
        qtbot.keyClicks(dialog.outcome_edit, "three mock calls")
        assert "A number makes the outcome easy to check" in dialog.hints_label.text()
        dialog.outcome_edit.clear()
        qtbot.keyClicks(dialog.outcome_edit, "3 mock calls")
        dialog.category_box.set_value(GoalCategory.INTERVIEW_PRACTICE)
        due = dialog.due_edit.line_edit
        due.setFocus()
        qtbot.keyClicks(due, "the first of April")
        dialog.save()
        assert dialog.isVisible() and "not a day" in dialog.due_edit.problem()
        assert dialog.focusWidget() is due and due.text() == "the first of April"
        due.selectAll()
        qtbot.keyClicks(due, "1 Apr 2026")
        qtbot.keyClick(due, Qt.Key.Key_Return)  # reads the day, then Save (the default)
        assert dialog.hints_label.text() == "Clear and checkable. Good."
        assert not dialog.isVisible()

    errors = when_modal(fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert titles(page, Lane.NEXT) == ["Existing goal", "Practise salary questions aloud"]
    goal = profile.goals.get(page.models[Lane.NEXT].cards[1].id)
    assert (goal.outcome, goal.due_on) == ("3 mock calls", dt.date(2026, 4, 1))
    assert goal.category is GoalCategory.INTERVIEW_PRACTICE
    assert page.chosen() == (Lane.NEXT, goal.id)


def test_editing_a_goal_refuses_an_empty_title_and_keeps_the_dialog_open(
    qtbot: QtBot, profile: Profile
) -> None:
    [goal_id] = make(profile, "Update the portfolio")
    _window, page = open_goals(qtbot, profile)
    page.select_goal(goal_id)
    seen: list[str] = []

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, GoalDialog)
        assert dialog.title_edit.text() == "Update the portfolio"
        dialog.title_edit.clear()
        dialog.save()
        seen.append(dialog.error_label.text())
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.title_edit, "Update the portfolio with two projects")
        dialog.save()

    errors = when_modal(edit)
    qtbot.keyClick(page.views[Lane.NEXT], Qt.Key.Key_Return)
    assert errors == []
    assert "needs a title" in seen[0]
    assert titles(page, Lane.NEXT) == ["Update the portfolio with two projects"]


def test_deleting_a_goal_asks_first(qtbot: QtBot, profile: Profile, dialogs: Dialogs) -> None:
    first, second = make(profile, "Keep me", "Delete me")
    _window, page = open_goals(qtbot, profile)
    page.select_goal(second)
    dialogs.answer = dialogs.answer.Cancel
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert profile.goals.count() == 2
    dialogs.answer = dialogs.answer.Yes
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert dialogs.titles() == ["Delete this goal?", "Delete this goal?"]
    assert titles(page, Lane.NEXT) == ["Keep me"] == stored(profile, Lane.NEXT)
    assert page.chosen() in (None, (Lane.NEXT, first))
    assert page.delete_button.isEnabled() == (page.chosen() is not None)


def test_archived_and_dropped_goals_leave_the_board_and_can_come_back(
    qtbot: QtBot, profile: Profile, dialogs: Dialogs
) -> None:
    archived, dropped = make(profile, "Old plan", "Not for me")
    _window, page = open_goals(qtbot, profile)
    page.select_goal(archived)
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    page.select_goal(dropped)
    qtbot.mouseClick(page.drop_button, Qt.MouseButton.LeftButton)
    assert titles(page, Lane.NEXT) == []
    assert stored(profile, Lane.ARCHIVED) == ["Old plan"]
    assert stored(profile, Lane.DROPPED) == ["Not for me"]

    def bring_back(dialog: QDialog) -> None:
        assert isinstance(dialog, GoalShelfDialog)
        assert dialog.tabs.tabText(0) == "Archived (1)" and dialog.tabs.tabText(1) == "Dropped (1)"
        dialog.views[Lane.ARCHIVED].select_goal(archived)
        dialog.back_button.click()
        dialog.tabs.setCurrentIndex(1)
        dialog.views[Lane.DROPPED].select_goal(dropped)
        dialog.delete_button.click()
        dialog.reject()

    errors = when_modal(bring_back)
    qtbot.mouseClick(page.shelf_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert titles(page, Lane.NEXT) == ["Old plan"]
    assert profile.goals.count() == 1 and dialogs.titles() == ["Delete this goal?"]


def test_cards_show_category_due_date_overdue_and_their_debrief(
    qtbot: QtBot, clocked_profile: Profile, clock: ManualClock
) -> None:
    profile = clocked_profile
    debrief = profile.debriefs.create(
        DebriefContent(company="Harbor Bank", role="Analyst", do_differently=("Learn dbt",)),
        draft=False,
    ).record
    from_debrief = profile.goals.create_from_debrief(debrief.id, 0, GoalCategory.SKILLS)
    profile.goals.update(
        from_debrief.id, GoalContent("Learn dbt", GoalCategory.SKILLS, dt.date(2026, 3, 20))
    )
    late = profile.goals.create(GoalContent("Send thank-you notes", None, dt.date(2026, 3, 1)))
    window, page = open_goals(qtbot, profile)
    model = page.models[Lane.NEXT]
    text = model.data(model.index(0), Qt.ItemDataRole.AccessibleTextRole)
    assert text == "Learn dbt. Skills · Due 20 Mar · From: Harbor Bank, Analyst"
    face = model.face(model.cards[0])
    assert face.category is GoalCategory.SKILLS and not face.overdue
    assert face.source == "From: Harbor Bank, Analyst"
    assert model.face(model.cards[1]) == CardFace(None, "Was due 1 Mar", True, "")
    clock.advance(dt.timedelta(days=2))
    assert model.face(model.cards[0]).due == "Due today"
    clock.advance(dt.timedelta(days=3))
    assert model.face(model.cards[0]) == CardFace(
        GoalCategory.SKILLS, "Was due 20 Mar", True, "From: Harbor Bank, Analyst"
    )
    page.move_goal(late.id, Lane.NEXT, Lane.DONE, 0)
    done = card_face(page.models[Lane.DONE].cards[0], clock.today(), None)
    assert done.due == "Due 1 Mar" and not done.overdue  # done is done: nothing is late
    assert card_face(page.models[Lane.DONE].cards[0], dt.date(2027, 1, 5), None).due == (
        "Due 1 Mar 2026"
    )
    assert not page.grab().isNull()
    page.select_goal(from_debrief.id)
    qtbot.mouseClick(page.debrief_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "debriefs"
    assert window.built("debriefs") is not None
    assert page_of(window, "debriefs", DebriefPage).saver.debrief_id == debrief.id


def test_a_line_of_a_debrief_becomes_a_goal_on_the_board_and_shows_its_column(
    qtbot: QtBot, profile: Profile
) -> None:
    window = show_window(qtbot, profile)
    window.show_page("debriefs")
    window.page("goals")
    debriefs = page_of(window, "debriefs", DebriefPage)
    assert debriefs is not None and window.built("goals") is not None
    form = debriefs.form
    qtbot.keyClicks(form.company_edit, "Granite Studio")
    qtbot.keyClicks(form.lines_editor.rows[0].edit, "Ask for the interview format")
    qtbot.keyClick(form.lines_editor.rows[0].edit, Qt.Key.Key_Return)
    qtbot.keyClicks(form.lines_editor.rows[1].edit, "Prepare two project stories")
    row = form.lines_editor.rows[1]
    qtbot.mouseClick(row.goal_button, Qt.MouseButton.LeftButton)
    [goal] = profile.goals.for_debrief(debriefs.saver.debrief_id or 0)
    assert goal.title == "Prepare two project stories" and goal.lane is Lane.NEXT
    assert row.goal_state.isVisibleTo(row) and not row.goal_button.isVisibleTo(row)
    assert row.goal_state.text() == "Goal: Next"
    assert form.lines_editor.rows[0].goal_button.isVisibleTo(row)
    assert "is on the Goals board" in toast_on(debriefs).text()
    board = page_of(window, "goals", GoalsPage)
    assert titles(board, Lane.NEXT) == ["Prepare two project stories"]
    assert board.source_name(debriefs.saver.debrief_id or 0) == "Granite Studio"
    board.select_goal(goal.id)
    board.move_chosen(Lane.NEXT, 1, 0)
    assert row.goal_state.text() == "Goal: Doing"
    assert "Prepare two project stories (Doing)" in form.goals_label.text()


def test_the_delete_key_deletes_the_chosen_card_after_asking(
    qtbot: QtBot, profile: Profile, dialogs: Dialogs
) -> None:
    [goal_id] = make(profile, "Gone soon")
    window, page = open_goals(qtbot, profile)
    with qtbot.waitActive(window):
        window.activateWindow()
    page.select_goal(goal_id)
    qtbot.keyClick(page.views[Lane.NEXT], Qt.Key.Key_Delete)
    assert dialogs.titles() == ["Delete this goal?"] and profile.goals.count() == 0


def test_a_card_paints_its_category_colour_and_a_kind_due_chip(
    qtbot: QtBot, clocked_profile: Profile
) -> None:
    profile = clocked_profile
    profile.goals.create(GoalContent("Mock interview", GoalCategory.INTERVIEW_PRACTICE))
    profile.goals.create(GoalContent("Send thank-you notes", None, dt.date(2026, 3, 1)))
    _window, page = open_goals(qtbot, profile)
    view = page.views[Lane.NEXT]
    image = view.viewport().grab().toImage()
    first, second = (
        view.visualRect(page.models[Lane.NEXT].index(0)),
        view.visualRect(page.models[Lane.NEXT].index(1)),
    )
    stripe = image.pixelColor(first.left() + 4, first.center().y())
    expected = category_colour(GoalCategory.INTERVIEW_PRACTICE, view.palette())
    assert stripe.name() == expected.name()
    assert image.pixelColor(second.left() + 4, second.center().y()).name() != expected.name()
    overdue = QColor(OVERDUE_COLOUR)
    band = range(second.center().y() - 2, second.bottom())
    reds = [
        (x, y)
        for y in band
        for x in range(second.left(), second.right())
        if abs(image.pixelColor(x, y).red() - overdue.red()) < 30
        and image.pixelColor(x, y).green() < 90
    ]
    assert reds  # the "Was due 1 Mar" chip, in the overdue colour


def test_an_empty_column_paints_a_hint_of_what_goes_there(qtbot: QtBot, profile: Profile) -> None:
    make(profile, "Update my portfolio")
    _window, page = open_goals(qtbot, profile)
    hints = {lane: page.views[lane].empty_hint for lane in (Lane.NEXT, Lane.DOING, Lane.DONE)}
    assert hints[Lane.NEXT].startswith("Nothing here yet.") and "New goal" in hints[Lane.NEXT]
    assert len(set(hints.values())) == 3
    doing = page.views[Lane.DOING]
    with_hint = doing.viewport().grab().toImage()
    doing.empty_hint = ""
    without = doing.viewport().grab().toImage()
    assert with_hint != without  # the words are painted in the empty column
    doing.empty_hint = hints[Lane.DOING]
    geometry = doing.geometry()
    assert page.select_goal(page.models[Lane.NEXT].cards[0].id)
    page.move_chosen(Lane.NEXT, 1, 0)
    assert [card.title for card in page.models[Lane.DOING].cards] == ["Update my portfolio"]
    assert doing.geometry() == geometry  # nothing moved when the first card landed
    next_view = page.views[Lane.NEXT]
    painted = next_view.viewport().grab().toImage()
    next_view.empty_hint = ""
    assert next_view.viewport().grab().toImage() != painted


def test_the_shelf_buttons_wait_for_a_chosen_goal(qtbot: QtBot, profile: Profile) -> None:
    dialog = GoalShelfDialog(profile.goals, dt.date.today, lambda _id: None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.back_button.isEnabled() and not dialog.delete_button.isEnabled()
    (goal,) = make(profile, "Old plan", lane=Lane.ARCHIVED)
    dialog.reload()
    assert not dialog.back_button.isEnabled()  # listed, but nothing chosen yet
    dialog.views[Lane.ARCHIVED].select_goal(goal)
    assert dialog.back_button.isEnabled() and dialog.delete_button.isEnabled()
    dialog.tabs.setCurrentIndex(1)  # Dropped: empty
    assert not dialog.back_button.isEnabled() and not dialog.delete_button.isEnabled()
    dialog.tabs.setCurrentIndex(0)
    assert dialog.back_button.isEnabled()
    dialog.back_to_next()
    assert not dialog.back_button.isEnabled() and dialog.changed
