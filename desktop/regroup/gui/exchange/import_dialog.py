"""File › Import…: choose a file or folder, see what would come in, then bring it in.

Nothing is written before Import is pressed. Reading and writing run on a worker
thread (import_worker) while a progress bar moves; the result is said in kind words
and the Diary and the other pages hear of the new records through DataEvents.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from regroup.core.errors import ImportFileError
from regroup.core.exchange.importers.service import (
    FORMAT_NAMES,
    ImportFormat,
    ImportOutcome,
    ImportPreview,
    detect_format,
)
from regroup.core.exchange.importers.words import outcome_lines, preview_lines
from regroup.gui.exchange.import_worker import reading, writing
from regroup.gui.kit.background import Background
from regroup.gui.kit.page import PageContext

INTRO = (
    "Bring in a journal you kept elsewhere: a jrnl journal or its JSON export, a Day One "
    "export (its folder or .zip), a folder of Markdown notes, or a Regroup export. "
    "You will see what comes in before anything is added."
)


def _label(text: str = "", style: str = "body") -> QLabel:
    label = QLabel(text)
    label.setProperty("textStyle", style)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ImportDialog(QDialog):
    """Choose, preview, import; the window stays responsive throughout."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path: Path | None = None
        self.shown: ImportPreview | None = None
        self.outcome: ImportOutcome | None = None
        self.worker: Background | None = None
        self.setWindowTitle("Import a journal")
        self.setMinimumSize(520, 480)
        self.resize(600, 560)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.setContentsMargins(24, 24, 24, 24)
        heading = _label("Bring your journal in", "title")
        layout.addWidget(heading)
        layout.addWidget(_label(INTRO, "caption"))
        choose = QHBoxLayout()
        self.file_button = QPushButton("Choose a file…")
        self.folder_button = QPushButton("Choose a folder…")
        self.file_button.clicked.connect(self._pick_file)
        self.folder_button.clicked.connect(self._pick_folder)
        choose.addWidget(self.file_button)
        choose.addWidget(self.folder_button)
        choose.addStretch(1)
        layout.addLayout(choose)
        layout.addWidget(self._build_card(), 1)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Import progress")
        self.progress_label = _label("", "caption")
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.reject)
        self.import_button = QPushButton("Import")
        self.import_button.setProperty("buttonStyle", "primary")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self._write)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        self._set_busy(False)
        notice = self.context.profile.read_only_notice()
        if notice:  # nothing could be saved: say so before a file is chosen
            self.summary.setText(f"{notice} Importing can wait until Regroup can save again.")

    def _build_card(self) -> QFrame:
        card = QFrame()
        card.setProperty("card", True)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(16, 16, 16, 16)
        inner.setSpacing(8)
        self.source_label = _label("No file chosen yet.", "heading")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of journal")
        for kind, name in FORMAT_NAMES.items():
            self.kind.addItem(name, kind)
        self.kind.setEnabled(False)
        self.kind.activated.connect(lambda _index: self._read(self._chosen_kind()))
        kind_row = QHBoxLayout()
        kind_caption = QLabel("Kind of journal:")
        kind_caption.setProperty("textStyle", "body")
        kind_caption.setBuddy(self.kind)
        kind_row.addWidget(kind_caption)
        kind_row.addWidget(self.kind)
        kind_row.addStretch(1)
        self.summary = _label("")
        self.summary.setAccessibleName("What will be imported")
        self.samples = _label("", "caption")
        inner.addWidget(self.source_label)
        inner.addLayout(kind_row)
        words = QWidget()
        column = QVBoxLayout(words)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.summary)
        column.addWidget(self.samples)
        column.addStretch(1)
        scroll = QScrollArea()  # a long list of skipped files scrolls; the dialog keeps its size
        scroll.setWidget(words)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner.addWidget(scroll, 1)
        return card

    def _pick_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Choose a journal file",
            str(Path.home()),
            "Journals (*.json *.txt *.zip *.md *.markdown);;All files (*)",
        )
        if name:
            self.choose(Path(name))

    def _pick_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Choose a folder", str(Path.home()))
        if name:
            self.choose(Path(name))

    def choose(self, path: Path, kind: ImportFormat | None = None) -> None:
        """Show what importing ``path`` would do (its kind told from the file unless given)."""
        self.path = path
        self.outcome = None
        self.close_button.setText("Close")
        self.import_button.setText("Import")
        self.source_label.setText(path.name or str(path))
        self.source_label.setToolTip(str(path))
        try:
            kind = kind or detect_format(path)  # reads a few kilobytes at most
        except ImportFileError as exc:
            self.shown = None
            self._failed(str(exc))
            self._set_busy(False)
            return
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self._read(kind)

    def _chosen_kind(self) -> ImportFormat:
        return ImportFormat(self.kind.currentData())

    def _read(self, kind: ImportFormat | None) -> None:
        assert self.path is not None
        self.shown = None
        self.summary.setText("Reading the file…")
        self.samples.clear()
        self._start(reading(self.context.profile, self.path, kind), self._previewed)

    def _write(self) -> None:
        if self.shown is None or not self.shown.new:
            return
        self._start(writing(self.context.profile, self.shown.plan), self._written)

    def _start(self, worker: Background, done: Callable[[Any], None]) -> None:
        worker.setParent(self)
        worker.progress.connect(lambda step: self._on_progress(*step))
        worker.succeeded.connect(done)
        worker.failed.connect(self._failed)
        worker.finished.connect(self._finished)
        self.worker = worker
        self._set_busy(True)
        worker.start()

    def _finished(self) -> None:
        if self.worker is not None:
            self.worker.deleteLater()
            self.worker = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        writable = not self.context.profile.read_only
        for button in (self.file_button, self.folder_button):
            button.setEnabled(not busy and writable)
        self.close_button.setEnabled(not busy)
        self.kind.setEnabled(not busy and self.path is not None and self.outcome is None)
        self.import_button.setEnabled(
            not busy
            and writable
            and self.outcome is None
            and self.shown is not None
            and self.shown.new > 0
        )
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)  # moving until the first count arrives
            self.progress_label.setText("Reading the file…")

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(f"{stage}: {done:,} of {total:,}")

    def _previewed(self, shown: ImportPreview) -> None:
        self.shown = shown
        index = self.kind.findData(shown.plan.format)
        self.kind.setCurrentIndex(index)
        self.summary.setText("\n".join(preview_lines(shown)))
        if shown.first:
            # LRM keeps each line left to right; FSI…PDI lets a Hebrew or Arabic title read right
            first = "\n".join(
                f"\u200e{day} · \u2068{title or 'Untitled'}\u2069" for day, title in shown.first
            )
            more = shown.new - len(shown.first)
            self.samples.setText(
                "The first entries, by date:\n" + first + (f"\n… and {more:,} more" if more else "")
            )
        self.import_button.setText(f"Import {shown.new:,}" if shown.new else "Import")

    def _written(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        self.summary.setText("\n".join(outcome_lines(outcome)))
        self.samples.setText("You can close this window; your diary is up to date.")
        self.close_button.setText("Done")
        self.import_button.setText("Imported")
        events = self.context.events
        if outcome.added:
            events.entries_changed.emit()
        if outcome.debriefs_added:
            events.debriefs_changed.emit()
        if outcome.goals_added:
            events.goals_changed.emit()
        if outcome.checkins_added:
            events.checkins_changed.emit()

    def _failed(self, message: str) -> None:
        self.shown = None
        self.summary.setText(message)
        self.samples.setText(
            "Your diary was not changed. Choose another file, or pick its kind above."
        )

    def reject(self) -> None:
        if self.worker is None:  # the import finishes before the dialog may go
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.worker is not None:
            event.ignore()
            return
        super().closeEvent(event)
