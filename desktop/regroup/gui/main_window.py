"""The main window: a sidebar of pages, the page itself, and a status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
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
from regroup.core.profile import Profile
from regroup.gui.exchange.menu import export_action, import_action
from regroup.gui.exchange.report_menu import report_action
from regroup.gui.kit import icons
from regroup.gui.kit.data_events import DataEvents, OutsideChanges
from regroup.gui.kit.lazy_page import LazyPage
from regroup.gui.kit.page import NEW, Page, PageContext, PageEntry, Target
from regroup.gui.kit.resources import app_icon
from regroup.gui.kit.settings_sections import SettingsSections
from regroup.gui.kit.toasts import ToastHost

if TYPE_CHECKING:
    from regroup.gui.reminders.reminder_ui import ReminderUi

PAGES = (
    PageEntry(
        "diary",
        "Diary",
        "notebook",
        "Ctrl+1",
        "regroup.gui.diary.page:DiaryPage",
        after_first_paint=True,
    ),
    PageEntry(
        "debriefs",
        "Debriefs",
        "clipboard-text",
        "Ctrl+2",
        "regroup.gui.debriefs.page:DebriefPage",
    ),
    PageEntry("goals", "Goals", "target", "Ctrl+3", "regroup.gui.goals.page:GoalsPage"),
    PageEntry(
        "checkins",
        "Check-ins",
        "calendar-check",
        "Ctrl+4",
        "regroup.gui.checkins.page:CheckinsPage",
    ),
    PageEntry(
        "insights",
        "Insights",
        "chart-bar",
        "Ctrl+5",
        "regroup.gui.insights.page:InsightsPage",
        "regroup.gui.insights.settings_section:insights_sections",
    ),
    PageEntry(
        "settings",
        "Settings",
        "settings",
        "Ctrl+6",
        "regroup.gui.settings.page:SettingsPage",
        "regroup.gui.settings.page:profile_sections",
    ),
)
"""The sidebar, top to bottom; a page's module is imported when the page is first built."""
NOT_YET = "Not in this version of Regroup yet."
SIDEBAR_ROW = 40
"""A sidebar row's height: room to aim at, whatever the style's own padding."""
FILE_NEW = 10
FILE_EXCHANGE = 20
FILE_BACKUP = 30
FILE_QUIT = 100
"""The File menu's groups, top to bottom: new things, Export…/Import…, Back up/Restore, Quit."""
IDLE_CHECKPOINT_MS = 30_000
"""How often the window looks for a pause in writing to checkpoint the WAL."""
DIARY_WAIT_MS = 3_000
"""Work waiting for the Diary's first paint runs after this long at the latest (a window
minimised as it opened paints nothing)."""


