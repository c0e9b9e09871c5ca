"""File › Export report…: the period, whether names go in, and the file; then the PDF.

The figures are computed on the window's thread (the profile's connection lives
there, and the figures take a fraction of a second); the charts are drawn and the
pages painted behind a progress dialog (see ``painting``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from regroup.core.errors import RegroupError
from regroup.core.exchange.print_document import save_printed
from regroup.core.insights.report import ReportDocument, report_document
from regroup.core.insights.types import Period, PeriodKind
from regroup.core.profile import Profile
from regroup.gui.exchange.painting import PaintingDialog
from regroup.gui.exchange.report_pdf import render_report
from regroup.gui.kit.date_field import DateField

TITLE = "Export report"
PERIODS = (
    ("The last 3 months", PeriodKind.LAST_3_MONTHS),
    ("The last 12 months", PeriodKind.LAST_12_MONTHS),
    ("Everything", PeriodKind.ALL),
    ("Between two days", PeriodKind.CUSTOM),
)
NAMES_HINT = (
    "Left unticked, the report names no company and quotes no diary entry, so you can "
    "share it if you want to."
)
NOT_ENCRYPTED = "The file is not encrypted; keep it somewhere safe."


class ReportDialog(PaintingDialog):
    """The choices of a report, and the report itself."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(TITLE, parent)
        self.profile = profile
        self.result_text = ""
        self._build()
        self._update()

    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setSpacing(12)
        intro = QLabel(
            "A PDF of what your records show: each chart of the Insights page with its "
            "reading, the goals you finished and the lessons that came back."
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        form = QFormLayout()
        self.period_box = QComboBox()
        self.period_box.setAccessibleName("Period of the report")
        for label, _kind in PERIODS:
            self.period_box.addItem(label)
        self.period_box.setCurrentIndex(2)
        self.from_edit = DateField("First day", placeholder="Any day")
        self.to_edit = DateField("Last day", placeholder="Any day")
        days = QHBoxLayout()
        days.addWidget(QLabel("from"))
        days.addWidget(self.from_edit)
        days.addWidget(QLabel("to"))
        days.addWidget(self.to_edit)
        days.addStretch()
        period = QVBoxLayout()
        period.addWidget(self.period_box)
        period.addLayout(days)
        form.addRow("Period:", period)
        self.names_box = QCheckBox("Include company names and diary text")
        names_hint = QLabel(NAMES_HINT)
        names_hint.setWordWrap(True)
        names_hint.setProperty("textStyle", "caption")
        names = QVBoxLayout()
        names.addWidget(self.names_box)
        names.addWidget(names_hint)
        form.addRow("Names:", names)
        file_row = self.file_row("Choose where to save the report")
        form.addRow("File:", file_row)
        column.addLayout(form)
        self.add_buttons(column, NOT_ENCRYPTED.replace("The file", "The report"), "Export report")
        self.period_box.currentIndexChanged.connect(lambda *_: self._update())
        self.path_edit.textChanged.connect(lambda *_: self._update())

    @property
    def period_kind(self) -> PeriodKind:
        return PERIODS[max(0, self.period_box.currentIndex())][1]

    def period(self) -> Period:
        """Return the period chosen; "between two days" leaves an empty end open."""
        kind = self.period_kind
        if kind is PeriodKind.CUSTOM:
            return Period(self.from_edit.value(), self.to_edit.value(), PeriodKind.CUSTOM)
        return Period.of_kind(kind, self.profile.insights.today())

    def _update(self) -> None:
        custom = self.period_kind is PeriodKind.CUSTOM
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        self.export_button.setEnabled(bool(self.path_edit.text().strip()))

    def choose_file(self) -> None:
        today = self.profile.insights.today()
        suggested = self.path_edit.text() or str(Path.home() / f"regroup-report-{today}.pdf")
        path, _filter = QFileDialog.getSaveFileName(self, TITLE, suggested, "PDF files (*.pdf)")
        if path:
            self.path_edit.setText(path)

    def start(self) -> None:
        """Compute the figures here, then draw and paint them behind a progress dialog."""
        for field in (self.from_edit, self.to_edit):
            if field.isEnabled() and not field.is_valid():
                QMessageBox.information(self, TITLE, field.problem())
                return
        target = Path(self.path_edit.text().strip()).expanduser()
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        if target.is_dir():
            QMessageBox.information(self, TITLE, f"{target} is a folder; name a file.")
            return
        if target.exists() and not self.replace_asked(target, "report"):
            return
        period = self.period()
        if period.date_from and period.date_to and period.date_from > period.date_to:
            QMessageBox.information(self, TITLE, "The first day is after the last day.")
            return
        try:
            figures = self.profile.insights.insights(period)
            document = report_document(self.profile.db, figures, self.names_box.isChecked())
        except RegroupError as exc:
            QMessageBox.warning(self, TITLE, str(exc))
            return
        self._start_job(document, target)

    def _start_job(self, document: ReportDocument, target: Path) -> None:
        def painted(data: bytes) -> None:
            try:
                save_printed(target, data, self.profile.db)
            except RegroupError as exc:
                QMessageBox.warning(self, TITLE, str(exc))
                return
            self.result_text = f"Saved the report to {target}. {NOT_ENCRYPTED}"
            QMessageBox.information(self, TITLE, self.result_text)
            self.accept()

        paint = partial(render_report, document)
        self.start_painting(paint, "report", "Drawing the charts…", painted)
