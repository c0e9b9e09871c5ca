"""The window's reminders in a process of its own: a check-in comes due, then a click opens it.

Started by tests/gui/test_notifications.py with a real notification daemon on the
test bus. It saves a debrief in a new profile at ``argv[1]`` whose check-in came due
this morning, opens the main window with the app's own reminder parts (the default
desktop notifier: straight to the bus on Linux, then plyer) and starts reminders. It
prints ``sent:<channel>`` once the notice went out, then waits for the test to click
the notification and prints what the window did:
``clicked:<target>:<item id>``, ``page:<page>`` and ``form:<check-in id>``.
Run apart from pytest because each process keeps the first session bus it meets.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from regroup.core.checkins.notices import Notice
from regroup.core.debriefs.types import DebriefContent
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import open_profile
from regroup.gui.checkins.page import CheckinsPage
from regroup.gui.main_window import MainWindow
from regroup.gui.reminders.notifier import Channel
from regroup.gui.reminders.reminder_ui import install_reminder_ui
from tests.support.clock import ManualClock
from tests.support.prompter import ScriptedPrompter
from tests.support.tray_probe import MemoryFlags

WAIT_SECONDS = 20.0


def wait_for(app: QApplication, condition: object) -> bool:
    """Run the event loop until ``condition()`` holds or the wait is over."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        app.processEvents()
        if callable(condition) and condition():
            return True
        time.sleep(0.02)
    return False


def main() -> int:
    app = QApplication([sys.argv[0], "-platform", "offscreen"])
    clock = ManualClock(datetime(2026, 5, 7, 10, 0, tzinfo=UTC))
    profile = open_profile(
        ProfilePaths(Path(sys.argv[1])),
        SystemKeyStore(),
        ScriptedPrompter(),
        clock,
        kdf_seconds=0.01,
    )
    try:
        content = DebriefContent(
            company="Acme", role="Analyst", news_on=date(2026, 5, 4), mourning_days=3
        )
        profile.debriefs.create(content, draft=False)
        window = MainWindow(profile)
        window.show()
        window.show_page("settings")
        ui = install_reminder_ui(
            app, window, profile.paths.root, MemoryFlags(), start_delay_ms=None
        )
        ui.tray.hide()
        sent: list[Channel] = []
        clicked: list[Notice] = []
        deliver = ui.notifier.deliver

        def deliver_and_say(notice: Notice) -> Channel:
            channel = deliver(notice)
            sent.append(channel)
            print(f"sent:{channel.value}", flush=True)
            return channel

        ui.notifier.deliver = deliver_and_say  # type: ignore[method-assign]
        ui.notifier.clicked.connect(clicked.append)
        ui.start_reminders()
        if not wait_for(app, lambda: bool(sent)):
            print("nothing-sent", flush=True)
            return 1
        if not wait_for(app, lambda: bool(clicked)):
            print("no-click", flush=True)
            return 1
        app.processEvents()
        notice = clicked[0]
        print(f"clicked:{notice.target.value}:{notice.item_id}", flush=True)
        print(f"page:{window.current_page_key()}", flush=True)
        page = window.built("checkins")
        assert isinstance(page, CheckinsPage)
        print(f"form:{page.form.checkin_id}", flush=True)
    finally:
        profile.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
