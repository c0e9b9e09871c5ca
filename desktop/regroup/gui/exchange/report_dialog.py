"""File › Export report…: the period, whether names go in, and the file; then the PDF.

The figures are computed on the window's thread (the profile's connection lives
there, and the figures take a fraction of a second); the charts are drawn and the
pages painted on a worker thread behind a progress dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regroup.core.errors import RegroupError
from regroup.core.exchange.print_document import save_printed
from regroup.core.insights.report import ReportDocument, report_document
from regroup.core.insights.types import Period, PeriodKind
from regroup.core.profile import Profile
from regroup.gui.exchange.report_pdf import render_report
from regroup.gui.kit.form_fields import OptionalDateEdit

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


class ReportJob(QThread):
    """Draws the charts and paints the pages away from the window's thread."""

    progressed = Signal(int, int)
    painted = Signal(bytes)
    failed = Signal(str)

    def __init__(self, document: ReportDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document

    def run(self) -> None:
        try:
            data = render_report(self.document, self.progressed.emit)
        except Exception as exc:
            self.failed.emit(f"The report could not be made: {exc}")
            return
        self.painted.emit(data)


class ReportDialog(QDialog):
    """The choices of a report, and the report itself."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.job: ReportJob | None = None
        self.progress: QProgressDialog | None = None
        self.result_text = ""
        self.setWindowTitle(TITLE)
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
        for label, kind in PERIODS:
            self.period_box.addItem(label, kind)
        self.period_box.setCurrentIndex(2)
        self.from_edit = OptionalDateEdit("First day")
        self.to_edit = OptionalDateEdit("Last day")
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
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName("File to write")
        self.path_edit.setPlaceholderText("Choose where to save the report")
        choose = QPushButton("Choose…")
        choose.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(choose)
        form.addRow("File:", file_row)
        column.addLayout(form)
        note = QLabel(NOT_ENCRYPTED.replace("The file", "The report"))
        note.setProperty("textStyle", "caption")
        column.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(
            "Export report", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setProperty("buttonStyle", "primary")
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.period_box.currentIndexChanged.connect(lambda *_: self._update())
        self.path_edit.textChanged.connect(lambda *_: self._update())

    def period(self) -> Period:
        """Return the period chosen; "between two days" leaves an empty end open."""
        kind = self.period_box.currentData()
        if kind is PeriodKind.CUSTOM:
            return Period(self.from_edit.value(), self.to_edit.value(), PeriodKind.CUSTOM)
        return Period.of_kind(kind, self.profile.insights.today())

    def _update(self) -> None:
        custom = self.period_box.currentData() is PeriodKind.CUSTOM
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
        """Compute the figures here, then draw and paint them on a worker thread."""
        target = Path(self.path_edit.text().strip()).expanduser()
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        if target.is_dir():
            QMessageBox.information(self, TITLE, f"{target} is a folder; name a file.")
            return
        if target.exists() and not self._replace(target):
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

    def _replace(self, target: Path) -> bool:
        answer = QMessageBox.question(
            self,
            TITLE,
            f"{target.name} already exists. Replace it with this report?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        """Stay open while the report is being painted: its thread must finish first."""
        if self.job is None:
            super().reject()

    def _start_job(self, document: ReportDocument, target: Path) -> None:
        self.export_button.setEnabled(False)
        self.progress = QProgressDialog("Drawing the charts…", "", 0, 0, self)
        self.progress.setCancelButton(None)
        self.progress.setWindowTitle(TITLE)
        self.progress.setMinimumDuration(300)
        self.job = ReportJob(document, self)
        self.job.progressed.connect(self._on_progress)
        self.job.failed.connect(self._on_failed)
        self.job.painted.connect(lambda data: self._on_painted(data, target))
        self.job.start()

    def _on_progress(self, page: int, pages: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(pages)
            self.progress.setValue(page)
            self.progress.setLabelText(f"Page {page} of {pages}")

    def _finish_job(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress = None
        if self.job is not None:
            self.job.wait()
            self.job = None
        self.export_button.setEnabled(True)

    def _on_failed(self, message: str) -> None:
        self._finish_job()
        QMessageBox.warning(self, TITLE, message + " Nothing was written.")

    def _on_painted(self, data: bytes, target: Path) -> None:
        self._finish_job()
        try:
            save_printed(target, data)
        except RegroupError as exc:
            QMessageBox.warning(self, TITLE, str(exc))
            return
        self.result_text = f"Saved the report to {target}. {NOT_ENCRYPTED}"
        QMessageBox.information(self, TITLE, self.result_text)
        self.accept()
