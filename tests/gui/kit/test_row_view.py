"""Lists of equal rows stay fast at any length, and read and behave as lists."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from regroup.gui.kit.row_view import RowDelegate, RowView, fit, ink, inside, is_selected


class CountingModel(QAbstractListModel):
    """``rows`` rows of text that count how often they are read."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows
        self.data_calls = 0

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.rows

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        self.data_calls += 1
        if role == Qt.ItemDataRole.DisplayRole:
            return f"Row {index.row()}\nthe second line of row {index.row()}"
        return None


def shown_list(
    qtbot: QtBot, rows: int, scroll_per_pixel: bool = True
) -> tuple[RowView, CountingModel]:
    """A list of ``rows`` two-line rows on screen, painted once."""
    model = CountingModel(rows)
    view = RowView(RowDelegate(), "Things", scroll_per_pixel=scroll_per_pixel)
    view.setModel(model)
    view.resize(300, 400)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.first_painted):
        view.show()
    return view, model


def test_a_list_of_a_million_rows_reads_only_the_rows_it_paints(qtbot: QtBot) -> None:
    view, model = shown_list(qtbot, 1_000_000)
    shown = view.visible_rows()
    assert shown.start == 0 and 3 <= len(shown) < 30
    assert model.data_calls <= 12 * len(shown)
    model.data_calls = 0
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    view.viewport().repaint()
    assert view.visible_rows().stop == 1_000_000
    assert 0 < model.data_calls <= 12 * len(view.visible_rows())


def test_every_row_is_two_lines_of_the_font_and_some_air_high(qtbot: QtBot) -> None:
    view, model = shown_list(qtbot, 50)
    height = 2 * view.fontMetrics().lineSpacing() + 10
    assert {view.rowHeight(row) for row in (0, 1, 49)} == {height}
    option = QStyleOptionViewItem()
    option.fontMetrics = view.fontMetrics()
    model.data_calls = 0
    hint = view.itemDelegate().sizeHint(option, model.index(7))
    assert hint.height() == height and hint.width() == 200
    assert model.data_calls == 0  # Qt may ask for every row: the model is not read


def test_the_list_acts_as_a_list_of_one_choice_that_tab_leaves(qtbot: QtBot) -> None:
    view, model = shown_list(qtbot, 5)
    assert view.accessibleName() == "Things"
    assert not view.tabKeyNavigation() and not view.showGrid() and not view.wordWrap()
    assert view.selectionMode() is QAbstractItemView.SelectionMode.SingleSelection
    assert view.selectionBehavior() is QAbstractItemView.SelectionBehavior.SelectRows
    assert view.horizontalScrollBarPolicy() is Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert view.verticalScrollMode() is QAbstractItemView.ScrollMode.ScrollPerPixel
    assert view.horizontalHeader().isHidden() and view.verticalHeader().isHidden()
    view.setCurrentIndex(model.index(0))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert [index.row() for index in view.selectionModel().selectedRows()] == [2]


def test_a_list_may_scroll_a_whole_row_at_a_time(qtbot: QtBot) -> None:
    view, _model = shown_list(qtbot, 5, scroll_per_pixel=False)
    assert view.verticalScrollMode() is QAbstractItemView.ScrollMode.ScrollPerItem


def test_the_list_says_once_that_it_reached_the_screen(qtbot: QtBot) -> None:
    view, _model = shown_list(qtbot, 5)
    with qtbot.assertNotEmitted(view.first_painted):
        view.viewport().repaint()
        view.repaint()


def test_a_line_too_long_for_its_row_ends_in_an_ellipsis() -> None:
    metrics = QFontMetrics(QFont())
    long = "Prepare the portfolio page for the interview with the design team next week"
    cut = fit(metrics, long, 120)
    assert cut.endswith("…") and long.startswith(cut[:-1])
    assert metrics.horizontalAdvance(cut) <= 120
    assert fit(metrics, "Walk", 120) == "Walk"


def test_a_chosen_row_takes_the_selection_colour_whatever_its_own() -> None:
    option = QStyleOptionViewItem()
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#101010"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#808080"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#fefefe"))
    option.palette = palette
    warning = QColor("#b3261e")
    assert ink(option).name() == "#101010"
    assert ink(option, QPalette.ColorRole.PlaceholderText).name() == "#808080"
    assert ink(option, warning).name() == "#b3261e"
    chosen = [
        ink(option, selected=True),
        ink(option, QPalette.ColorRole.PlaceholderText, True),
        ink(option, warning, True),
    ]
    assert {colour.name() for colour in chosen} == {"#fefefe"}


class GroundOnly(RowDelegate):
    """Paints only what the style paints under a row, as the rich rows do."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.paint_ground(painter, option, index)


def test_the_chosen_row_is_known_and_its_ground_painted_without_its_text(qtbot: QtBot) -> None:
    model = CountingModel(5)
    view = RowView(GroundOnly(), "Things")
    view.setModel(model)
    view.resize(300, 400)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.first_painted):
        view.show()
    view.selectRow(1)
    option = QStyleOptionViewItem()
    option.widget = view
    assert [is_selected(option, model.index(row)) for row in range(3)] == [False, True, False]
    picture = view.viewport().grab().toImage()
    chosen = view.visualRect(model.index(1)).center()
    plain = view.visualRect(model.index(2))
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    painted = picture.pixelColor(chosen.x(), chosen.y())
    assert max(abs(a - b) for a, b in zip(painted.getRgb(), highlight.getRgb(), strict=True)) <= 3
    text = QColor(view.palette().color(QPalette.ColorRole.Text))
    row_pixels = {
        picture.pixelColor(x, y).name()
        for x in range(plain.left(), plain.right(), 2)
        for y in range(plain.top(), plain.bottom(), 2)
    }
    assert text.name() not in row_pixels  # the ground alone: no line of text


def test_what_a_row_draws_stays_inside_the_row() -> None:
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    with inside(painter, QRect(0, 0, 40, 10)):
        painter.translate(5, 5)
        painter.fillRect(QRect(-5, -5, 40, 40), Qt.GlobalColor.black)
    assert not painter.hasClipping() and painter.transform().isIdentity()
    painter.end()
    assert image.pixelColor(20, 5).name() == "#000000"
    assert image.pixelColor(20, 20).name() == "#ffffff"  # the next row is untouched