class MainWindow(QMainWindow):
    """Hosts the pages; it owns no data and asks the profile's services for everything.

    The window appears first; the Diary page is built right after its first paint,
    every other page the first time it is shown or opened.
    """

    diary_shown = Signal()
    """The Diary page (its list and calendar) reached the screen."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.events = DataEvents(self)
        self.settings_sections = SettingsSections(self)
        self.context = PageContext(profile, self.events, self.open, self.settings_sections)
        self.reminder_ui: ReminderUi | None = None  # added by the app once the window is up
        self._holders: dict[str, LazyPage] = {}
        self._built: dict[str, Page] = {}
        self._diary_painted = False
        self._after_diary: list[Callable[[], object]] = []
        self.diary_shown.connect(self._run_after_diary)
        self.setWindowTitle("Regroup")
        self.setWindowIcon(app_icon())
        self.resize(QSize(1000, 680))
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")  # the theme's style sheet dresses it
        self.sidebar.setAccessibleName("Pages")
        self.sidebar.setFixedWidth(180)
        self.sidebar.setUniformItemSizes(True)
        self.sidebar.setIconSize(QSize(20, 20))
        self.pages = QStackedWidget()
        for entry in PAGES:
            self._add_page(entry)
        self.sidebar.currentItemChanged.connect(self._on_sidebar)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(12)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.status_label = QLabel(self._status_text(profile.unlocked_with.value, profile.notice))
        self.statusBar().addWidget(self.status_label, 1)
        self.show_page(PAGES[0].key)
        self.checkpoint_timer = QTimer(self)
        self.checkpoint_timer.setInterval(IDLE_CHECKPOINT_MS)
        self.checkpoint_timer.timeout.connect(profile.checkpoint_when_idle)
        self.checkpoint_timer.start()
        self.toasts = ToastHost(self, self.events)
        self.outside_changes = OutsideChanges(self, profile.changed_elsewhere, self.events)
        from regroup.gui.lock.controller import AppLock

        self.app_lock = AppLock(self)

    def _add_page(self, entry: PageEntry) -> None:
        """List the page in the sidebar and hold its place; nothing of it is imported."""
        item = QListWidgetItem(icons.icon(entry.icon, "text_muted", "accent"), entry.title)
        item.setSizeHint(QSize(0, SIDEBAR_ROW))
        item.setData(Qt.ItemDataRole.UserRole, entry.key)
        action = QAction(entry.title, self)
        action.setShortcut(QKeySequence(entry.shortcut))
        action.setEnabled(entry.available)
        action.triggered.connect(lambda: self.show_page(entry.key))
        if entry.available:
            item.setToolTip(f"{entry.title} ({entry.shortcut})")
            holder = LazyPage(
                lambda place: self._build(entry, place), after_first_show=entry.after_first_paint
            )
            self._holders[entry.key] = holder
            self.pages.addWidget(holder)
            if entry.sections:
                self.settings_sections.declare(lambda: entry.settings_sections(self.context))
        else:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setToolTip(NOT_YET)
        self.sidebar.addItem(item)
        self.addAction(action)

    def _build(self, entry: PageEntry, place: QWidget) -> Page:
        page = entry.load()(self.context, place)
        self._built[entry.key] = page
        if entry.after_first_paint:
            page.first_painted.connect(self.diary_shown)
        return page

    def when_started(self, action: Callable[[], object]) -> None:
        """Run ``action`` now, or just after the Diary first paints if it is on its way.

        Start-up work the first look does not need (the tray, backups) would otherwise
        land between the window's first paint and the Diary's, and hold the list back.
        """
        holder = self._holders.get(PAGES[0].key)
        if holder is not None and holder.isVisible() and not self._diary_painted:
            self._after_diary.append(action)
            QTimer.singleShot(DIARY_WAIT_MS, self, self._run_waiting)  # minimised at once?
        else:
            action()

    def _run_after_diary(self) -> None:
        self._diary_painted = True
        self._run_waiting()

    def _run_waiting(self) -> None:
        waiting, self._after_diary = self._after_diary, []
        for action in waiting:  # queued: whatever follows the paint runs first
            QTimer.singleShot(0, self, action)

    def page(self, key: str) -> Page | None:
        """Return the page ``key``, building it now if needed (without showing it)."""
        holder = self._holders.get(key)
        if holder is None:
            return None
        holder.page()
        return self._built[key]

    def built(self, key: str) -> Page | None:
        """Return the page ``key`` if it was built already (never builds it)."""
        return self._built.get(key)

    def built_pages(self) -> list[Page]:
        """Return the pages built so far, in sidebar order."""
        return [self._built[entry.key] for entry in PAGES if entry.key in self._built]

    def open(self, key: str, target: Target = None) -> bool:
        """Show ``target`` on the page ``key`` (built if needed), then show that page.

        False when the page could not show it; the page on show then stays. While
        the window is locked it is shown right after the unlock.
        """
        if self.app_lock.defer(lambda: self.open(key, target)):
            return False
        page = self.page(key)
        if page is None or not page.open(target):
            return False
        self.show_page(key)
        return True

    def unbuild_pages(self) -> None:
        """Take every built page down (the lock); each is built again when next needed."""
        for key in list(self._built):
            del self._built[key]
            self._holders[key].unbuild()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Qt: save what is being written before the window (and the profile) goes."""
        for page in self.built_pages():
            if not page.save_before_close():
                event.ignore()
                return
        super().closeEvent(event)

    def save_before_quit(self) -> None:
        """Connected to ``aboutToQuit`` ahead of closing the profile: a last save."""
        for page in self.built_pages():
            page.save_before_quit()

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("&File")
        self._file_actions: list[tuple[int, QAction]] = []
        self.add_file_action(FILE_NEW, self._action("New &entry", lambda: self.open("diary", NEW)))
        self.add_file_action(
            FILE_NEW, self._action("New &debrief", lambda: self.open("debriefs", NEW))
        )
        self.quit_action = self._action("&Quit", QApplication.quit)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.add_file_action(FILE_QUIT, self.quit_action)
        self.add_file_action(FILE_EXCHANGE, import_action(self, self.context))
        self.add_file_action(FILE_EXCHANGE, export_action(self, self.profile))
        self.add_file_action(FILE_EXCHANGE, report_action(self, self.profile))
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&About Regroup", self.show_about))
        help_menu.addAction(self._action("About &Qt", QApplication.aboutQt))

    def _action(self, title: str, slot: Callable[[], object]) -> QAction:
        action = QAction(title, self)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def add_file_action(self, group: int, action: QAction) -> None:
        """Put ``action`` in the File menu with its ``group`` (FILE_*), after the group's others.

        Groups stand in their order, a separator between two; Quit's is always last.
        """
        self._file_actions.append((group, action))
        self._file_actions.sort(key=lambda placed: placed[0])  # stable: keeps the order given
        self.file_menu.clear()
        previous = None
        for placed_group, placed in self._file_actions:
            if previous is not None and placed_group != previous:
                self.file_menu.addSeparator()
            self.file_menu.addAction(placed)
            previous = placed_group

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
        """Show the page named ``key`` if this version has it."""
        holder = self._holders.get(key)
        if holder is None:
            return
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.sidebar.setCurrentRow(row)
        self.pages.setCurrentWidget(holder)

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
