"""The look: every text readable in light and dark, the scheme chosen or followed, icons tinted."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from regroup.gui.kit import icons, theme

BACKGROUNDS = ("window", "surface", "surface_alt")
"""Where text without a background of its own may stand."""
DECORATIVE = {"border_soft"}
"""Lines that only group (cards): WCAG asks no contrast of them."""
VARIABLE = theme.PLACEHOLDER


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(part) for part in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(QColor(one)), luminance(QColor(other))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def rules() -> Iterator[tuple[str, dict[str, str]]]:
    """Yield each rule of the style sheet template: its selector and its declarations."""
    text = re.sub(r"/\*.*?\*/", "", (theme.FOLDER / "style.qss").read_text(), flags=re.S)
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", text):
        declarations = {}
        for part in body.split(";"):
            name, _, value = part.partition(":")
            if value.strip():
                declarations[name.strip()] = value.strip()
        yield selector.strip(), declarations


def colour_in(value: str | None) -> str | None:
    found = VARIABLE.findall(value or "")
    names = [name for name in found if not name.endswith("_pt")]
    return names[-1] if names else None


def text_pairs() -> set[tuple[str, str]]:
    """Every text colour on its background, as the style sheet and the palette pair them.

    Disabled controls are left out, as WCAG leaves them out.
    """
    pairs = {
        ("text", "window"),
        ("text", "surface"),
        ("text_muted", "surface"),  # placeholders and the quiet line of list rows
        ("accent_text", "accent"),  # selected text in fields
        ("text", "accent_soft"),  # a selected row
        ("text", "overdue_soft"),  # a banner's message
        ("accent", "surface"),  # tags in list rows, calendar marks
        ("link", "surface"),
    }
    for selector, declarations in rules():
        if ":disabled" in selector:
            continue
        ink = colour_in(declarations.get("color"))
        ground = colour_in(declarations.get("background"))
        if ink is None:
            continue
        if ground is not None:
            pairs.add((ink, ground))
        else:
            pairs.update((ink, background) for background in BACKGROUNDS)
    return pairs


def line_pairs() -> set[tuple[str, str]]:
    """Every control border and focus ring against where the control stands."""
    pairs = set()
    for selector, declarations in rules():
        if ":disabled" in selector:
            continue
        for name in ("border", "border-color"):
            line = colour_in(declarations.get(name))
            if line is not None and line not in DECORATIVE:
                pairs.update((line, background) for background in ("window", "surface"))
    return pairs


@pytest.mark.parametrize("scheme", [theme.LIGHT, theme.DARK])
def test_every_text_is_readable_in_both_schemes(scheme: str) -> None:
    colours = theme.schemes()[scheme].colours
    pairs = text_pairs()
    assert ("text_muted", "window") in pairs  # captions, the help under debrief sections
    weak = {
        (ink, ground): round(contrast(colours[ink], colours[ground]), 2)
        for ink, ground in pairs
        if contrast(colours[ink], colours[ground]) < 4.5
    }
    assert weak == {}


@pytest.mark.parametrize("scheme", [theme.LIGHT, theme.DARK])
def test_control_borders_focus_rings_and_moods_stand_out(scheme: str) -> None:
    colours = theme.schemes()[scheme].colours
    pairs = line_pairs() | {(f"mood{n}", "surface") for n in range(1, 6)}
    assert ("focus", "window") in pairs
    weak = {pair for pair in pairs if contrast(colours[pair[0]], colours[pair[1]]) < 3}
    assert weak == set()


@pytest.mark.parametrize("scheme", [theme.LIGHT, theme.DARK])
def test_each_scheme_has_every_named_colour_and_fills_the_sheet(scheme: str) -> None:
    chosen = theme.schemes()[scheme]
    assert set(theme.NAMES) <= set(chosen.colours)
    sheet = theme.style_sheet(chosen, 10)
    assert "$" not in sheet
    assert chosen.colours["accent"] in sheet


def test_categories_keep_their_colour_and_are_all_readable() -> None:
    first = theme.category_colour("Interview practice")
    assert theme.category_colour("  interview PRACTICE ") == first
    spread = {theme.category_colour(name).name() for name in ("Skills", "Network", "Health", "CV")}
    assert len(spread) > 1
    for scheme in theme.schemes().values():
        for category in scheme.categories:
            assert contrast(category, scheme.colours["surface"]) >= 4.5


@pytest.fixture
def app_theme(qapp: QApplication) -> Iterator[theme.Theme]:
    """The app styled by the theme, back to light (and following the system) afterwards."""
    yield theme.theme()
    theme.apply(qapp, theme.LIGHT)
    theme.apply(qapp, theme.SYSTEM)


def test_choosing_dark_repaints_at_once_and_says_so(
    qapp: QApplication, qtbot: QtBot, app_theme: theme.Theme
) -> None:
    theme.apply(qapp, theme.LIGHT)
    label = QLabel("Help under a section")
    label.setProperty("textStyle", "caption")
    qtbot.addWidget(label)
    label.show()
    light_caption = label.palette().color(label.foregroundRole()).name()
    assert light_caption == theme.schemes()[theme.LIGHT].colours["text_muted"]
    with qtbot.waitSignal(theme.changed()) as blocker:
        theme.apply(qapp, theme.DARK)
    assert blocker.args == [theme.DARK]
    assert theme.scheme_name() == theme.DARK
    assert theme.colour("window").name() == theme.schemes()[theme.DARK].colours["window"]
    assert qapp.palette().window().color() == theme.colour("window")
    assert label.palette().color(label.foregroundRole()).name() != light_caption


def test_following_the_system_changes_with_the_desktop(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, app_theme: theme.Theme
) -> None:
    theme.apply(qapp, theme.SYSTEM)
    monkeypatch.setattr(theme, "system_scheme", lambda: theme.DARK)
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.scheme_name() == theme.DARK
    theme.apply(qapp, theme.LIGHT)  # a fixed choice no longer follows
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.scheme_name() == theme.LIGHT


def test_the_environment_overrides_the_stored_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(theme.ENVIRONMENT, raising=False)
    assert theme.resolve_choice("dark") == "dark"
    assert theme.resolve_choice("purple") == "system"
    assert theme.resolve_choice(None) == "system"
    monkeypatch.setenv(theme.ENVIRONMENT, " Light ")
    assert theme.resolve_choice("dark") == "light"
    monkeypatch.setenv(theme.ENVIRONMENT, "neon")
    assert theme.resolve_choice("dark") == "dark"


def test_icons_take_the_scheme_colour_and_follow_a_change(
    qapp: QApplication, app_theme: theme.Theme
) -> None:
    theme.apply(qapp, theme.LIGHT)
    plus = icons.icon("plus")

    def ink(mode: QIcon.Mode = QIcon.Mode.Normal) -> set[str]:
        image = plus.pixmap(QSize(24, 24), mode).toImage()
        return {
            image.pixelColor(x, y).name()
            for x in range(24)
            for y in range(24)
            if image.pixelColor(x, y).alpha() == 255
        }

    assert ink() == {theme.colour("text").name()}
    assert ink(QIcon.Mode.Disabled) == {theme.colour("border").name()}
    theme.apply(qapp, theme.DARK)
    assert ink() == {theme.colour("text").name()}


def test_every_icon_the_app_names_is_bundled_with_its_licence() -> None:
    from regroup.gui.kit.page_parts import VERB_ICONS
    from regroup.gui.main_window import PAGES
    from regroup.gui.settings.appearance_section import OPTIONS

    named = {entry.icon for entry in PAGES} | set(VERB_ICONS.values())
    named |= {name for _choice, _title, name in OPTIONS}
    named |= {
        "app-window",
        "plus",
        "calendar-check",
        "player-pause",
        "moon",
        "bell",
        "lock",
        "power",
        "x",
    }
    assert named <= set(icons.available())
    assert "MIT License" in (icons.FOLDER / "LICENSE").read_text()
    with pytest.raises(FileNotFoundError):
        icons.icon("no-such-icon")


@pytest.mark.parametrize("scheme", [theme.LIGHT, theme.DARK])
def test_a_ticked_box_draws_its_tick_in_the_colour_of_text_on_the_accent(scheme: str) -> None:
    chosen = theme.schemes()[scheme]
    tick = (theme.FOLDER / f"check-{scheme}.svg").read_text()
    assert f'stroke="{chosen.colours["accent_text"]}"' in tick
    assert f"check-{scheme}.svg" in theme.style_sheet(chosen)


def test_the_window_is_made_with_fusion_even_where_the_desktop_asks_for_another() -> None:
    """The schemes are drawn on Fusion; the application gets it from its arguments."""
    import os
    import subprocess
    import sys

    script = (
        "from regroup.gui.kit.theme import with_fusion\n"
        "app = with_fusion(['regroup'])\n"
        "print(app.style().name())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "windows"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "fusion"


def test_a_tone_set_on_a_shown_label_takes_its_colour_at_once(
    qapp: QApplication, qtbot: QtBot, app_theme: theme.Theme
) -> None:
    theme.apply(qapp, theme.LIGHT)
    colours = theme.schemes()[theme.LIGHT].colours
    label = QLabel("Saved")
    label.setProperty("textTone", "muted")
    qtbot.addWidget(label)
    label.show()
    assert label.palette().color(label.foregroundRole()).name() == colours["text_muted"]
    theme.set_style(label, "textTone", "error")
    assert label.palette().color(label.foregroundRole()).name() == colours["overdue"]
    theme.set_style(label, "textTone", "muted")
    assert label.palette().color(label.foregroundRole()).name() == colours["text_muted"]
