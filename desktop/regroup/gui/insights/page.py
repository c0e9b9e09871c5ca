"""The Insights page: what the person's own records say, figure by figure, in calm cards.

The page and pyqtgraph load the first time Insights is shown, never at start-up.
Figures are computed by the one core service, one figure per turn of the event
loop: the page answers clicks and scrolling while a large diary is read, and the
database connection stays on the thread that opened it. A change of period, or of
the records, starts the steps again; figures of an older round are dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
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
from regroup.core.insights.types import Period, PeriodKind, StagesFigure
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
Step = tuple[str, Callable[[Period], CardSpec]]


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
        self._pending: list[Step] = []
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
        return bool(self._pending)

    def reload(self) -> None:
        """Read every figure again for the chosen period, one per turn of the event loop."""
        self._stale = False
        self._round += 1
        self.status.setText(LOADING)
        self.status.show()
        self._pending = list(self.steps())
        QTimer.singleShot(0, self, lambda r=self._round: self._next(r))

    def steps(self) -> list[Step]:
        """Return the figures to compute, in the order they stand on the page."""
        service = self.profile.insights
        return [
            ("stages", lambda p: self._stages(service.stages(p))),
            ("feedback", lambda p: figures.feedback_card(service.feedback(p))),
            ("mood", lambda p: figures.mood_card(service.mood(p))),
            ("move_on", lambda p: figures.move_on_card(service.move_on(p))),
            ("direction", lambda p: figures.direction_card(service.direction(p))),
            ("lessons", lambda p: figures.lessons_card(service.lessons(p))),
            ("goals", lambda p: figures.goals_card(service.goals(p))),
            ("preparation", lambda p: figures.preparation_card(service.preparation(p))),
        ]

    def load_now(self) -> None:
        """Compute every figure still to come at once (tests, the report's preview)."""
        while self._pending:
            self._next(self._round)

    def _next(self, round_number: int) -> None:
        if round_number != self._round or not self._pending:
            return  # a newer round (another period) took over
        key, make = self._pending.pop(0)
        try:
            self._place(key, make(self.period))
        except RegroupError as exc:
            self.status.setText(f"A figure could not be read just now: {exc}")
            self.status.show()
        finally:  # one figure that fails never stops the others
            if self._pending:
                QTimer.singleShot(0, self, lambda: self._next(round_number))
            else:
                self._show_look_back()
                self.loaded.emit()

    def _stages(self, figure: StagesFigure) -> CardSpec:
        """The first figure also says whether the page has enough to go on yet."""
        if figure.total == 0 and self.period.kind is not PeriodKind.ALL:
            self.status.setText(f"{NOTHING_HERE}\n\n{GROWING}")
        elif figure.total < FEW:
            self.status.setText(GROWING)
        else:
            self.status.hide()
        return figures.stages_card(figure)

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

    def _show_look_back(self) -> None:
        if not self.profile.settings.show_then_and_now():
            self.then_and_now.show_look_back(None)
            return
        try:
            self.then_and_now.show_look_back(self.profile.insights.then_and_now())
        except RegroupError:
            self.then_and_now.show_look_back(None)

    def choose_period(self, kind: PeriodKind) -> None:
        """Choose the period every figure follows (as the filter box does)."""
        self.period_box.setCurrentIndex(self.period_box.findData(kind.value))

    def open(self, target: Target) -> bool:
        """The page has no records of its own: it is shown as it is."""
        return target is None
