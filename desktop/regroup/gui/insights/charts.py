"""The charts of the Insights page, drawn with Qt Charts and coloured from the theme.

Charts are pictures to look at, not instruments: no zoom, no drag, no animation
(nothing moves under the cursor). A click on a bar or a day says which one through
``clicked``, so the page can open the records behind it. Qt Charts ships with Qt
(PySide6-Addons) and needs no numpy: the package stays within its size budget.
Each chart is one QChart; points go in with one ``replace`` per series, never an
object per point, because the page is built while the person waits. Colours come
from :mod:`regroup.gui.kit.theme` and are set again when the scheme changes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, time

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy

from regroup.gui.insights.specs import BarSpec, LineSpec, Ref, Series, Tint
from regroup.gui.kit import theme

CHART_HEIGHT = 200
BAR_HEIGHT = 30
"""The height of one row of a horizontal chart (kinds of role, lessons)."""
LABEL_CHARS = 22
MAX_LABELS = 12
DOT_DAYS = 730
LINE_POINTS = 600
"""The most points the mood line draws: more than a card's width shows nothing more."""
MANY_MARKS = 100
TINT_COLOURS = {Tint.ACCENT: "accent", Tint.MUTED: "border", Tint.SOFT: "surface_alt"}
MOODS = (1, 2, 3, 4, 5)


def _short(label: str, chars: int = LABEL_CHARS) -> str:
    return label if len(label) <= chars else label[: chars - 1] + "…"


def _label_font() -> QFont:
    """The axis and legend text: the application's font, a point smaller (the caption)."""
    font = QFont(QApplication.font())
    font.setPointSizeF(max(8.0, font.pointSizeF() - 1))
    return font


def _whole_axis(top: float) -> QValueAxis:
    """A count axis from 0 in whole steps: no "0.5 applications"."""
    step = max(1, math.ceil(top / 5))
    ticks = max(1, math.ceil(top / step))
    axis = QValueAxis()
    axis.setRange(0, ticks * step * (1.08 if ticks * step <= top else 1))
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setLabelFormat("%d")
    return axis


def _named_axis(
    names: Sequence[str], low: float, high: float, every: int = 1, chars: int = LABEL_CHARS
) -> QCategoryAxis:
    """An axis with words at whole positions (categories, stages), some named if many."""
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setRange(low, high)
    for index, name in enumerate(names):
        if index % every == 0:
            axis.append(_short(name, chars), index + (1 if low >= 0 else 0))
    axis.setStartValue(low)
    return axis


def _bar_width(count: int) -> float:
    """A share of each category's room: two or three bars stay slim, not slabs."""
    return 0.35 if count <= 1 else 0.5 if count <= 3 else 0.7


