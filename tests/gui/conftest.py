"""Helpers for the GUI tests: a clock the test moves, windows, and dialogs that never block."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeVar

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from regroup.gui.diary.page import DiaryPage
from regroup.gui.kit.dates import use_locale
from regroup.gui.kit.toasts import Toast, toasts_for
from regroup.gui.main_window import MainWindow
from tests.conftest import TEST_KDF_SECONDS
from tests.support.clock import ManualClock
from tests.support.prompter import ScriptedPrompter

PageT = TypeVar("PageT")


@pytest.fixture(autouse=True, scope="session")
def british_english() -> Iterator[None]:
    """Dates are written in the person's locale: the tests read them in one known locale."""
    use_locale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    use_locale(QLocale.system())


@pytest.fixture
def clock() -> ManualClock:
    """Time that only moves when the test says so."""
    return ManualClock(dt.datetime(2026, 3, 18, 12, 0, tzinfo=dt.UTC))


@pytest.fixture
def clocked_profile(
    paths: ProfilePaths, keystore: SystemKeyStore, prompter: ScriptedPrompter, clock: ManualClock
) -> Iterator[Profile]:
    """A new profile whose services read ``clock``."""
    opened = open_profile(paths, keystore, prompter, clock=clock, kdf_seconds=TEST_KDF_SECONDS)
    yield opened
    opened.close()


def reopen(profile: Profile, keystore: SystemKeyStore) -> Profile:
    """Close ``profile`` and open it again from its files, as at the next start."""
    profile.close()
    return open_profile(
        profile.paths,
        keystore,
        ScriptedPrompter(),
        clock=profile.clock,
        kdf_seconds=TEST_KDF_SECONDS,
    )


def show_window(qtbot: QtBot, profile: Profile) -> MainWindow:
    """Open the main window on ``profile`` and wait until its entry list is complete."""
    window = MainWindow(profile)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: window.built("diary") is not None)  # built after the first paint
    page = diary(window)
    qtbot.waitUntil(lambda: page.panel.model.complete)
    QApplication.processEvents()  # the list lays out the rows it was given
    return window


def diary(window: MainWindow) -> DiaryPage:
    """Return the window's Diary page."""
    page = window.page("diary")
    assert isinstance(page, DiaryPage)
    return page


def page_of(window: MainWindow, key: str, kind: type[PageT]) -> PageT:
    """Return the window's page ``key`` (built now if it was not), as a ``kind``."""
    page = window.page(key)
    assert isinstance(page, kind)
    return page


def wait_saved(qtbot: QtBot, page: DiaryPage, timeout: int = 4000) -> None:
    """Wait for autosave to store what the editor holds."""
    qtbot.waitUntil(
        lambda: (
            page.saver.entry_id is not None and not page.saver.is_dirty() and not page.saver.pending
        ),
        timeout=timeout,
    )


@dataclass
class Dialogs:
    """Message boxes shown during a test, and the answer the next question gets."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes

    def titles(self) -> list[str]:
        return [title for _kind, title, _text in self.shown]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    """Replace QMessageBox's static dialogs so nothing waits for a click."""
    record = Dialogs()

    def recorder(kind: str):  # type: ignore[no-untyped-def]
        def show(_parent, title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
            record.shown.append((kind, title, text))
            return record.answer if kind == "question" else QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind))
    return record


def toast_on(widget: QWidget, key: str | None = None) -> Toast:
    """Return the newest toast on show over ``widget``'s window; fail when none shows."""
    shown = toasts_for(widget).latest(key)
    assert shown is not None and shown.isVisible(), "no notice is on show"
    return shown


def no_toast_on(widget: QWidget, key: str | None = None) -> bool:
    """Tell whether no toast (with ``key``) is on show over ``widget``'s window."""
    shown = toasts_for(widget).latest(key)
    return shown is None or not shown.isVisible()


def offer_on(page: QWidget) -> Toast | None:
    """Return the recovery-draft offer on show over ``page``, if one is."""
    offer = getattr(page, "draft_offer", None)
    toast = offer.toast if offer is not None else None
    return toast if toast is not None and toast.isVisible() else None


def toast_text(toast: Toast | None) -> str:
    """Return a toast's words (failing when there is no toast)."""
    assert toast is not None, "no notice is on show"
    return toast.text()


def toast_button(toast: Toast | None, title: str) -> QPushButton:
    """Return a toast's button called ``title`` (failing when there is none)."""
    assert toast is not None, "no notice is on show"
    button = toast.button(title)
    assert button is not None and button.isVisible(), f"no {title} button on {toast.text()!r}"
    return button
