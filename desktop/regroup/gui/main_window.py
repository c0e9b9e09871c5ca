"""The main window: a sidebar of pages, the page itself, and a status bar."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from regroup import __version__
from regroup.core.profile import Profile, ProfileInfo
from regroup.gui.kit.data_events import DataEvents
from regroup.gui.kit.lazy_page import LazyPage
from regroup.gui.kit.resources import app_icon
from regroup.gui.settings.page import SettingsPage

if TYPE_CHECKING:
    from regroup.gui.checkins.page import CheckinsPage
    from regroup.gui.debriefs.page import DebriefPage
    from regroup.gui.diary.page import DiaryPage
    from regroup.gui.goals.page import GoalsPage
    from regroup.gui.reminders.reminder_ui import ReminderUi


@dataclass(frozen=True)
class PageSpec:
    """One entry of the sidebar; ``built`` is False for pages not in this version yet."""

    key: str
    title: str
    built: bool


PAGES = (
    PageSpec("diary", "Diary", True),
    PageSpec("debriefs", "Debriefs", True),
    PageSpec("goals", "Goals", True),
    PageSpec("checkins", "Check-ins", True),
    PageSpec("insights", "Insights", False),
    PageSpec("settings", "Settings", True),
)
NOT_YET = "Not in this version of Regroup yet."


class MainWindow(QMainWindow):
    """Hosts the pages; it owns no data and asks the profile's services for everything.

    The window appears first; the Diary page is built right after its first paint.
    """

    diary_shown = Signal()
    """The Diary page (its list and calendar) reached the screen."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.events = DataEvents(self)
        self.diary_page: DiaryPage | None = None
        self.debrief_page: DebriefPage | None = None
        self.goals_page: GoalsPage | None = None
        self.checkins_page: CheckinsPage | None = None
        self.reminder_ui: ReminderUi | None = None  # added by the app once the window is up
        self._lazy: dict[str, LazyPage] = {}
        self.setWindowTitle("Regroup")
        self.setWindowIcon(app_icon())
        self.resize(QSize(1000, 680))
        info = profile.info()
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Pages")
        self.sidebar.setFixedWidth(180)
        self.sidebar.setUniformItemSizes(True)
        self.sidebar.setStyleSheet("QListWidget::item { padding: 7px 10px; }")
        self.pages = QStackedWidget()
        self._page_index: dict[str, int] = {}
        for number, spec in enumerate(PAGES, start=1):
            item = QListWidgetItem(spec.title)
            if spec.built:
                item.setToolTip(f"{spec.title} (Ctrl+{number})")
                self._page_index[spec.key] = self.pages.addWidget(self._build_page(spec, info))
            else:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(NOT_YET)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.sidebar.addItem(item)
            self._add_page_shortcut(number, spec)
        self.sidebar.currentItemChanged.connect(self._on_sidebar)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.status_label = QLabel(self._status_text(info.unlocked_with.value, info.notice))
        self.statusBar().addWidget(self.status_label, 1)
        self.show_page("diary")

    def _build_page(self, spec: PageSpec, info: ProfileInfo) -> QWidget:
        if spec.key == "diary":
            self._lazy["diary"] = LazyPage(self._build_diary, after_first_show=True)
            return self._lazy["diary"]
        builders = {
            "debriefs": self._build_debriefs,
            "goals": self._build_goals,
            "checkins": self._build_checkins,
        }
        if spec.key in builders:
            self._lazy[spec.key] = LazyPage(builders[spec.key])
            return self._lazy[spec.key]
        if spec.key == "settings":
            return SettingsPage(info, self.events, self.profile.diary.count)
        raise ValueError(spec.key)

    def _build_diary(self) -> QWidget:
        from regroup.gui.diary.page import DiaryPage

        self.diary_page = DiaryPage(self.profile, self.events)
        self.diary_page.first_painted.connect(self.diary_shown)
        return self.diary_page

    def _build_debriefs(self) -> QWidget:
        from regroup.gui.debriefs.page import DebriefPage

        self.debrief_page = DebriefPage(self.profile, self.events, self.open_entry)
        return self.debrief_page

    def _build_goals(self) -> QWidget:
        from regroup.gui.goals.page import GoalsPage

        self.goals_page = GoalsPage(self.profile, self.events, self.open_debrief)
        return self.goals_page

    def _build_checkins(self) -> QWidget:
        from regroup.gui.checkins.page import CheckinsPage

        self.checkins_page = CheckinsPage(self.profile, self.events)
        return self.checkins_page

    def ensure_page(self, key: str) -> QWidget | None:
        """Build a page that waits for its first showing now (without showing it)."""
        lazy = self._lazy.get(key)
        return lazy.page() if lazy is not None else None

    def closeEvent(self, event: QCloseEvent) -> None:
        """Qt: save what is being written before the window (and the profile) goes."""
        for page in (self.diary_page, self.debrief_page):
            if page is not None and not page.save_before_close():
                event.ignore()
                return
        super().closeEvent(event)

    def save_before_quit(self) -> None:
        """Connected to ``aboutToQuit`` ahead of closing the profile: a last save."""
        for page in (self.diary_page, self.debrief_page):
            if page is not None:
                page.save_before_quit()

    def open_entry(self, entry_id: int) -> None:
        """Show a diary entry on the Diary page (from a debrief's linked entries)."""
        self.ensure_page("diary")
        if self.diary_page is not None and self.diary_page.open_entry(entry_id):
            self.show_page("diary")

    def open_debrief(self, debrief_id: int) -> None:
        """Show a debrief on the Debriefs page (from a goal card)."""
        self.ensure_page("debriefs")
        if self.debrief_page is not None and self.debrief_page.open_debrief(debrief_id):
            self.show_page("debriefs")

    def _add_page_shortcut(self, number: int, spec: PageSpec) -> None:
        action = QAction(spec.title, self)
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.setEnabled(spec.built)
        action.triggered.connect(lambda: self.show_page(spec.key))
        self.addAction(action)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(QApplication.quit)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Regroup", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        about_qt = QAction("About &Qt", self)
        about_qt.triggered.connect(QApplication.aboutQt)
        help_menu.addAction(about_qt)

    @staticmethod
    def _status_text(unlocked_with: str, notice: str) -> str:
        text = (
            f"Unlocked with the {unlocked_with}"
            if unlocked_with != "new profile"
            else ("Your new encrypted diary is ready")
        )
        return f"{text}. {notice}".strip()

    def current_page_key(self) -> str:
        """Return the key of the page on show."""
        item = self.sidebar.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def show_page(self, key: str) -> None:
        """Show the page named ``key`` if it is built."""
        if key not in self._page_index:
            return
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.sidebar.setCurrentRow(row)
        self.pages.setCurrentIndex(self._page_index[key])

    def _on_sidebar(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.show_page(str(current.data(Qt.ItemDataRole.UserRole)))

    def about_text(self) -> str:
        """Return the About box's text."""
        return (
            f"<h3>Regroup {__version__}</h3>"
            "<p>A private place to reflect after a job rejection, learn from it "
            "and move on.</p><p>Your diary stays on this computer, encrypted. Regroup "
            "never connects to the network.</p>"
            "<p>Licensed under the GNU GPL, version 3 or later.</p>"
        )

    def show_about(self) -> None:
        """Show the About box."""
        QMessageBox.about(self, "About Regroup", self.about_text())
