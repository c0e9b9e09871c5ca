"""Regroup's look: a calm palette in light and dark, a type scale, cards, chips, focus rings.

Every widget gets its colours from here, so that the app looks the same on Linux,
Windows and macOS (the Fusion style, a QPalette and one application style sheet)
and follows the system's light or dark scheme while it runs. Widgets opt in with
dynamic properties read by the style sheet (``resources/theme/style.qss``):

- ``textStyle``: "title", "heading", "body" or "caption" (smaller, still readable);
- ``textTone`` on a label: "muted", "warning", "error", "overdue" or "done";
- ``card`` (True) on a QFrame, ``chip`` on a QLabel: "accent", "warning",
  "overdue", "done" or "neutral";
- ``buttonStyle`` "primary" on the one main button of a screen.

Painting code asks :func:`colour` and :func:`category_colour`, and repaints on
:func:`changed` (a scheme change repaints every widget anyway; the signal is for
what caches colours). Loading is two small files read once: the start-up budget
allows no more.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from functools import cache
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

import regroup.resources
from regroup.core.settings import THEME_CHOICES

SYSTEM, LIGHT, DARK = THEME_CHOICES
CHOICES = THEME_CHOICES
"""What the person can choose in Settings; "system" follows the desktop live."""
ENVIRONMENT = "REGROUP_THEME"
"""light, dark or system: wins over the stored choice (screenshots, trying a scheme)."""
FUSION_CHOSEN = "regroupFusionChosen"
"""Set on an application made by :func:`with_fusion`: Qt took Fusion from its arguments."""
FOLDER = Path(regroup.resources.__file__).parent / "theme"
NAMES = (
    "window",
    "surface",
    "surface_alt",
    "text",
    "text_muted",
    "accent",
    "accent_text",
    "border",
    "focus",
    "warning",
    "overdue",
    "done",
    "mood1",
    "mood2",
    "mood3",
    "mood4",
    "mood5",
)
"""The colours every scheme has and painting code may ask for (others are for the sheet)."""


class Scheme:
    """One scheme's colours by name (as "#rrggbb") and its calm category colours.

    A plain class: a dataclass would cost start-up time for nothing.
    """

    __slots__ = ("categories", "colours", "name")

    def __init__(self, name: str, colours: dict[str, str], categories: tuple[str, ...]) -> None:
        self.name = name
        self.colours = colours
        self.categories = categories

    def qcolor(self, name: str) -> QColor:
        """Return the colour ``name``; a name the scheme lacks is a programming error."""
        return QColor(self.colours[name])


@cache
def schemes() -> dict[str, Scheme]:
    """Return the light and dark schemes read from ``palette.json`` (once)."""
    data = json.loads((FOLDER / "palette.json").read_text(encoding="utf-8"))
    found = {}
    for name in (LIGHT, DARK):
        colours = {key: value for key, value in data[name].items() if isinstance(value, str)}
        found[name] = Scheme(name, colours, tuple(data[name]["category"]))
    return found


PLACEHOLDER = re.compile(r"\$\{?(\w+)\}?")
"""A value in the style sheet template: $name or ${name}."""


@cache
def _template() -> str:
    return (FOLDER / "style.qss").read_text(encoding="utf-8")


def type_scale(body_pt: float) -> dict[str, str]:
    """Return the text sizes, in points, for a system font of ``body_pt`` points."""
    return {
        "title_pt": f"{round(body_pt * 1.6)}",
        "heading_pt": f"{round(body_pt * 1.25)}",
        "body_pt": f"{round(body_pt)}",
        "caption_pt": f"{max(8, round(body_pt) - 1)}",
        "writing_pt": f"{round(body_pt * 1.15, 1)}",
    }


def style_sheet(scheme: Scheme, body_pt: float = 10) -> str:
    """Return the application style sheet filled with ``scheme``'s colours."""
    check = (FOLDER / f"check-{scheme.name}.svg").as_posix()
    values = {**scheme.colours, **type_scale(body_pt), "check_image": check}
    return PLACEHOLDER.sub(lambda found: values[found[1]], _template())


