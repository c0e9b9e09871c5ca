"""What File › Export… and File › Export report… share: a PDF painted behind a progress dialog.

Laying out and painting many pages takes a second or two. It runs on the window's
own thread, page after page, while a window-modal progress dialog keeps the window
drawn between pages: PySide6 holds Python's lock through many Qt calls, and a
worker thread laying out a QTextDocument while the window's thread deleted an
object deadlocked (seen in CI). The dialog cannot be closed until the painting has
finished, and nothing is written if painting fails.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regroup.gui.exchange.pdf_writer import Progress

Paint = Callable[[Progress], bytes]


class PdfJob(QObject):
    """Runs ``paint`` (which returns a PDF's bytes) once the window's events have settled."""

    progressed = Signal(int, int)
    painted = Signal(bytes)
    failed = Signal(str)

    def __init__(self, paint: Paint, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paint = paint
        self.what = what
        self.done = False

    def start(self) -> None:
        """Paint after the click that asked for it has been handled."""
        QTimer.singleShot(0, self, self.run)

    def run(self) -> None:
        """Paint now; each page reports progress, which lets the window redraw."""
        try:
            data = self.paint(lambda page, pages: self.progressed.emit(page, pages))
        except Exception as exc:
            self.done = True
            self.failed.emit(f"The {self.what} could not be made: {exc}")
            return
        self.done = True
        self.painted.emit(data)


class PaintingDialog(QDialog):
    """A dialog that writes a file, painting a PDF behind a progress dialog when it is one.

    Subclasses give ``choose_file`` (the "Choose…" button) and ``start`` (the
    export button).
    """

    export_button: QPushButton
    path_edit: QLineEdit

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: PdfJob | None = None
        self.progress: QProgressDialog | None = None
        self.setWindowTitle(title)

    def choose_file(self) -> None:
        raise NotImplementedError

    def start(self) -> None:
        raise NotImplementedError

    def file_row(self, placeholder: str) -> QHBoxLayout:
        """Return the row with the file to write (``path_edit``) and its "Choose…" button."""
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName("File to write")
        self.path_edit.setPlaceholderText(placeholder)
        choose = QPushButton("Choose…")
        choose.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        return row

    def add_buttons(self, column: QVBoxLayout, note: str, action: str) -> None:
        """End ``column`` with a small ``note``, Cancel and the one main button."""
        label = QLabel(note)
        label.setWordWrap(True)
        label.setProperty("textStyle", "caption")
        column.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setProperty("buttonStyle", "primary")
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    def replace_asked(self, target: Path, what: str) -> bool:
        """Ask before an existing file is replaced; no is the default."""
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            f"{target.name} already exists. Replace it with this {what}?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        """Stay open while a PDF is being painted: it must finish first."""
        if self.job is None:
            super().reject()

    def start_painting(
        self, paint: Paint, what: str, first_words: str, painted: Callable[[bytes], None]
    ) -> None:
        """Paint behind a progress dialog, then hand the bytes to ``painted``."""
        self.export_button.setEnabled(False)
        self.progress = QProgressDialog(first_words, "", 0, 0, self)
        self.progress.setCancelButton(None)
        self.progress.setWindowTitle(self.windowTitle())
        self.progress.setMinimumDuration(300)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)  # setValue redraws
        self.job = PdfJob(paint, what, self)
        self.job.progressed.connect(self._on_progress)
        self.job.failed.connect(self._on_failed)
        self.job.painted.connect(lambda data: self._on_painted(data, painted))
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
        self.job = None
        self.export_button.setEnabled(True)

    def _on_failed(self, message: str) -> None:
        self._finish_job()
        QMessageBox.warning(self, self.windowTitle(), message + " Nothing was written.")

    def _on_painted(self, data: bytes, painted: Callable[[bytes], None]) -> None:
        self._finish_job()
        painted(data)
