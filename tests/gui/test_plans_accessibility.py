"""Every control of the Debriefs page, the Goals board and their dialogs has a name to speak."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from regroup.core.debriefs.types import DebriefContent
from regroup.core.goals.types import GoalContent
from regroup.core.profile import Profile
from regroup.gui.debriefs.page import DebriefPage
from regroup.gui.debriefs.trash_dialog import DebriefTrashDialog, DeleteDebriefBox
from regroup.gui.goals.goal_dialog import GoalDialog
from regroup.gui.goals.page import GoalsPage
from regroup.gui.goals.shelf_dialog import GoalShelfDialog
from regroup.gui.reminders.settings_section import ReminderSettingsBox
from tests.gui.conftest import page_of, show_window

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractScrollArea)
COMPOSITE = (QAbstractSpinBox, QCalendarWidget, QComboBox, QAbstractScrollArea, QLineEdit)


def _inside_composite(widget: QWidget, top: QWidget) -> bool:
    """Tell whether ``widget`` is a part of another control (a spin box's line edit...).

    A scroll area's page is not such a part: the form's fields live in one.
    """
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, COMPOSITE):
            page = parent.widget() if isinstance(parent, QScrollArea) else None
            if page is None or not page.isAncestorOf(widget):
                return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(top: QWidget) -> tuple[int, list[str]]:
    controls = [
        widget
        for widget in top.findChildren(QWidget)
        if isinstance(widget, (*CONTROLS, QCalendarWidget))
        and not widget.objectName().startswith("qt_")
        and not _inside_composite(widget, top)
    ]
    unnamed = [
        f"{type(w).__name__} {w.text() if hasattr(w, 'text') else ''}"
        for w in controls
        if not w.accessibleName()
    ]
    return len(controls), unnamed


def test_every_control_on_the_debrief_and_goals_pages_has_an_accessible_name(
    qtbot: QtBot, profile: Profile
) -> None:
    record = profile.debriefs.create(
        DebriefContent(company="Delta", do_differently=("One", "Two")), draft=False
    ).record
    profile.goals.create_from_debrief(record.id, 0)
    profile.goals.create(GoalContent("A goal of its own"))
    window = show_window(qtbot, profile)
    debriefs = page_of(window, "debriefs", DebriefPage)
    goals = page_of(window, "goals", GoalsPage)
    assert debriefs is not None and goals is not None
    debriefs.open_debrief(record.id)
    debriefs.form.lines_editor.add_line("Three")
    count, unnamed = unnamed_controls(debriefs)
    assert count > 60 and unnamed == []
    count, unnamed = unnamed_controls(goals)
    assert count >= 10 and unnamed == []
    for dialog in (
        GoalDialog(profile.goals, parent=window),
        GoalShelfDialog(profile.goals, profile.clock.today, lambda _id: None, window),
        DebriefTrashDialog(profile.debriefs, window.events, window),
        DeleteDebriefBox(1, window),
    ):
        count, unnamed = unnamed_controls(dialog)
        assert count >= 3 and unnamed == [], type(dialog).__name__


def test_the_default_days_before_a_check_in_are_set_in_settings_and_used_by_new_debriefs(
    qtbot: QtBot, profile: Profile
) -> None:
    window = show_window(qtbot, profile)
    box = ReminderSettingsBox(profile.reminders, profile.settings)  # joins Settings at start
    qtbot.addWidget(box)
    assert box.days_spin.value() == 3
    _count, unnamed = unnamed_controls(box)
    assert unnamed == []
    box.days_spin.setValue(6)
    box.days_spin.editingFinished.emit()
    assert profile.settings.default_mourning_days() == 6
    window.show_page("debriefs")
    assert window.built("debriefs") is not None
    debriefs = page_of(window, "debriefs", DebriefPage)
    debriefs.new_debrief()
    assert debriefs.form.days_spin.value() == 6
    assert "6 days after the news" in debriefs.form.due_label.text()
