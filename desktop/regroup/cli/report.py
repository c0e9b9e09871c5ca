"""``regroup report``: the Insights figures as a PDF to keep, names left out unless asked."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from regroup.cli.arguments import command, date_range_options
from regroup.cli.output import error, plural
from regroup.cli.profile import opened

if TYPE_CHECKING:
    from regroup.cli.arguments import Commands


def register(commands: Commands) -> None:
    report = command(
        commands,
        "report",
        "write the Insights figures to a PDF to keep",
        "Write a PDF of what your records show: how far applications got, feedback and "
        "how the news came, mood around the news, time to move on, direction by kind of "
        "role, lessons that repeat, goals done, and preparation, each chart with its "
        "reading. Company names and diary text are left out unless you add --names, so "
        "the file can be shared by choice. It is drawn with the system's fonts and works "
        "without a display. The file is not encrypted.",
        _run_report,
    )
    report.add_argument(
        "--output", "-o", type=Path, required=True, metavar="FILE", help="the PDF file to write"
    )
    date_range_options(
        report,
        "only debriefs, moods and goals from this day on (default: from the first)",
        "only up to this day (default: today)",
    )
    report.add_argument(
        "--names",
        action="store_true",
        help="include company names and lines from your diary (left out by default)",
    )
    report.add_argument("--force", action="store_true", help="replace FILE if it exists")


def _offscreen_without_display() -> None:
    """Let Qt draw without a screen, as ``regroup export --format pdf`` does."""
    import os

    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _run_report(args: argparse.Namespace, data_dir: Path) -> int:
    if args.date_from and args.date_to and args.date_from > args.date_to:
        return error(f"--from {args.date_from} is after --to {args.date_to}")
    target = args.output.expanduser().absolute()
    from regroup.cli.exchange import target_problem

    problem = target_problem(target, args.force)
    if problem:
        return error(problem)
    from regroup.core.insights.report import report_period

    _offscreen_without_display()
    from PySide6.QtGui import QGuiApplication

    from regroup.gui.exchange.report_pdf import write_report

    with opened(data_dir) as profile:
        app = QGuiApplication.instance() or QGuiApplication(["regroup"])
        period = report_period(args.date_from, args.date_to)
        document = write_report(profile, target, period, args.names, replace=args.force)
        del app
    names = "with company names and diary lines" if document.names else "without names"
    print(f"Wrote the report ({plural(len(document.charts), 'chart')}, {names}) to {target}.")
    print("The file is not encrypted; keep it somewhere safe.", file=sys.stderr)
    return 0
