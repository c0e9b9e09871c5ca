"""The entry list reads only what it shows, whatever the size of the diary."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from pytestqt.qtbot import QtBot

from regroup.core.diary.types import EntryContent, EntrySummary
from regroup.core.profile import Profile
from regroup.gui.diary.list_model import BLOCK_SIZE, NEWEST_ROWS, EntryListModel, row_text
from regroup.gui.diary.list_view import Ink, draw_runs, row_runs, snippet_runs
from regroup.gui.main_window import MainWindow
from tests.gui.conftest import diary, show_window

START = dt.date(2015, 1, 1)


def _journal(profile: Profile, count: int) -> None:
    profile.diary.add_many(
        EntryContent(f"entry number {i}", entry_date=START + dt.timedelta(days=i))
        for i in range(count)
    )


def test_scrolling_a_long_diary_builds_only_the_rows_on_screen(
    qtbot: QtBot, profile: Profile
) -> None:
    _journal(profile, 3000)
    panel = diary(show_window(qtbot, profile)).panel
    model, view = panel.model, panel.view
    assert model.rowCount() == 3000
    assert model.rows_built <= NEWEST_ROWS
    assert "entry number 2999" in model.index(0).data()
    bar = view.verticalScrollBar()
    before = model.rows_built
    bar.setValue(bar.maximum() // 2)
    qtbot.waitUntil(lambda: model.rows_built > before)
    shown = view.visible_rows()
    assert shown.start > 1000 and len(shown) < BLOCK_SIZE
    assert model.rows_built - before <= 2 * BLOCK_SIZE
    assert model.rows_built < 3000 / 5
    number = 2999 - shown.start
    assert f"entry number {number}" in model.index(shown.start).data()


def test_the_list_starts_with_the_newest_block_and_completes_after_it_shows(
    qtbot: QtBot, profile: Profile
) -> None:
    _journal(profile, NEWEST_ROWS + 50)
    model = EntryListModel(profile.browse)
    model.show_newest()
    assert not model.complete and model.rowCount() == NEWEST_ROWS
    assert "entry number 149" in model.index(0).data()
    assert "entry number 50" in model.index(NEWEST_ROWS - 1).data()
    assert model.fetches == 0  # every newest row was read with the list
    assert not model.load_more(30)
    assert model.rowCount() == NEWEST_ROWS + 30 and "entry number 20" in model.index(129).data()
    assert model.load_more(30)
    assert model.complete and model.rowCount() == NEWEST_ROWS + 50
    assert "entry number 0" in model.index(NEWEST_ROWS + 49).data()


def test_an_edit_refreshes_its_row_and_new_or_trashed_entries_reload_the_list(
    qtbot: QtBot, profile: Profile
) -> None:
    _journal(profile, 10)
    window = show_window(qtbot, profile)
    model = diary(window).panel.model
    newest = model.entry_id(0)
    profile.diary.update(newest, EntryContent("rewritten", entry_date=START + dt.timedelta(9)))
    window.events.entry_edited.emit(newest)
    assert "rewritten" in model.index(0).data()
    profile.diary.trash(newest)
    window.events.entries_changed.emit()
    assert model.rowCount() == 9 and model.row_of(newest) == -1


def test_rows_read_as_day_mood_title_and_tags_and_snippets_keep_their_text() -> None:
    summary = EntrySummary(1, dt.date(2026, 11, 25), "Call <back>", "preview", 4, ("job",))
    assert row_text(summary) == "Wed, 25 Nov 2026 · 4 Good · Call <back>  #job"
    first, second = row_runs(summary, "")
    assert "".join(text for text, _ink in first) == "Wed, 25 Nov 2026 · 4 Good · Call <back>"
    assert second == [("#job  ", Ink.TAG), ("preview", Ink.DIM)]
    assert snippet_runs("<i>\x02interview\x03</i>\nnext") == [
        ("<i>", Ink.DIM),
        ("interview", Ink.FOUND),
        ("</i> next", Ink.DIM),
    ]


def test_a_row_too_long_for_the_list_ends_in_an_ellipsis_not_a_clipped_letter() -> None:
    title = "A very long title about the second interview with the whole design team"
    summary = EntrySummary(1, dt.date(2026, 11, 25), title, "preview", 2, ())
    first, _second = row_runs(summary, "")
    font = QFont()
    strong = QFont(font)
    strong.setBold(True)
    image = QImage(400, 40, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    inks = dict.fromkeys(Ink, QColor("black"))
    drawn = draw_runs(painter, QRect(0, 0, 260, 20), first, {False: font, True: strong}, inks)
    painter.end()
    assert drawn[:2] == ["Wed, 25 Nov 2026", " · 2 Low"] and drawn[-1].endswith("…")
    assert f" · {title}".startswith(drawn[-1].removesuffix("…"))
    widths = QFontMetrics(strong).horizontalAdvance(drawn[0]) + sum(
        QFontMetrics(font).horizontalAdvance(piece) for piece in drawn[1:]
    )
    assert widths <= 260


def test_the_diary_reaches_the_screen_before_older_entries_are_read(
    qtbot: QtBot, profile: Profile
) -> None:
    _journal(profile, NEWEST_ROWS + 50)
    window = MainWindow(profile)
    qtbot.addWidget(window)
    listed_when_shown: list[int] = []
    window.diary_shown.connect(
        lambda: listed_when_shown.append(diary(window).panel.model.rowCount())
    )
    window.show()
    qtbot.waitUntil(lambda: bool(listed_when_shown))
    assert listed_when_shown == [NEWEST_ROWS]
    model = diary(window).panel.model
    qtbot.waitUntil(lambda: model.complete)
    assert model.rowCount() == NEWEST_ROWS + 50
