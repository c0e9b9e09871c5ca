"""Drawing the report's charts for paper: QPainter into a QImage, plain and calm.

The report is printed, so the charts are not the window's (no theme switch, no
plotting library, nothing that needs a screen): near-black text on white, the
accent colour for bars and lines, thin grey rules. Images are drawn at twice their
size on the page, about 190 dots per inch: sharp on paper, and quick to compress
into the PDF (three times took the report of a long search past its 2 s budget).
"""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from regroup.core.insights.report import chart_size
from regroup.core.insights.report_charts import BarChart, Chart, LineChart

SCALE = 2
"""Image pixels per CSS pixel of the page."""
# Ink for white paper. theme: colour("accent") of the light scheme; the rest are greys.
ACCENT = QColor("#2e6b6e")
ACCENT_LIGHT = QColor("#9cc3c4")
TEXT = QColor("#222222")
MUTED = QColor("#555555")
RULE = QColor("#d9d9d9")
MARK = QColor("#b08a3e")
FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial"]


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPixelSize(round(pixels * SCALE))
    font.setBold(bold)
    return font


def _canvas(chart: Chart) -> tuple[QImage, QPainter]:
    width, height = chart_size(chart)
    image = QImage(width * SCALE, height * SCALE, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    return image, painter


def value_steps(value: float) -> tuple[float, int]:
    """Return a round top for an axis holding ``value`` and how many equal steps reach it.

    Steps are 1, 2 or 5 times a power of ten, at most five of them: 330 gives
    (400, 4), 10 gives (10, 5), 3 gives (3, 3).
    """
    if value <= 1:
        return 1.0, 1
    power = 10 ** math.floor(math.log10(value / 5))
    for size in (1, 2, 5, 10):
        step = size * power
        if value <= step * 5:
            count = math.ceil(value / step)
            return float(step * count), count
    return float(10 * power * 5), 5  # not reached: 10 x power always fits


def _legend(painter: QPainter, names: tuple[str, ...], colours: list[QColor], x: float) -> None:
    painter.setFont(_font(11))
    metrics = QFontMetricsF(painter.font())
    for name, colour in zip(names, colours, strict=False):
        painter.fillRect(QRectF(x, 6 * SCALE, 10 * SCALE, 10 * SCALE), colour)
        painter.setPen(TEXT)
        painter.drawText(QPointF(x + 14 * SCALE, 15 * SCALE), name)
        x += 14 * SCALE + metrics.horizontalAdvance(name) + 16 * SCALE


def _value_axis(
    painter: QPainter, plot: QRectF, top: float, ticks: tuple[str, ...], count: int = 4
) -> None:
    painter.setFont(_font(10.5))
    steps = ticks or tuple(_number(top * i / count) for i in range(count + 1))
    count = len(steps) - 1
    for i, label in enumerate(steps):
        y = plot.bottom() - plot.height() * i / max(count, 1)
        painter.setPen(QPen(RULE, SCALE * 0.6))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(MUTED)
        box = QRectF(0, y - 8 * SCALE, plot.left() - 6 * SCALE, 16 * SCALE)
        painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)


def _number(value: float) -> str:
    return str(round(value)) if value == round(value) else f"{value:.1f}"


def draw_bars(chart: BarChart) -> QImage:
    """Return ``chart`` as bars: one group per label, one bar per series."""
    image, painter = _canvas(chart)
    try:
        ticks = chart.ticks
        left = (84 if ticks else 40) * SCALE
        plot = QRectF(left, 28 * SCALE, image.width() - left - 8 * SCALE, image.height())
        plot.setBottom(image.height() - 44 * SCALE)
        biggest = max((v for g in chart.groups for v in g.values), default=0.0)
        top, count = value_steps(biggest)
        if ticks:
            top, count = float(len(ticks) - 1), len(ticks) - 1
        colours = [ACCENT, ACCENT_LIGHT] if len(chart.series) > 1 else [ACCENT]
        _legend(painter, chart.series, colours, plot.left())
        _value_axis(painter, plot, top, ticks, count)
        slot = plot.width() / max(len(chart.groups), 1)
        width = min(slot * 0.7, 64 * SCALE) / len(chart.series)
        label_font = _font(10 if len(chart.groups) <= 12 else 8.5)
        for index, group in enumerate(chart.groups):
            start = plot.left() + slot * index + (slot - width * len(group.values)) / 2
            for n, value in enumerate(group.values):
                colour = colours[n]
                if len(chart.series) == 1 and any(g.highlight for g in chart.groups):
                    colour = ACCENT if group.highlight else ACCENT_LIGHT
                height = plot.height() * (value / top if top else 0)
                painter.fillRect(
                    QRectF(start + n * width, plot.bottom() - height, width, height), colour
                )
            _bar_label(painter, label_font, group.label, plot, slot, index, len(chart.groups))
    finally:
        painter.end()
    return image