def qpalette(scheme: Scheme) -> QPalette:
    """Return a QPalette for ``scheme``: what Fusion paints with where no sheet rule does."""
    c = scheme.qcolor
    role = QPalette.ColorRole
    palette = QPalette()
    for part, name in (
        (role.Window, "window"),
        (role.WindowText, "text"),
        (role.Base, "surface"),
        (role.AlternateBase, "surface_alt"),
        (role.Text, "text"),
        (role.Button, "surface"),
        (role.ButtonText, "text"),
        (role.BrightText, "accent_text"),
        (role.Highlight, "accent"),
        (role.HighlightedText, "accent_text"),
        (role.Accent, "accent"),
        (role.Link, "link"),
        (role.LinkVisited, "link"),
        (role.PlaceholderText, "text_muted"),
        (role.ToolTipBase, "surface_alt"),
        (role.ToolTipText, "text"),
        (role.Light, "surface"),
        (role.Midlight, "border_soft"),
        (role.Mid, "border"),
        (role.Dark, "border"),
        (role.Shadow, "text"),
    ):
        palette.setColor(part, c(name))
    disabled = QPalette.ColorGroup.Disabled
    for part in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(disabled, part, c("border"))
    palette.setColor(disabled, role.Base, c("window"))
    palette.setColor(disabled, role.Highlight, c("border_soft"))
    return palette


def system_scheme() -> str:
    """Return the scheme the desktop asks for now (light when it does not say)."""
    hints = QGuiApplication.styleHints()
    return DARK if hints.colorScheme() == Qt.ColorScheme.Dark else LIGHT


def resolve_choice(stored: str | None) -> str:
    """Return the choice to apply: ``REGROUP_THEME`` if set and valid, else ``stored``."""
    wanted = os.environ.get(ENVIRONMENT, "").strip().lower()
    if wanted in CHOICES:
        return wanted
    return stored if stored in CHOICES else SYSTEM


class Theme(QObject):
    """The scheme on show, and the app it is applied to; ``changed`` says which scheme."""

    changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.choice = SYSTEM
        self.scheme = schemes()[LIGHT]
        self._app: QApplication | None = None
        self._applied = ""

    def apply(self, app: QApplication, choice: str = SYSTEM) -> None:
        """Style ``app`` for ``choice`` now, and keep following the desktop if "system"."""
        if choice not in CHOICES:
            raise ValueError(f"unknown theme choice {choice!r}")
        hints = QGuiApplication.styleHints()
        if self._app is not app:
            self._app = app
            # Asking for the style builds QStyle's Python enums (about 15 ms of every start),
            # so an application made with Fusion already (``with_fusion``) is not asked.
            if not app.property(FUSION_CHOSEN) and app.style().name().lower() != "fusion":
                app.setStyle("Fusion")
            hints.colorSchemeChanged.connect(self._system_changed)
        self.choice = choice
        if choice == SYSTEM:
            hints.unsetColorScheme()
        else:  # native title bars and dialogs follow too where the platform allows
            hints.setColorScheme(Qt.ColorScheme.Dark if choice == DARK else Qt.ColorScheme.Light)
        self._show(system_scheme() if choice == SYSTEM else choice)

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == SYSTEM:
            self._show(system_scheme())

    def _show(self, name: str) -> None:
        app = self._app
        if app is None or name == self._applied:
            return
        self.scheme = schemes()[name]
        self._applied = name
        app.setPalette(qpalette(self.scheme))
        app.setStyleSheet(style_sheet(self.scheme, app.font().pointSizeF()))
        self.changed.emit(name)


@cache
def theme() -> Theme:
    """Return the app's one Theme (created on first use, light until applied)."""
    return Theme()


def with_fusion(argv: list[str]) -> QApplication:
    """Return a new QApplication that uses the Fusion style, the one every scheme is drawn on.

    Qt's own ``-style`` argument sets it without building QStyle's Python type at start.
    """
    app = QApplication([*argv, "-style", "Fusion"])
    app.setProperty(FUSION_CHOSEN, True)
    return app


def apply(app: QApplication, choice: str = SYSTEM) -> None:
    """Style ``app`` for ``choice`` ("system", "light" or "dark")."""
    theme().apply(app, choice)


def changed() -> SignalInstance:
    """Return the signal emitted with "light" or "dark" after the scheme changed."""
    return theme().changed


def scheme_name() -> str:
    """Return "light" or "dark": the scheme on show."""
    return theme().scheme.name


def colour(name: str) -> QColor:
    """Return the colour ``name`` of the scheme on show (a new QColor each time)."""
    return theme().scheme.qcolor(name)


def category_colour(text: str) -> QColor:
    """Return a calm colour for a category: the same text always gets the same one."""
    categories = theme().scheme.categories
    key = text.strip().casefold().encode("utf-8")
    return QColor(categories[zlib.crc32(key) % len(categories)])


def set_style(widget: QWidget, name: str, value: object) -> None:
    """Set the style property ``name`` on a widget already shown, and restyle it.

    A property set before the widget is first shown needs no more than setProperty;
    after that the style sheet only notices it when the widget is polished again.
    """
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
