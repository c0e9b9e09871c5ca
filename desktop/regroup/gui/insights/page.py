"""The Insights page: what the person's own records say, figure by figure, in calm cards.

The page and Qt Charts load the first time Insights is shown, never at start-up.
Every figure is computed by the one core service in a single call: a bounded
period on the window's thread (tens of milliseconds on its warm connection),
"All" off it (:mod:`regroup.gui.insights.background` says why and what it costs),
so scrolling and clicks never freeze for long at a change of period. The window's
thread only builds the cards once the figures are in: the charts in view at
once, the others one at a time on the following turns of the event loop (a
chart is a few milliseconds), so nothing holds the window for long. A change of
period, or of the records, reads again; an older reading is dropped.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
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
from regroup.gui.insights.background import LatestRead
from regroup.gui.insights.card import ChartSlot, FigureCard, text_label
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


class InsightsPage(Page):
    """Eight figure cards and the look-back, following one period filter."""

    loaded = Signal()
    """Every figure of the current round is on the page."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.opener = RecordOpener(context, self)
        self.cards: dict[str, FigureCard] = {}
        self.period = Period.last_3_months(self.profile.insights.today())
        self._stale = True
        self.insights: Insights | None = None
        self._reader = LatestRead("regroup-insights", self)
        self._reader.arrived.connect(self._on_arrived)
        self._reader.failed.connect(self._on_failed)
        self._to_draw: list[ChartSlot] = []
        self._drawer = QTimer(self)
        self._drawer.setSingleShot(True)
        self._drawer.setInterval(0)
        self._drawer.timeout.connect(self._draw_next)
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
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(QLabel("Show:"))
        top.addWidget(self.period_box)
        self.inner = inner = QWidget()
        inner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.inner_layout = inner_layout = QVBoxLayout(inner)
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
        self.figures_area.verticalScrollBar().valueChanged.connect(self._draw_in_view)
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
        """Tell whether figures of the current round (or their charts) are still to come."""
        return self._reader.busy or bool(self._to_draw)

    def reload(self) -> None:
        """Read every figure again for the chosen period.

        A bounded period (three or twelve months) is read at once on the window's own
        connection, whose page cache is warm: about 55 ms at 36,500 entries, less than
        a fresh connection on a thread needs for its cold cache alone. "All" can take
        a few hundred milliseconds, so it is read away from the window's thread.
        """
        self._stale = False
        read, period = self.profile.insights.insights, self.period
        if period.kind is not PeriodKind.ALL and not self._reader.busy:
            try:
                found = read(period)
            except RegroupError as exc:
                self._on_failed(str(exc))
                return
            except Exception:  # a bug in one figure must not take the window down
                log.exception("the insights could not be read")
                self._on_failed("")
                return
            self._on_arrived(found)
            return
        self.status.setText(LOADING)
        self.status.show()
        self._reader.start(lambda: read(period))

    def wait_for_reading(self, seconds: float = 30.0) -> None:
        """Let a reading in progress finish (before the profile closes)."""
        self._reader.wait(seconds)

    def save_before_quit(self) -> None:
        """The app is quitting: the profile must not close under a reading."""
        self.wait_for_reading()

    def _on_failed(self, message: str) -> None:
        log.warning("the insights could not be read: %s", message or "an unexpected error")
        self.status.setText(f"{NOT_READ} {message}".strip())
        self.status.show()
        self._stale = True
        self.loaded.emit()

    def _on_arrived(self, found: Insights) -> None:
        self.insights = found
        self._say_how_much(found.stages)
        for key, card in figures.cards(found):
            self._place(key, card)
        self._show_look_back(found.then_and_now)
        self._to_draw = [slot for card in self.cards.values() for slot in card.slots]
        self._draw_in_view()
        self._draw_next()

    def _draw_in_view(self) -> None:
        """Draw the charts now in view (on arrival, and when the person scrolls to more)."""
        if not self._to_draw:
            return
        viewport, inner = self.figures_area.viewport(), self.inner
        bottom = viewport.height()
        if inner.height() < inner.sizeHint().height():  # as the scroll area will, but now:
            inner.resize(viewport.width(), inner.sizeHint().height())  # where each card stands
        self.inner_layout.activate()
        for slot in [s for s in self._to_draw if s.mapTo(viewport, QPoint(0, 0)).y() < bottom]:
            slot.fill()
            self._to_draw.remove(slot)

    def _draw_next(self) -> None:
        """Draw one chart out of view, then let the window breathe before the next."""
        if self._to_draw:
            self._to_draw.pop(0).fill()
        if self._to_draw:
            self._drawer.start()
        else:
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
