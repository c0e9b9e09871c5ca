"""The charts of the Insights page, drawn with pyqtgraph and coloured from the theme.

Charts are pictures to look at, not instruments: no zoom, no drag, no context
menu. A click on a bar or a day says which one through ``clicked``, so the page
can open the records behind it. Colours are read from the palette each time the
scheme changes, so light and dark both stay readable without a restart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from regroup.gui.insights.specs import BarSpec, LineSpec, Ref, Tint

CHART_HEIGHT = 200
LABEL_CHARS = 22
MAX_LABELS = 12
DOT_DAYS = 730
MANY_MARKS = 100
LINE_POINTS = 1500
EPOCH = date(1970, 1, 1).toordinal()
THEME_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)

pg.setConfigOptions(antialias=True)


def colours(widget: QWidget) -> dict[str, QColor]:
    """Return the colours a chart paints with, read from the widget's palette."""
    palette = widget.palette()
    role = QPalette.ColorRole
    return {
        "surface": palette.color(role.Base),  # theme: "surface"
        "text": palette.color(role.WindowText),  # theme: "text"
        "muted_text": palette.color(role.PlaceholderText),  # theme: "text_muted"
        "accent": palette.color(role.Highlight),  # theme: "accent"
        "muted": palette.color(role.Mid),  # theme: "border"
        "soft": palette.color(role.Midlight),  # theme: "surface_alt"
        "mark": palette.color(role.Link),  # theme: "focus"
    }


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


class Chart(pg.PlotWidget):
    """A quiet plot: fixed height, no interaction but clicks, themed from the palette."""

    clicked = Signal(object)
    """The records behind what was clicked (a tuple of refs)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        self._themed = False  # pyqtgraph's own set-up changes the palette before it is done
        super().__init__(parent, viewBox=pg.ViewBox(enableMenu=False))  # no menu: built faster
        self.setAccessibleName(name)
        self.setToolTip("Click a bar or a day to see the records behind it")
        self.setFixedHeight(CHART_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)
        item = self.getPlotItem()
        item.setMouseEnabled(False, False)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.showGrid(x=False, y=True, alpha=0.15)
        self.scene().sigMouseClicked.connect(self._on_scene_click)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def apply_theme(self) -> None:
        """Paint the background, axes and data in the palette's colours."""
        self._themed = True
        tone = colours(self)
        self.setBackground(tone["surface"])
        for side in ("left", "bottom"):
            axis = self.getAxis(side)
            axis.setPen(pg.mkPen(tone["muted"]))
            axis.setTextPen(pg.mkPen(tone["text"]))
        self.draw(tone)

    def draw(self, tone: dict[str, QColor]) -> None:
        """Draw the data in ``tone``'s colours (each chart its own)."""

    def changeEvent(self, event: QEvent) -> None:
        """Qt: the light or dark scheme changed; paint again in its colours."""
        super().changeEvent(event)
        if self._themed and event.type() in THEME_EVENTS:
            self.apply_theme()

    def _on_scene_click(self, event: object) -> None:
        scene_pos = event.scenePos()  # type: ignore[attr-defined]
        box = self.getPlotItem().getViewBox()
        if box.sceneBoundingRect().contains(scene_pos):
            refs = self.refs_at(box.mapSceneToView(scene_pos))
            if refs:
                self.clicked.emit(refs)

    def refs_at(self, point: QPointF) -> tuple[Ref, ...]:
        """Return the records under ``point`` (in data coordinates)."""
        return ()

    def view_point(self, x: float, y: float) -> QPoint:
        """Return where the data point (x, y) is in this widget (tests click there)."""
        box = self.getPlotItem().getViewBox()
        point: QPoint = self.mapFromScene(box.mapViewToScene(QPointF(x, y)))
        return point


class BarChart(Chart):
    """Bars per category, series side by side; a guide line for a median."""

    def __init__(self, spec: BarSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec.title, parent)
        self.spec = spec
        self.width = 0.8 / max(1, len(spec.series))
        count = len(spec.categories)
        item = self.getPlotItem()
        every = math.ceil(count / MAX_LABELS) if count else 1  # a long row names some bars
        item.getAxis("bottom").setTicks(
            [[(i, _short(label)) for i, label in enumerate(spec.categories) if i % every == 0]]
        )
        if spec.y_ticks:
            item.getAxis("left").setTicks([[(i + 1, t) for i, t in enumerate(spec.y_ticks)]])
            item.setYRange(0, len(spec.y_ticks) + 0.3, padding=0)
        else:
            top = max(1.0, *(v for s in spec.series for v in s.values), spec.guide or 0.0)
            step = max(1, math.ceil(top / 5))  # counts are whole: no "0.5 applications"
            ticks = range(0, math.ceil(top) + step, step)
            item.getAxis("left").setTicks([[(t, str(t)) for t in ticks]])
            item.setYRange(0, top * 1.1, padding=0)
        item.setXRange(-0.6, max(0, count - 1) + 0.6, padding=0)
        self.apply_theme()

    def bar_x(self, series: int, category: int) -> float:
        """Return the centre of one bar along the bottom."""
        return category + (series - (len(self.spec.series) - 1) / 2) * self.width

    def draw(self, tone: dict[str, QColor]) -> None:
        """Draw one BarGraphItem per series and the guide."""
        item = self.getPlotItem()
        item.clear()
        if len(self.spec.series) > 1:  # bars added below join the legend by their name
            legend = item.legend or item.addLegend(offset=(-8, 8))
            legend.setLabelTextColor(tone["text"])
        tints = {Tint.ACCENT: tone["accent"], Tint.MUTED: tone["muted"], Tint.SOFT: tone["soft"]}
        for number, series in enumerate(self.spec.series):
            xs = np.array([self.bar_x(number, i) for i in range(len(series.values))])
            brushes = [pg.mkBrush(tints[series.tint_of(i)]) for i in range(len(xs))]
            bars = pg.BarGraphItem(
                x=xs,
                height=np.array(series.values, dtype=float),
                width=self.width * 0.9,
                brushes=brushes,
                brush=pg.mkBrush(tints[series.tint]),  # the legend's swatch
                pen=pg.mkPen(tone["muted"]),
                name=series.name,
            )
            item.addItem(bars)
        if self.spec.guide is not None:
            guide = pg.InfiniteLine(
                pos=self.spec.guide,
                angle=0,
                pen=pg.mkPen(tone["text"], width=1, style=Qt.PenStyle.DashLine),
                label="median {value:.0f}",
                labelOpts={"position": 0.95, "color": tone["text"]},
            )
            item.addItem(guide)

    def refs_at(self, point: QPointF) -> tuple[Ref, ...]:
        """Return the records of the bar under ``point``, if any."""
        for number, series in enumerate(self.spec.series):
            for index, value in enumerate(series.values):
                half = self.width / 2
                inside = abs(point.x() - self.bar_x(number, index)) <= half
                if inside and 0 <= point.y() <= max(value, 0.05 * self.top()):
                    return series.refs[index]
        return ()

    def top(self) -> float:
        """Return the top of the visible range (a short bar is still easy to click)."""
        return float(self.getPlotItem().getViewBox().viewRange()[1][1])


