"""The mood picker: every mood in sight, one click or one key to choose, and to clear."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from regroup.core.diary.types import MOOD_LABELS
from regroup.gui.kit.mood_picker import MoodPicker


class Form(QWidget):
    """A text field, then the picker, as in a form; the picker is reached with Tab."""

    def __init__(self, blank: str) -> None:
        super().__init__()
        self.before = QLineEdit()
        self.picker = MoodPicker("Mood", MOOD_LABELS, blank)
        layout = QVBoxLayout(self)
        layout.addWidget(self.before)
        layout.addWidget(self.picker)
        self.seen: list[object] = []
        self.picker.value_changed.connect(self.seen.append)


def make_picker(qtbot: QtBot, blank: str = "No mood") -> Form:
    form = Form(blank)
    qtbot.addWidget(form)
    with qtbot.waitExposed(form):
        form.show()
    form.activateWindow()
    return form


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_every_mood_is_a_named_choice(qtbot: QtBot) -> None:
    form = make_picker(qtbot)
    picker, _before, _seen = form.picker, form.before, form.seen
    names = [button.accessibleName() for button in picker.buttons.values()]
    assert names == [
        "No mood",
        "Mood 1 of 5: Awful",
        "Mood 2 of 5: Low",
        "Mood 3 of 5: Okay",
        "Mood 4 of 5: Good",
        "Mood 5 of 5: Great",
    ]
    assert [button.text() for button in picker.buttons.values()][1:] == list(MOOD_LABELS.values())


def test_one_click_chooses_and_a_second_click_clears(qtbot: QtBot) -> None:
    form = make_picker(qtbot)
    picker, _before, seen = form.picker, form.before, form.seen
    qtbot.mouseClick(picker.buttons[4], Qt.MouseButton.LeftButton)
    assert picker.value() == 4 and picker.buttons[4].isChecked()
    qtbot.mouseClick(picker.buttons[2], Qt.MouseButton.LeftButton)
    assert picker.value() == 2 and not picker.buttons[4].isChecked()
    qtbot.mouseClick(picker.buttons[2], Qt.MouseButton.LeftButton)
    assert picker.value() is None and picker.buttons[None].isChecked()
    assert seen == [4, 2, None]


def test_tab_comes_in_on_the_chosen_mood_keys_choose_and_tab_leaves(qtbot: QtBot) -> None:
    form = make_picker(qtbot)
    picker, before, seen = form.picker, form.before, form.seen
    picker.set_value(3)
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert focused() is picker.buttons[3]
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert picker.value() == 4 and focused() is picker.buttons[4]
    qtbot.keyClick(focused(), Qt.Key.Key_Left)
    qtbot.keyClick(focused(), Qt.Key.Key_Left)
    assert picker.value() == 2
    qtbot.keyClick(focused(), Qt.Key.Key_5)
    assert picker.value() == 5 and focused() is picker.buttons[5]
    qtbot.keyClick(focused(), Qt.Key.Key_Right)  # already the last: stays
    assert picker.value() == 5
    qtbot.keyClick(focused(), Qt.Key.Key_0)
    assert picker.value() is None and focused() is picker.buttons[None]
    assert seen == [3, 4, 3, 2, 5, None]
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is before  # one Tab leaves the picker: the only other stop here


def test_the_filter_offers_any_mood(qtbot: QtBot) -> None:
    form = make_picker(qtbot, blank="Any mood")
    picker, _before, seen = form.picker, form.before, form.seen
    assert picker.buttons[None].text() == "Any mood"
    picker.set_value(5)
    qtbot.mouseClick(picker.buttons[None], Qt.MouseButton.LeftButton)
    assert picker.value() is None and seen == [5, None]
