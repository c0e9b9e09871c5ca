"""Runs the tray on a real X display and prints, as JSON, what a person would see.

Started by tests/gui/test_tray.py under Xvfb with trayer as the tray host. Qt's
platform is chosen once per process, which is why this is not an in-process test.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSystemTrayIcon

from regroup.core.checkins.notices import CHECKIN_READY, Notice, Target
from regroup.gui.reminders.notifier import Notifier
from regroup.gui.reminders.tray import Pause, Tray

WAIT_SECONDS = 10.0


class MemoryFlags:
    def __init__(self) -> None:
        self.said: list[str] = []

    def was_said(self, key: str) -> bool:
        return key in self.said

    def mark_said(self, key: str) -> None:
        self.said.append(key)


class Failing:
    def notify(self, notice: Notice) -> None:
        raise RuntimeError("no desktop notifications here")


def wait_for(app: QApplication, condition: object) -> bool:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        app.processEvents()
        if callable(condition) and condition():
            return True
        time.sleep(0.02)
    return False


def main() -> int:
    app = QApplication(sys.argv)
    report: dict[str, object] = {"platform": app.platformName()}
    report["available"] = wait_for(app, QSystemTrayIcon.isSystemTrayAvailable)
    window = QMainWindow()
    window.setCentralWidget(QLabel("pages"))
    flags = MemoryFlags()
    tray = Tray(window, flags, due_count=lambda: 3)
    pauses: list[str] = []
    tray.pause_requested.connect(lambda pause: pauses.append(Pause(pause).value))
    tray.quit_requested.connect(app.quit)
    tray.show()
    report["icon_visible"] = tray.icon.isVisible()
    wait_for(app, lambda: not tray.icon.geometry().isEmpty())
    geometry = tray.icon.geometry()
    report["icon_size"] = [geometry.width(), geometry.height()]
    tray.menu.aboutToShow.emit()
    report["menu"] = [
        action.text()
        for action in tray.menu.actions()
        if not action.isSeparator() and action.isVisible()
    ]
    steps: list[str] = []

    def run_steps() -> None:
        tray.open_action.trigger()
        wait_for(app, window.isVisible)
        steps.append(f"open:{window.isVisible()}")
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
        wait_for(app, window.isHidden)
        steps.append(f"left-click:{window.isVisible()}")
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
        wait_for(app, window.isVisible)
        steps.append(f"left-click:{window.isVisible()}")
        window.close()
        wait_for(app, window.isHidden)
        running = not app.quitOnLastWindowClosed()
        steps.append(f"closed, keeps running: {running}, said {len(flags.said)} time(s)")
        tray.pause_hour_action.trigger()
        tray.pause_tomorrow_action.trigger()
        notifier = Notifier(Failing(), tray=lambda: tray.icon)
        steps.append(f"notice:{notifier.deliver(Notice(CHECKIN_READY, Target.CHECKINS))}")
        tray.quit_action.trigger()

    QTimer.singleShot(0, run_steps)
    code = app.exec()
    report["steps"] = steps
    report["pauses"] = pauses
    report["quit_with"] = code
    print(json.dumps(report), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
