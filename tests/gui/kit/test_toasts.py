"""Notices float over the page: nothing moves under the cursor, and they go by themselves."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QCursor, QEnterEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from regroup.core.diary.types import EntryContent
from regroup.core.profile import Profile
from regroup.gui.debriefs.page import DebriefPage
from regroup.gui.diary.page import DiaryPage
from regroup.gui.diary.trash_dialog import TrashDialog
from regroup.gui.kit.toasts import Toast, Tone, toasts_for
from regroup.gui.main_window import MainWindow
from tests.gui.conftest import diary, page_of, show_window, toast_button, toast_on


def geometries(window: MainWindow) -> dict[QWidget, tuple[int, int, int, int]]:
    """Where every visible widget of the window is, in window coordinates (toasts aside)."""
    places = {}
    for widget in window.findChildren(QWidget):
        in_toast = isinstance(widget, Toast) or isinstance(widget.parent(), Toast)
        if in_toast or not widget.isVisible():
            continue
        corner = widget.mapTo(window, QPoint(0, 0))
        places[widget] = (corner.x(), corner.y(), widget.width(), widget.height())
    return places


def deleted_entry_page(qtbot: QtBot, profile: Profile) -> tuple[MainWindow, DiaryPage, int]:
    entry = profile.diary.add(EntryContent("Regret writing this", title="Rant"))
    profile.diary.add(EntryContent("Another day", entry_date=dt.date(2026, 3, 1)))
    window = show_window(qtbot, profile)
    page = diary(window)
    assert page.open_entry(entry.id)
    page.delete_button.click()
    return window, page, entry.id


def test_a_toast_floats_over_the_page_and_moves_no_widget(qtbot: QtBot, profile: Profile) -> None:
    profile.diary.add(EntryContent("A first entry"))
    window = show_window(qtbot, profile)
    window.resize(1366, 850)
    QApplication.processEvents()
    before = geometries(window)
    toast = toasts_for(window).show(
        "The entry is in the trash.", actions=[("Undo", lambda: None)], owner=diary(window)
    )
    QApplication.processEvents()
    assert toast.isVisible()
    assert geometries(window) == before
    content = window.centralWidget().geometry()
    assert content.contains(toast.geometry())
    assert abs(toast.geometry().center().x() - content.center().x()) <= 1
    assert content.bottom() - toast.geometry().bottom() == 16  # bottom-centre, clear of the edge
    window.resize(900, 700)
    QApplication.processEvents()
    assert window.centralWidget().geometry().contains(toast.geometry())
    toast.dismiss()
    QApplication.processEvents()
    assert geometries(window) == geometries(window)  # and going away moves nothing either


def test_undo_on_the_toast_brings_the_deleted_entry_back(qtbot: QtBot, profile: Profile) -> None:
    _window, page, entry_id = deleted_entry_page(qtbot, profile)
    toast = toast_on(page)
    assert toast.text() == "The entry is in the trash."
    assert toast.accessibleName() == "Notice" and toast.accessibleDescription() == toast.text()
    undo = toast_button(toast, "Undo")
    assert undo.focusPolicy() & Qt.FocusPolicy.TabFocus  # reachable by keyboard
    undo.setFocus()
    qtbot.keyClick(undo, Qt.Key.Key_Space)
    assert profile.diary.get(entry_id).deleted_at is None
    assert page.saver.entry_id == entry_id and toast.is_gone


def test_the_undo_toast_goes_once_the_entry_comes_back_from_the_trash(
    qtbot: QtBot, profile: Profile
) -> None:
    window, page, entry_id = deleted_entry_page(qtbot, profile)
    toast = toast_on(page)
    dialog = TrashDialog(profile.diary, window.events, page)
    dialog.item_list.item(0).setSelected(True)
    dialog.restore_button.click()
    assert profile.diary.get(entry_id).deleted_at is None
    assert toast.is_gone and not toast.isVisible()


def test_the_undo_toast_for_a_debrief_goes_once_it_is_restored_elsewhere(
    qtbot: QtBot, profile: Profile
) -> None:
    from regroup.core.debriefs.types import DebriefContent, GoalsOnDelete

    record = profile.debriefs.create(DebriefContent(company="Acme"), draft=False).record
    window = show_window(qtbot, profile)
    window.open("debriefs", record.id)
    page = page_of(window, "debriefs", DebriefPage)
    profile.debriefs.trash(record.id, goals=GoalsOnDelete.KEEP)
    toasts_for(page).offer_undo(
        "The debrief is in the trash.", lambda: None, lambda: page._is_back(record.id), page
    )
    toast = toast_on(page)
    window.events.goals_changed.emit()  # a change elsewhere that did not restore it
    assert not toast.is_gone
    profile.debriefs.restore(record.id)
    window.events.debriefs_changed.emit()
    assert toast.is_gone


def test_a_toast_goes_by_itself_but_waits_while_the_pointer_is_on_it(
    qtbot: QtBot, profile: Profile
) -> None:
    window = show_window(qtbot, profile)
    QCursor.setPos(window.mapToGlobal(QPoint(2, 2)))  # the pointer away from the toasts
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    host = toasts_for(window)
    quick = host.show("Saved.", duration_ms=150)
    qtbot.waitUntil(lambda: quick.is_gone, timeout=2000)
    held = host.show("Read me slowly.", duration_ms=150)
    QCursor.setPos(held.mapToGlobal(held.rect().center()))
    inside = QPointF(held.rect().center())
    QApplication.sendEvent(held, QEnterEvent(inside, inside, inside))
    qtbot.wait(400)
    assert not held.is_gone and held.isVisible()
    QCursor.setPos(window.mapToGlobal(QPoint(2, 2)))
    QApplication.sendEvent(held, QEvent(QEvent.Type.Leave))
    qtbot.waitUntil(lambda: held.is_gone, timeout=2000)


def test_esc_or_the_close_button_closes_a_toast_and_an_offer_without_close_stays(
    qtbot: QtBot, profile: Profile
) -> None:
    window = show_window(qtbot, profile)
    host = toasts_for(window)
    first = host.show("One.", actions=[("Undo", lambda: None)])
    undo = toast_button(first, "Undo")
    undo.setFocus()
    qtbot.keyClick(undo, Qt.Key.Key_Escape)
    assert first.is_gone
    second = host.show("Two.", Tone.ERROR)
    assert second.accessibleName() == "Problem"
    second.close_button.click()
    assert second.is_gone
    offer = host.show("Restore?", actions=[("Restore", lambda: None)], sticky=True, closable=False)
    assert offer.close_button.isHidden()
    offer.setFocus()
    qtbot.keyClick(offer, Qt.Key.Key_Escape)
    assert not offer.is_gone


def test_a_page_s_toast_shows_only_on_its_page_and_old_ones_give_way(
    qtbot: QtBot, profile: Profile
) -> None:
    window, page, _entry_id = deleted_entry_page(qtbot, profile)
    toast = toast_on(page)
    window.show_page("goals")
    QApplication.processEvents()
    assert not toast.isVisible() and not toast.is_gone
    window.show_page("diary")
    QApplication.processEvents()
    assert toast.isVisible()
    host = toasts_for(window)
    offer = host.show("Restore the unsaved text?", sticky=True, closable=False)
    for number in range(4):
        host.show(f"Notice {number}")
    assert toast.is_gone and not offer.is_gone
    assert [t.text() for t in host.toasts] == [offer.text(), "Notice 2", "Notice 3"]
    tops = [t.geometry().top() for t in host.toasts]
    assert tops == sorted(tops)  # stacked upwards, the newest at the bottom