def _binned(xs: np.ndarray, ys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return at most LINE_POINTS points: over decades, the mean of each few days.

    A wide, smooth line through tens of thousands of points takes seconds to paint.
    """
    size = math.ceil(len(xs) / LINE_POINTS)
    if size <= 1:
        return xs, ys
    whole = len(xs) // size * size
    return xs[:whole].reshape(-1, size).mean(1), ys[:whole].reshape(-1, size).mean(1)


def _stamps(days: Iterable[date]) -> np.ndarray:
    """Return noon of each day as the date axis counts (UTC here: a day is not moved)."""
    ordinals = np.fromiter((day.toordinal() for day in days), dtype=float)
    return (ordinals - EPOCH) * 86400.0 + 43200.0


class MoodChart(Chart):
    """Daily mean moods as dots, the 7-day line through them, the news as thin marks."""

    def __init__(self, spec: LineSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec.title, parent)
        self.spec = spec
        self.xs = _stamps(spec.days)
        self._news_xs = _stamps(day for day, _debrief in spec.news)
        item = self.getPlotItem()
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        item.setAxisItems({"bottom": pg.DateAxisItem(orientation="bottom")})
        item.getAxis("left").setTicks([[(m, str(m)) for m in range(1, 6)]])
        item.setYRange(0.7, 5.3, padding=0)
        if len(self.xs):
            first, last = float(self.xs.min()), float(self.xs.max())
            pad = max(86400.0, (last - first) * 0.03)
            item.setXRange(first - pad, last + pad, padding=0)
        self.apply_theme()

    def draw(self, tone: dict[str, QColor]) -> None:
        """Draw the dots, the rolling line and the news marks."""
        item = self.getPlotItem()
        item.clear()
        if self.spec.news:  # every mark in one path: thousands of news stay quick to draw
            marks = np.repeat(self._news_xs, 2)
            heights = np.tile([0.7, 5.3], len(self.spec.news))
            faint = QColor(tone["mark"])
            faint.setAlpha(110 if len(self.spec.news) < MANY_MARKS else 40)
            item.plot(
                marks, heights, pen=pg.mkPen(faint, width=1), connect="pairs", antialias=False
            )
        if len(self.xs) <= DOT_DAYS:  # a dot a day; over years the line alone reads better
            item.plot(
                self.xs,
                np.array(self.spec.means, dtype=float),
                pen=None,
                symbol="o",
                symbolSize=4,
                symbolBrush=pg.mkBrush(QColor(tone["muted"])),
                symbolPen=None,
            )
        xs, rolling = _binned(self.xs, np.array(self.spec.rolling, dtype=float))
        item.plot(xs, rolling, pen=pg.mkPen(tone["accent"], width=2))

    def refs_at(self, point: QPointF) -> tuple[Ref, ...]:
        """Return the news or the diary day nearest the click (within a few days' width)."""
        if not len(self.xs):
            return ()
        left, right = self.getPlotItem().getViewBox().viewRange()[0]
        reach = max(86400.0, (right - left) / 80)
        if len(self._news_xs):
            near = int(np.abs(self._news_xs - point.x()).argmin())
            if abs(self._news_xs[near] - point.x()) <= reach / 2:
                return (("debriefs", self.spec.news[near][1]),)
        nearest = int(np.abs(self.xs - point.x()).argmin())
        if math.isfinite(self.xs[nearest]) and abs(self.xs[nearest] - point.x()) <= reach:
            return (("day", self.spec.days[nearest].toordinal()),)
        return ()

    def day_x(self, day: date) -> float:
        """Return the bottom coordinate of ``day`` (tests click there)."""
        return float(_stamps((day,))[0])


def chart_for(spec: BarSpec | LineSpec) -> Chart:
    """Return the chart widget that draws ``spec``."""
    return MoodChart(spec) if isinstance(spec, LineSpec) else BarChart(spec)
