"""What a PDF export prints, in which order, with everything typed shown as text."""

from __future__ import annotations

import datetime as dt

from regroup.core.diary.types import EntryContent
from regroup.core.exchange.print_document import print_document, printable
from regroup.core.exchange.readable import Readable, ReadableEntry, Scope
from regroup.core.profile import Profile
from tests.core.conftest import Plans
from tests.core.exchange.test_markdown_export import build_everything


def test_everything_is_printed_title_page_first_then_diary_debriefs_and_goals(
    plans: Plans, profile: Profile
) -> None:
    build_everything(plans, profile)
    profile.diary.add(EntryContent("Later", title="Second", entry_date=dt.date(2026, 3, 18)))

    document = printable(profile.db, Scope.everything(), plans.clock)

    page = document.html
    assert document.title == "Regroup: diary, debriefs and goals"
    assert '<p class="range">2026-03-16 to 2026-03-18</p>' in page
    assert "2 entries, 1 debrief, 3 goals and 1 check-in." in page
    order = [
        "<h1>Diary</h1>",
        "<h2>Monday, 16 March 2026</h2>",
        "<h2>Wednesday, 18 March 2026</h2>",
        "<h1>Debriefs</h1>",
        "<h3>Move-on check-in</h3>",
        "<h1>Goals</h1>",
    ]
    assert [page.index(part) for part in order] == sorted(page.index(part) for part in order)
    assert page.count('style="page-break-before: always"') == 3
    assert '<td class="label">Keep looking for this kind of job</td><td>Not sure</td>' in page
    assert "<p>A walk<br/>and a call with Sam</p>" in page
    assert "<li>Taking it personally</li><li>Mind-reading</li>" in page


def test_typed_markup_is_shown_as_text_and_nul_cannot_break_the_layout() -> None:
    entry = ReadableEntry(
        dt.date(2026, 3, 1), "<b>bold?</b>", "a <script>x</script> & \x00 b", 3, ("<tag>",)
    )

    page = print_document(Readable(Scope.diary_only(), (entry,), (), ()), dt.date(2026, 3, 2)).html

    assert "<h3>&lt;b&gt;bold?&lt;/b&gt;</h3>" in page
    assert "<p>a &lt;script&gt;x&lt;/script&gt; &amp; \ufffd b</p>" in page
    assert "#&lt;tag&gt;" in page
    assert "\x00" not in page


def test_an_empty_diary_still_prints_a_kind_page() -> None:
    page = print_document(Readable(Scope.diary_only(), (), (), ()), dt.date(2026, 3, 2)).html
    assert "There is nothing to show here yet." in page
    assert "0 entries" in page
