"""Start Regroup the way a user does and save a picture of each page (run by take.py).

``window_shots.py PROFILE OUT SCHEME pages|welcome``: with ``pages``, every page of the
open profile is shown in turn and saved as ``OUT/<page>-<SCHEME>.png``; with
``welcome``, PROFILE is a new folder and the welcome's first steps are saved as
``OUT/welcome*-<SCHEME>.png``. The app starts through its own command line, so the
theme, the unlock and the first run are the real ones.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from regroup.cli import main as regroup_main
from regroup.gui.app import create_application
from regroup.gui.main_window import MainWindow
from regroup.gui.welcome.page import WelcomePage

SIZE = (1366, 850)
SETTLE_MS = 900
GIVE_UP_S = 60.0
PAGES: tuple[tuple[str, int | None], ...] = (
    ("diary", None),
    ("debriefs", 1),
    ("goals", None),
    ("checkins", None),
    ("insights", None),
    ("settings", None),
)
WELCOME = ("welcome", "welcome-folder", "welcome-key")
"""The welcome's first three steps: what Regroup is for, where the data lives, the key."""


class Walker:
    """Waits for the window, then shows and saves one page after another."""

    def __init__(self, app: QApplication, out: Path, scheme: str, what: str) -> None:
        self.app = app
        self.out = out
        self.scheme = scheme
        self.what = what
        self.started = time.monotonic()
        self.steps: list[Callable[[], None]] = []
        self.window: MainWindow | None = None
        self.finished = False

    def start(self) -> None:
        QTimer.singleShot(300, self._wait_for_window)

    def _wait_for_window(self) -> None:
        if time.monotonic() - self.started > GIVE_UP_S:
            print("The window did not appear.", file=sys.stderr)
            self.app.exit(2)
            return
        window = next((w for w in self.app.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if window is None or not window.isVisible():
            QTimer.singleShot(200, self._wait_for_window)
            return
        self.window = window
        window.resize(*SIZE)
        window.move(0, 0)
        if self.what == "welcome":
            welcome = window.findChild(WelcomePage)
            if welcome is None:
                print("A new profile showed no welcome.", file=sys.stderr)
                self.app.exit(2)
                return
            self.steps = [self._welcome_step(welcome, name) for name in WELCOME]
        else:
            self.steps = [self._page_step(key, target) for key, target in PAGES]
        QTimer.singleShot(SETTLE_MS, self._next)

    def _page_step(self, key: str, target: int | None) -> Callable[[], None]:
        def step() -> None:
            assert self.window is not None
            if self.window.open(key, target):
                QTimer.singleShot(SETTLE_MS, lambda: self._save_when_drawn(key))
            else:
                QTimer.singleShot(0, self._next)

        return step

    def _welcome_step(self, welcome: WelcomePage, name: str) -> Callable[[], None]:
        def step() -> None:
            if name != WELCOME[0]:
                welcome.next()
            QTimer.singleShot(SETTLE_MS, lambda: self._save(self.window, name))

        return step

    def _save_when_drawn(self, key: str) -> None:
        """Save the page once it has drawn everything (Insights reads, then draws)."""
        assert self.window is not None
        page = self.window.page(key)
        if getattr(page, "is_loading", False) and time.monotonic() - self.started < GIVE_UP_S:
            QTimer.singleShot(200, lambda: self._save_when_drawn(key))
            return
        QTimer.singleShot(200, lambda: self._save(self.window, key))

    def _save(self, widget: QWidget | None, name: str) -> None:
        assert widget is not None
        path = self.out / f"{name}-{self.scheme}.png"
        if not widget.grab().save(str(path)):
            print(f"Could not save {path}", file=sys.stderr)
            self.app.exit(2)
            return
        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        if not self.steps:
            self.finished = True
            self.app.exit(0)
            return
        self.steps.pop(0)()


def main(argv: list[str]) -> int:
    profile, out, scheme, what = argv
    app = create_application(["regroup"])
    walker = Walker(app, Path(out), scheme, what)
    walker.start()
    status = regroup_main(["--data-dir", profile])
    return 0 if walker.finished and status == 0 else status or 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