def _bar_label(
    painter: QPainter, font: QFont, label: str, plot: QRectF, slot: float, index: int, count: int
) -> None:
    painter.setFont(font)
    painter.setPen(TEXT)
    metrics = QFontMetricsF(font)
    every = max(1, math.ceil(count / 20))  # many bars: name every other one or so
    if index % every:
        return
    box = QRectF(
        plot.left() + slot * index - slot * (every - 1) / 2,
        plot.bottom() + 4 * SCALE,
        slot * every,
        40 * SCALE,
    )
    words = metrics.elidedText(label, Qt.TextElideMode.ElideRight, box.width() * 2 - 4 * SCALE)
    flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    painter.drawText(box, int(flags), words)


def _x(day: date, first: date, last: date, plot: QRectF) -> float:
    span = max((last - first).days, 1)
    return plot.left() + plot.width() * (day - first).days / span


def draw_line(chart: LineChart) -> QImage:
    """Return ``chart`` as dots for each day, a line for the smoother mean, rules for marks."""
    image, painter = _canvas(chart)
    try:
        plot = QRectF(40 * SCALE, 28 * SCALE, image.width() - 48 * SCALE, 0)
        plot.setBottom(image.height() - 30 * SCALE)
        _legend(painter, chart.series, [ACCENT_LIGHT, ACCENT, MARK], plot.left())
        steps = tuple(_number(chart.low + i) for i in range(int(chart.high - chart.low) + 1))
        _value_axis(painter, plot, chart.high, steps, len(steps) - 1)
        first, last = chart.points[0][0], chart.points[-1][0]

        def y(value: float) -> float:
            share = (value - chart.low) / (chart.high - chart.low)
            return plot.bottom() - plot.height() * share

        faint = QColor(MARK)
        faint.setAlpha(70)
        for day in chart.marks:  # a faint rule and a short, clear tick at the foot
            x = _x(day, first, last, plot)
            painter.setPen(QPen(faint, SCALE * 0.6))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(QPen(MARK, SCALE * 1.2))
            painter.drawLine(QPointF(x, plot.bottom() - 8 * SCALE), QPointF(x, plot.bottom()))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ACCENT_LIGHT)
        radius = SCALE * (1.6 if len(chart.points) < 200 else 0.9)
        for day, value in chart.points:
            painter.drawEllipse(QPointF(_x(day, first, last, plot), y(value)), radius, radius)
        path = QPainterPath()
        for n, (day, value) in enumerate(chart.line):
            point = QPointF(_x(day, first, last, plot), y(value))
            if n == 0:
                path.moveTo(point)
            else:
                path.lineTo(point)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(ACCENT, SCALE * 1.4))
        painter.drawPath(path)
        _day_axis(painter, plot, first, last)
    finally:
        painter.end()
    return image


def _day_axis(painter: QPainter, plot: QRectF, first: date, last: date) -> None:
    painter.setFont(_font(10))
    painter.setPen(MUTED)
    flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
    for n in range(5):
        day = first + (last - first) * n / 4
        x = _x(day, first, last, plot)
        box = QRectF(x - 50 * SCALE, plot.bottom() + 6 * SCALE, 100 * SCALE, 20 * SCALE)
        painter.drawText(box, flags, f"{day.day} {day:%b} {day.year}")


def draw_chart(chart: Chart) -> QImage:
    """Return ``chart`` drawn for print."""
    return draw_bars(chart) if isinstance(chart, BarChart) else draw_line(chart)
