"""Icons from a small bundled SVG set, tinted with the theme's colours.

The SVGs are a subset of Tabler Icons (MIT, ``resources/icons/tabler/LICENSE``):
outline drawings whose strokes are ``currentColor``, so one file serves every
scheme. An icon is rendered only when Qt asks for a pixmap (that is, when it is
painted), in the colour of the scheme on show, so a scheme change re-tints every
icon at the next paint; pixmaps are cached per colour and size.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QImage, QPainter, QPixmap

import regroup.resources
from regroup.gui.kit import theme

FOLDER = Path(regroup.resources.__file__).parent / "icons" / "tabler"
_pixmaps: dict[tuple[str, str, int, int], QPixmap] = {}


@cache
def svg_text(name: str) -> str:
    """Return the drawing ``name`` (a file of the bundled set); unknown names raise."""
    return (FOLDER / f"{name}.svg").read_text(encoding="utf-8")


def available() -> list[str]:
    """Return the names of the bundled icons."""
    return sorted(path.stem for path in FOLDER.glob("*.svg"))


def render(name: str, colour: str, width: int, height: int) -> QPixmap:
    """Return the drawing ``name`` in ``colour`` ("#rrggbb"), ``width`` x ``height`` pixels."""
    key = (name, colour, width, height)
    cached = _pixmaps.get(key)
    if cached is not None:
        return cached
    from PySide6.QtSvg import QSvgRenderer  # loaded with the first icon painted

    data = QByteArray(svg_text(name).replace("currentColor", colour).encode("utf-8"))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(data).render(painter)
    painter.end()
    pixmap = QPixmap.fromImage(image)
    _pixmaps[key] = pixmap
    return pixmap


class TintedIconEngine(QIconEngine):
    """Draws a bundled icon in a theme colour: ``normal``, ``selected``, or muted if disabled."""

    def __init__(self, name: str, normal: str = "text", selected: str = "accent") -> None:
        super().__init__()
        svg_text(name)  # a wrong name fails where the icon is made, not at paint
        self.name = name
        self.normal = normal
        self.selected = selected

    def colour_name(self, mode: QIcon.Mode) -> str:
        """Return the theme colour for ``mode``."""
        if mode == QIcon.Mode.Disabled:
            return "border"
        return self.selected if mode == QIcon.Mode.Selected else self.normal

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        """Qt: the icon at ``size`` device-independent pixels for a screen of ``scale``."""
        colour = theme.colour(self.colour_name(mode)).name()
        width = max(1, round(size.width() * scale))
        height = max(1, round(size.height() * scale))
        pixmap = QPixmap(render(self.name, colour, width, height))
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        """Qt: the icon at ``size`` pixels."""
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        """Qt: draw the icon into ``rect`` at the painter's device pixel ratio."""
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.scaledPixmap(rect.size(), mode, state, scale)
        painter.drawPixmap(QPoint(rect.x(), rect.y()), pixmap)

    def clone(self) -> QIconEngine:
        """Qt: a copy, for a QIcon that is detached."""
        return TintedIconEngine(self.name, self.normal, self.selected)

    def key(self) -> str:
        """Qt: the engine's kind."""
        return "regroup-tinted"


@cache
def icon(name: str, normal: str = "text", selected: str = "accent") -> QIcon:
    """Return the bundled icon ``name`` tinted with the theme colours named."""
    return QIcon(TintedIconEngine(name, normal, selected))
