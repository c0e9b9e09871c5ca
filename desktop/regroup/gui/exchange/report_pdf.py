"""The insights report as a PDF: the core lays it out, this module draws and prints it.

The command line and the window's File › Export report… both come through here,
so the file is the same whichever way it is made. A Qt GUI application must exist
(an offscreen one does): fonts and images need it, no screen does.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from regroup.core.exchange.print_document import save_printed
from regroup.core.insights.report import ReportDocument, chart_source, report_document
from regroup.gui.exchange.pdf_writer import Progress, render_pdf
from regroup.gui.exchange.report_charts import draw_chart

if TYPE_CHECKING:
    from regroup.core.insights.types import Period
    from regroup.core.profile import Profile


def render_report(document: ReportDocument, progress: Progress | None = None) -> bytes:
    """Return the report as PDF bytes, each chart drawn for the place its HTML names."""
    images = {chart_source(chart.key): draw_chart(chart) for chart in document.charts}
    return render_pdf(document, progress, images)


def write_report(
    profile: Profile,
    target: Path,
    period: Period,
    names: bool,
    progress: Progress | None = None,
    replace: bool = True,
) -> ReportDocument:
    """Compute the figures for ``period``, print them to ``target`` in one step, and say what."""
    figures = profile.insights.insights(period)
    document = report_document(profile.db, figures, names)
    save_printed(target, render_report(document, progress), profile.db, replace)
    return document
