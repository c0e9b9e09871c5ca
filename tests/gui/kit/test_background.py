"""Long work runs on its own thread; everything it says arrives on the window's thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from regroup.core.errors import RegroupError
from regroup.gui.kit.background import Background, Report


def on_window_thread() -> bool:
    app = QApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def test_progress_and_the_result_arrive_on_the_windows_thread(qtbot: QtBot) -> None:
    release = threading.Event()
    worked_on: list[str] = []

    def job(report: Report) -> str:
        worked_on.append(threading.current_thread().name)
        report("Reading", 1, 2)
        release.wait(5)
        report("Reading", 2, 2)
        return "done"

    heard: list[tuple[str, object, bool]] = []
    work = Background(job, name="test-work")
    work.progress.connect(lambda step: heard.append(("progress", step, on_window_thread())))
    work.succeeded.connect(lambda value: heard.append(("succeeded", value, on_window_thread())))
    work.finished.connect(lambda: heard.append(("finished", None, on_window_thread())))
    work.start()
    qtbot.waitUntil(lambda: any(kind == "progress" for kind, _v, _t in heard), timeout=5000)
    assert work.running() and worked_on == ["test-work"]
    release.set()
    qtbot.waitUntil(lambda: not work.running(), timeout=5000)
    assert heard[0] == ("progress", ("Reading", 1, 2), True)
    assert heard[-2:] == [("succeeded", "done", True), ("finished", None, True)]
    assert all(on_thread for _kind, _value, on_thread in heard)


def test_an_error_is_told_in_its_own_words_and_a_bug_in_the_given_ones(qtbot: QtBot) -> None:
    def refused(_report: Report) -> None:
        raise RegroupError("The file is not a journal.")

    def buggy(_report: Report) -> None:
        raise KeyError("body")

    said: list[str] = []
    for job in (refused, buggy):
        work = Background(job, "The import stopped unexpectedly ({error}).")
        work.failed.connect(said.append)
        with qtbot.waitSignal(work.finished, timeout=5000):
            work.start()
    assert said == ["The file is not a journal.", "The import stopped unexpectedly ('body')."]


def test_waiting_lets_the_work_end_and_deliver_says_how_it_went_at_once(qtbot: QtBot) -> None:
    work = Background(lambda _report: 42)
    got: list[object] = []
    work.succeeded.connect(got.append)
    work.start()
    assert work.wait(5)
    work.deliver()
    assert got == [42] and not work.running()
    qtbot.wait(60)
    assert got == [42]  # said once, not again at the next look
