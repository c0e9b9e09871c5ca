"""A page that waits in the stack until it is first shown, then is made in its place."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from regroup.gui.kit.lazy_page import LazyPage


def test_the_page_is_made_inside_its_holder_and_fills_it_at_once(qtbot: QtBot) -> None:
    parents: list[QWidget | None] = []

    def build(place: QWidget) -> QWidget:
        page = QWidget(place)
        parents.append(page.parentWidget())  # born in place: never moved, never restyled twice
        QVBoxLayout(page).addWidget(QLabel("A page"))
        return page

    stack = QStackedWidget()
    qtbot.addWidget(stack)
    stack.addWidget(QLabel("First"))
    holder = LazyPage(build)
    stack.addWidget(holder)
    stack.resize(400, 300)
    stack.show()
    assert not holder.is_built
    stack.setCurrentWidget(holder)  # built in the holder's showEvent
    assert holder.is_built and parents == [holder]
    page = holder.page()
    assert page.isVisible() and page.size() == holder.size()  # its place before any event


def test_a_page_built_after_the_first_paint_waits_for_it(qtbot: QtBot) -> None:
    holder = LazyPage(lambda place: QLabel("Diary", place), after_first_show=True)
    qtbot.addWidget(holder)
    holder.resize(200, 100)
    holder.show()
    assert not holder.is_built
    qtbot.waitUntil(lambda: holder.is_built)
    assert holder.page().size() == holder.size()