class Chart(QChartView):
    """A quiet chart: fixed height, no interaction but clicks, themed from the palette."""

    clicked = Signal(object)
    """The records behind what was clicked (a tuple of refs)."""

    def __init__(self, name: str, height: int = CHART_HEIGHT) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(0, 0, 0, 0))
        chart.layout().setContentsMargins(0, 0, 0, 0)
        chart.legend().hide()
        super().__init__(chart)
        self.plot = chart
        self.setAccessibleName(name)
        self.setToolTip("Click a bar or a day to see the records behind it")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)
        self.setFrameShape(QChartView.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        theme.changed().connect(self.apply_theme)

    def add_axes(self, bottom: QAbstractAxis, left: QAbstractAxis) -> None:
        """Put the two axes on the chart and every series on both."""
        self.plot.addAxis(bottom, Qt.AlignmentFlag.AlignBottom)
        self.plot.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        for series in self.plot.series():
            series.attachAxis(bottom)
            series.attachAxis(left)

    def apply_theme(self, _scheme: str = "") -> None:
        """Paint the background, axes, legend and data in the scheme's colours."""
        surface, text, border = (theme.colour(n) for n in ("surface", "text", "border"))
        self.plot.setBackgroundBrush(QBrush(surface))
        self.plot.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
        self.setBackgroundBrush(QBrush(surface))
        grid = QColor(border)
        grid.setAlpha(70)
        font = _label_font()
        for axis in self.plot.axes():
            axis.setLabelsColor(theme.colour("text_muted"))
            axis.setLabelsFont(font)
            axis.setLinePenColor(border)
            axis.setGridLineColor(grid)
        legend = self.plot.legend()
        legend.setLabelColor(text)
        legend.setFont(font)
        self.draw()

    def draw(self) -> None:
        """Colour the data (each chart its own)."""

    def view_point(self, x: float, y: float) -> QPoint:
        """Return where the data point (x, y) is in the view (tests click there)."""
        series = self.plot.series()[0]
        scene = self.plot.mapToScene(self.plot.mapToPosition(QPointF(x, y), series))
        return self.mapFromScene(scene)


class BarChart(Chart):
    """Bars per category, series side by side (or tints stacked); a guide line for a median.

    Bars that differ in tint (the kinds you want and reach far in) are one set per
    tint stacked on each other, each set holding only its own bars: Qt colours a set,
    not a bar, and this keeps the click on a bar telling its index.
    """

    def __init__(self, spec: BarSpec) -> None:
        count = len(spec.categories)
        horizontal = spec.horizontal
        super().__init__(spec.title, height_of(spec))
        self.spec = spec
        self.bar_sets: list[tuple[QBarSet, Tint, Series]] = []
        tinted = len(spec.series) == 1 and bool(spec.series[0].tints)
        bars = self._bars(spec, tinted)
        self.plot.addSeries(bars)
        self.guide: QLineSeries | None = None
        if spec.guide is not None:
            self.guide = QLineSeries()
            self.guide.setName(f"Median: {spec.guide:.0f}")
            self.guide.replace([QPointF(-0.5, spec.guide), QPointF(count - 0.5, spec.guide)])
            self.plot.addSeries(self.guide)
        names = spec.categories[::-1] if horizontal else spec.categories
        every = 1 if horizontal else math.ceil(count / MAX_LABELS) if count else 1
        chars = LABEL_CHARS + 10 if horizontal else LABEL_CHARS  # lying down, names have room
        category_axis = _named_axis(names, -0.5, count - 0.5, every, chars)
        category_axis.setGridLineVisible(False)
        if spec.y_ticks:
            value_axis: QAbstractAxis = _named_axis(spec.y_ticks, 0, len(spec.y_ticks) + 0.3)
        else:
            top = max(1.0, *(v for s in spec.series for v in s.values), spec.guide or 0.0)
            value_axis = _whole_axis(top)
        if horizontal:
            self.add_axes(value_axis, category_axis)
        else:
            self.add_axes(category_axis, value_axis)
        self._show_legend(tinted)
        self.apply_theme()

    def _bars(self, spec: BarSpec, tinted: bool) -> QAbstractBarSeries:
        flip = spec.horizontal  # the first category stands at the top
        if tinted:
            series = spec.series[0]
            bars: QAbstractBarSeries = (
                QHorizontalStackedBarSeries() if flip else QStackedBarSeries()
            )
            tints = [series.tint_of(i) for i in range(len(series.values))]
            names = dict(spec.tint_names)
            for tint in dict.fromkeys(tints):
                pairs = zip(tints, series.values, strict=True)
                values = [value if own is tint else 0.0 for own, value in pairs]
                self._add_set(bars, names.get(tint, series.name), values, tint, series)
            bars.setBarWidth(_bar_width(len(spec.categories)))
            return bars
        bars = QHorizontalBarSeries() if flip else QBarSeries()
        for series in spec.series:
            self._add_set(bars, series.name, list(series.values), series.tint, series)
        bars.setBarWidth(_bar_width(len(spec.categories)) if len(spec.series) == 1 else 0.8)
        return bars

    def _add_set(
        self, bars: QAbstractBarSeries, name: str, values: list[float], tint: Tint, series: Series
    ) -> None:
        bar_set = QBarSet(name)
        bar_set.append(values[::-1] if self.spec.horizontal else values)
        count = len(values)
        if self.spec.horizontal:
            bar_set.clicked.connect(lambda i: self.clicked.emit(series.refs[count - 1 - i]))
        else:
            bar_set.clicked.connect(lambda i: self.clicked.emit(series.refs[i]))
        bars.append(bar_set)
        self.bar_sets.append((bar_set, tint, series))

    def _show_legend(self, tinted: bool) -> None:
        """A legend only where it helps: several series, named tints, or the median line."""
        tints = len(self.bar_sets) > 1 and bool(self.spec.tint_names)  # a key to the colours
        named = len(self.spec.series) > 1 or (tinted and tints)
        legend = self.plot.legend()
        legend.setVisible(named or self.guide is not None)
        legend.setAlignment(Qt.AlignmentFlag.AlignTop)
        if not named and self.guide is not None:  # the dashed line alone, drawn as a line
            legend.setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
            for marker in legend.markers(self.plot.series()[0]):
                marker.setVisible(False)

    def draw(self) -> None:
        """Colour each set by its tint and the guide in the text colour, dashed."""
        edge = theme.colour("border")
        for bar_set, tint, _series in self.bar_sets:
            bar_set.setColor(theme.colour(TINT_COLOURS[tint]))
            bar_set.setBorderColor(edge if tint is not Tint.ACCENT else theme.colour("accent"))
        if self.guide is not None:
            pen = QPen(theme.colour("text"), 1.5, Qt.PenStyle.DashLine)
            self.guide.setPen(pen)

    def bar_x(self, series: int, category: int) -> float:
        """Return the centre of one bar along the category axis."""
        sets = 1 if isinstance(self.plot.series()[0], QStackedBarSeries) else len(self.spec.series)
        width = 0.8 / sets
        return category + (series - (sets - 1) / 2) * width if sets > 1 else float(category)


def _stamp(day: date) -> float:
    """Noon of ``day`` in milliseconds, as the date axis counts (a day is never moved)."""
    return datetime.combine(day, time(12)).timestamp() * 1000


def _binned(xs: list[float], ys: list[float]) -> list[QPointF]:
    """Return at most LINE_POINTS points: over years, the mean of each few days.

    A smooth line through tens of thousands of points paints slowly and shows no more.
    """
    size = math.ceil(len(xs) / LINE_POINTS)
    if size <= 1:
        return [QPointF(x, y) for x, y in zip(xs, ys, strict=True)]
    return [
        QPointF(sum(xs[i : i + size]) / len(xs[i : i + size]), sum(ys[i : i + size]) / size)
        for i in range(0, len(xs) - size + 1, size)
    ]


class MoodChart(Chart):
    """Daily mean moods as dots in the mood colours, the 7-day line, the news as thin marks.

    The news marks are one line series going up and down outside the visible mood
    range between marks, so only the upright strokes show (the plot area clips the
    rest): thousands of news stay one series, not thousands.
    """

    LOW, HIGH = 0.7, 5.3

    def __init__(self, spec: LineSpec) -> None:
        super().__init__(spec.title)
        self.spec = spec
        self.xs = [_stamp(day) for day in spec.days]
        self._news_xs = [_stamp(day) for day, _debrief in spec.news]
        self.marks = QLineSeries()
        self.marks.setName("News of a rejection")
        strokes: list[QPointF] = []
        for number, x in enumerate(self._news_xs):
            low, high = (-10.0, 20.0) if number % 2 == 0 else (20.0, -10.0)
            strokes += (QPointF(x, low), QPointF(x, high))
        self.marks.replace(strokes)
        self.dots: dict[int, QScatterSeries] = {}
        if len(self.xs) <= DOT_DAYS:  # a dot a day; over years the line alone reads better
            by_mood: dict[int, list[QPointF]] = {mood: [] for mood in MOODS}
            for x, mean in zip(self.xs, spec.means, strict=True):
                by_mood[min(5, max(1, round(mean)))].append(QPointF(x, mean))
            for mood, points in by_mood.items():
                if points:
                    dots = QScatterSeries()
                    dots.setMarkerSize(6)
                    dots.replace(points)
                    self.dots[mood] = dots
        self.line = QLineSeries()
        self.line.setName("7-day mean")
        self.line.replace(_binned(self.xs, list(spec.rolling)))
        for series in (self.marks, *self.dots.values(), self.line):
            self.plot.addSeries(series)
        moods = _named_axis([str(mood) for mood in MOODS], self.LOW, self.HIGH)
        self.add_axes(self._date_axis(), moods)
        self.apply_theme()

    def _date_axis(self) -> QDateTimeAxis:
        axis = QDateTimeAxis()
        if self.xs:
            first, last = min(self.xs), max(self.xs)
            pad = max(86_400_000.0, (last - first) * 0.03)
            span_days = (last - first) / 86_400_000
            axis.setFormat("d MMM" if span_days < 120 else "MMM yyyy")
            axis.setRange(
                QDateTime.fromMSecsSinceEpoch(round(first - pad)),
                QDateTime.fromMSecsSinceEpoch(round(last + pad)),
            )
        axis.setTickCount(6)
        axis.setGridLineVisible(False)
        return axis

    def draw(self) -> None:
        """Colour the dots by mood, the line in the accent, the news marks faint."""
        faint = QColor(theme.colour("focus"))
        faint.setAlpha(110 if len(self._news_xs) < MANY_MARKS else 40)
        self.marks.setPen(QPen(faint, 1))
        for mood, dots in self.dots.items():
            dots.setColor(theme.colour(f"mood{mood}"))
            dots.setBorderColor(Qt.GlobalColor.transparent)
        self.line.setPen(QPen(theme.colour("accent"), 2.5))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Qt: a click opens the news or the diary day under it."""
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        at = self.plot.mapFromScene(self.mapToScene(event.position().toPoint()))
        if self.plot.plotArea().contains(at):
            refs = self.refs_at(self.plot.mapToValue(at, self.line))
            if refs:
                self.clicked.emit(refs)

    def refs_at(self, point: QPointF) -> tuple[Ref, ...]:
        """Return the news or the diary day nearest the click (within a few days' width)."""
        if not self.xs:
            return ()
        axis = self.plot.axes(Qt.Orientation.Horizontal)[0]
        assert isinstance(axis, QDateTimeAxis)
        span = axis.max().toMSecsSinceEpoch() - axis.min().toMSecsSinceEpoch()
        reach = max(86_400_000.0, span / 80)
        x = point.x()
        if self._news_xs:
            near = min(range(len(self._news_xs)), key=lambda i: abs(self._news_xs[i] - x))
            if abs(self._news_xs[near] - x) <= reach / 2:
                return (("debriefs", self.spec.news[near][1]),)
        nearest = min(range(len(self.xs)), key=lambda i: abs(self.xs[i] - x))
        if abs(self.xs[nearest] - x) <= reach:
            return (("day", self.spec.days[nearest].toordinal()),)
        return ()

    def day_x(self, day: date) -> float:
        """Return the bottom coordinate of ``day`` (tests click there)."""
        return _stamp(day)


def height_of(spec: BarSpec | LineSpec) -> int:
    """Return the height the chart of ``spec`` will have (its slot waits at that height)."""
    if isinstance(spec, BarSpec) and spec.horizontal:  # a row per bar, room for the legend
        return 72 + BAR_HEIGHT * len(spec.categories) + (24 if spec.tint_names else 0)
    return CHART_HEIGHT


def chart_for(spec: BarSpec | LineSpec) -> Chart:
    """Return the chart widget that draws ``spec``."""
    return MoodChart(spec) if isinstance(spec, LineSpec) else BarChart(spec)
