"""The Insights page: what the person's own records say, figure by figure, in calm cards.

The page and pyqtgraph load the first time Insights is shown, never at start-up.
Every figure is computed by the one core service in a single call, on a thread of
its own: a large diary takes a moment to read, and the page keeps answering clicks
and scrolling meanwhile. SQLite connections stay on the thread that opened them:
peewee gives the reading thread its own connection, which ends with the thread.
A change of period, or of the records, reads again; an older reading is dropped.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from regroup.core.errors import RegroupError
from regroup.core.insights.types import Insights, Period, PeriodKind, StagesFigure, ThenAndNow
from regroup.gui.insights import figures
from regroup.gui.insights.card import FigureCard, text_label
from regroup.gui.insights.records import RecordOpener
from regroup.gui.insights.specs import CardSpec
from regroup.gui.insights.then_and_now import ThenAndNowCard
from regroup.gui.kit.page import Page, PageContext, Target

PERIODS = (
    ("Last 3 months", PeriodKind.LAST_3_MONTHS),
    ("Last 12 months", PeriodKind.LAST_12_MONTHS),
    ("All", PeriodKind.ALL),
)
FEW = 3
"""Below this many applications in the period, the page says what more will show."""
LOADING = "Reading your records…"
GROWING = (
    "Insights grow with your debriefs. After a few more, this page will show how far "
    "your applications got and whether you are getting further, how feedback and news "
    "came, your mood around the news, the time it took to feel ready to move on, the "
    "kinds of role that suit you, lessons that come back, goals done, and how "
    "preparation went with the outcome."
)
NOTHING_HERE = "Nothing was recorded in this period yet; “All” shows every debrief."
log = logging.getLogger(__name__)
NOT_READ = "The figures could not be read just now; they will be tried again when you come back."


class _Delivery(QObject):
    """Carries a reading from its thread to the GUI thread (a queued signal)."""

    arrived = Signal(int, object)


class InsightsPage(Page):
    """Eight figure cards and the look-back, following one period filter."""

    loaded = Signal()
    """Every figure of the current round is on the page."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.opener = RecordOpener(context, self)
        self.cards: dict[str, FigureCard] = {}
        self.period = Period.last_3_months(self.profile.insights.today())
        self._round = 0
        self._stale = True
        self._reading: int | None = None
        self._thread: threading.Thread | None = None
        self.insights: Insights | None = None
        self._delivery = _Delivery(self)
        self._delivery.arrived.connect(self._on_arrived)
        self.period_box = QComboBox()
        self.period_box.setAccessibleName("Period")
        for title, kind in PERIODS:
            self.period_box.addItem(title, kind.value)
        self.period_box.currentIndexChanged.connect(self._on_period)
        self.status = text_label(LOADING, "caption", "Insights status")
        self.then_and_now = ThenAndNowCard(closable=False)
        self.then_and_now.open_debrief.connect(lambda i: context.open("debriefs", i))
        self.column = QVBoxLayout()
        self.column.setSpacing(16)
        self.column.setContentsMargins(0, 0, 8, 0)
        self._lay_out()
        for signal in (
            context.events.debriefs_changed,
            context.events.goals_changed,
            context.events.entries_changed,
            context.events.checkins_changed,
        ):
            signal.connect(self._on_records_changed)

    def _lay_out(self) -> None:
        heading = QLabel("Insights")
        heading.setProperty("textStyle", "title")
        font = heading.font()  # theme: the "title" text style sizes it once the theme lands
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(QLabel("Show:"))
        top.addWidget(self.period_box)
        inner = QWidget()
        inner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        inner_layout.setSpacing(16)
        inner_layout.addWidget(self.status)
        inner_layout.addWidget(self.then_and_now)
        inner_layout.addLayout(self.column)
        inner_layout.addStretch()
        self.figures_area = QScrollArea()  # the cards scroll; the page never widens the window
        self.figures_area.setWidget(inner)
        self.figures_area.setWidgetResizable(True)
        self.figures_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.figures_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.figures_area.setAccessibleName("Insights figures")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.figures_area, 1)

    # Loading

    def showEvent(self, event: QShowEvent) -> None:
        """Qt: the figures are read when the page is shown and something changed since."""
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_records_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def _on_period(self, _index: int) -> None:
        kind = self.period_box.currentData()
        self.period = Period.of_kind(PeriodKind(kind), self.profile.insights.today())
        self.reload()

    @property
    def is_loading(self) -> bool:
        """Tell whether figures of the current round are still to come."""
        return self._reading is not None

    def reload(self) -> None:
        """Read every figure again for the chosen period, away from the GUI thread."""
        self._stale = False
        self._round += 1
        self.status.setText(LOADING)
        self.status.show()
        self._reading = self._round
        read = self.profile.insights.insights
        period, round_number, delivery = self.period, self._round, self._delivery

        def work() -> None:
            # The thread's own database connection (peewee keeps one per thread) is
            # opened by its first query and closed when the thread ends.
            try:
                found: object = read(period)
            except Exception as exc:  # handed to the GUI thread, which says it kindly
                found = exc
            try:
                delivery.arrived.emit(round_number, found)
            except RuntimeError:  # the page was closed meanwhile: nobody is waiting
                return

        self._thread = threading.Thread(target=work, name="insights", daemon=True)
        self._thread.start()

    def wait_for_reading(self, seconds: float = 30.0) -> None:
        """Let a reading in progress finish (before the profile closes)."""
        if self._thread is not None:
            self._thread.join(seconds)

    def save_before_quit(self) -> None:
        """The app is quitting: the profile must not close under a reading."""
        self.wait_for_reading()

    def _on_arrived(self, round_number: int, found: object) -> None:
        if round_number != self._round:
            return  # a newer round (another period) took over
        self._reading = None
        if not isinstance(found, Insights):
            log.warning("the insights could not be read: %r", found)
            said = f" {found}" if isinstance(found, RegroupError) else ""
            self.status.setText(NOT_READ + said)
            self.status.show()
            self._stale = True
            self.loaded.emit()
            return
        self.insights = found
        self._say_how_much(found.stages)
        for key, card in figures.cards(found):
            self._place(key, card)
        self._show_look_back(found.then_and_now)
        self.loaded.emit()

    def _say_how_much(self, figure: StagesFigure) -> None:
        """Say whether the page has enough to go on yet (with kind words if not)."""
        if figure.total == 0 and self.period.kind is not PeriodKind.ALL:
            self.status.setText(f"{NOTHING_HERE}\n\n{GROWING}")
        elif figure.total < FEW:
            self.status.setText(GROWING)
        else:
            self.status.hide()

    def _place(self, key: str, spec: CardSpec) -> None:
        card = FigureCard(spec)
        card.records_requested.connect(self.opener.open)
        old = self.cards.get(key)
        if old is None:
            self.column.addWidget(card)
        else:
            self.column.replaceWidget(old, card)
            if old.toggle.isChecked():
                card.show_table(True)  # the person's choice of table stays
            old.hide()
            old.deleteLater()
        card.show()  # now, not at the next turn of the event loop
        self.cards[key] = card

    def _show_look_back(self, look_back: ThenAndNow | None) -> None:
        shown = self.profile.settings.show_then_and_now()
        self.then_and_now.show_look_back(look_back if shown else None)

    def choose_period(self, kind: PeriodKind) -> None:
        """Choose the period every figure follows (as the filter box does)."""
        self.period_box.setCurrentIndex(self.period_box.findData(kind.value))

    def open(self, target: Target) -> bool:
        """The page has no records of its own: it is shown as it is."""
        return target is None
