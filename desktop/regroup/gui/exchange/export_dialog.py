"""File › Export…: choose a format, what to include and the file, then write it.

The records are read on the window's thread (a few queries, quick even for a long
diary); the PDF is laid out and painted behind a progress
dialog (see ``painting``), so the window keeps answering while a long diary is printed.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from regroup.core.errors import RegroupError
from regroup.core.exchange.print_document import PrintDocument, printable, save_printed
from regroup.core.exchange.readable import Scope, debrief_choices
from regroup.core.exchange.service import (
    ExportResult,
    readable_result,
    write_json_export,
    write_markdown_export,
)
from regroup.core.profile import Profile
from regroup.gui.exchange.painting import PaintingDialog
from regroup.gui.exchange.pdf_writer import render_pdf
from regroup.gui.kit.date_field import DateField

FORMATS = (
    ("pdf", "PDF", "to read or print"),
    ("markdown", "Markdown", "to read in any text editor"),
    ("json", "JSON", "a full copy you can import again, trash and history included"),
)
NOT_ENCRYPTED = "The file is not encrypted; keep it somewhere safe."


class ExportDialog(PaintingDialog):
    """The choices of an export, and the export itself."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__("Export", parent)
        self.profile = profile
        self.result_text = ""
        self._build()
        self._update()

    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setSpacing(12)
        form = QFormLayout()
        self.format_group = QButtonGroup(self)
        formats = QVBoxLayout()
        for number, (_key, name, hint) in enumerate(FORMATS):
            button = QRadioButton(f"{name}: {hint}")
            button.setAccessibleName(f"Export as {name}")
            self.format_group.addButton(button, number)
            formats.addWidget(button)
        self.format_group.button(0).setChecked(True)
        form.addRow("Format:", formats)
        self.scope_group = QButtonGroup(self)
        scopes = QVBoxLayout()
        for number, label in enumerate(("Everything", "The diary", "One debrief")):
            button = QRadioButton(label)
            self.scope_group.addButton(button, number)
            scopes.addWidget(button)
            if number == 1:
                scopes.addLayout(self._range_row())
        self.scope_group.button(0).setChecked(True)
        self.debrief_box = QComboBox()
        self.debrief_box.setAccessibleName("The debrief to export")
        for debrief_id, title in debrief_choices(self.profile.db):
            self.debrief_box.addItem(title, debrief_id)
        if not self.debrief_box.count():
            self.scope_group.button(2).setEnabled(False)
            self.debrief_box.addItem("No debriefs yet")
        scopes.addWidget(self.debrief_box)
        self.scope_hint = QLabel()
        self.scope_hint.setWordWrap(True)
        self.scope_hint.setProperty("textStyle", "caption")
        scopes.addWidget(self.scope_hint)
        form.addRow("Include:", scopes)
        file_row = self.file_row("Choose where to save the file")
        form.addRow("File:", file_row)
        column.addLayout(form)
        self.add_buttons(column, NOT_ENCRYPTED.replace("The file", "An exported file"), "Export")
        self.format_group.idToggled.connect(lambda *_: self._update())
        self.scope_group.idToggled.connect(lambda *_: self._update())
        self.path_edit.textChanged.connect(lambda *_: self._update())

    def _range_row(self) -> QHBoxLayout:
        self.from_edit = DateField("First day", placeholder="Any day")
        self.to_edit = DateField("Last day", placeholder="Any day")
        row = QHBoxLayout()
        row.setContentsMargins(24, 0, 0, 0)
        row.addWidget(QLabel("from"))
        row.addWidget(self.from_edit)
        row.addWidget(QLabel("to"))
        row.addWidget(self.to_edit)
        row.addStretch()
        return row

    @property
    def format_key(self) -> str:
        return FORMATS[max(0, self.format_group.checkedId())][0]

    def scope(self) -> Scope:
        chosen = self.scope_group.checkedId()
        if chosen == 1:
            return Scope.diary_only(self.from_edit.value(), self.to_edit.value())
        if chosen == 2 and isinstance(self.debrief_box.currentData(), int):
            return Scope.one_debrief(self.debrief_box.currentData())
        return Scope.everything()

    def _update(self) -> None:
        json_export = self.format_key == "json"
        chosen = self.scope_group.checkedId()
        has_debriefs = self.debrief_box.itemData(0) is not None
        for number, button in enumerate(self.scope_group.buttons()):
            button.setEnabled(not json_export and (number != 2 or has_debriefs))
        self.from_edit.setEnabled(not json_export and chosen == 1)
        self.to_edit.setEnabled(not json_export and chosen == 1)
        self.debrief_box.setEnabled(not json_export and chosen == 2)
        self.scope_hint.setText(
            "JSON always holds everything, so it can be imported again."
            if json_export
            else "Entries and debriefs in the trash are left out."
        )
        path = self.path_edit.text().strip()
        self.export_button.setEnabled(bool(path))
        suffix = {"pdf": ".pdf", "markdown": ".md", "json": ".json"}[self.format_key]
        current = Path(path).suffix.lower() if path else ""
        if current in {".pdf", ".md", ".json"} and current != suffix:
            self.path_edit.setText(str(Path(path).with_suffix(suffix)))

    def choose_file(self) -> None:
        suffix = {"pdf": "pdf", "markdown": "md", "json": "json"}[self.format_key]
        suggested = self.path_edit.text() or str(
            Path.home() / f"regroup-{date.today().isoformat()}.{suffix}"
        )
        path, _filter = QFileDialog.getSaveFileName(
            self, "Export to", suggested, f"{suffix.upper()} files (*.{suffix})"
        )
        if path:
            self.path_edit.setText(path)

    def start(self) -> None:
        """Export to the chosen file; a PDF is painted behind a progress dialog."""
        for field in (self.from_edit, self.to_edit):
            if field.isEnabled() and not field.is_valid():
                QMessageBox.information(self, "Export", field.problem())
                return
        target = Path(self.path_edit.text().strip()).expanduser()
        if target.is_dir():
            QMessageBox.information(self, "Export", f"{target} is a folder; name a file.")
            return
        if target.exists() and not self.replace_asked(target, "export"):
            return
        scope = self.scope()
        if scope.date_from and scope.date_to and scope.date_from > scope.date_to:
            QMessageBox.information(self, "Export", "The first day is after the last day.")
            return
        try:
            if self.format_key == "json":
                self._done(write_json_export(self.profile.db, target, self.profile.clock))
            elif self.format_key == "markdown":
                result = write_markdown_export(self.profile.db, target, self.profile.clock, scope)
                self._done(result)
            else:
                self._start_pdf(printable(self.profile.db, scope, self.profile.clock), target)
        except RegroupError as exc:
            QMessageBox.warning(self, "Export", str(exc))

    def _start_pdf(self, document: PrintDocument, target: Path) -> None:
        def painted(data: bytes) -> None:
            try:
                save_printed(target, data, self.profile.db)
            except RegroupError as exc:
                QMessageBox.warning(self, "Export", str(exc))
                return
            self._done(readable_result(document.readable))

        paint = partial(render_pdf, document)
        self.start_painting(paint, "PDF", "Laying out the pages…", painted)

    def _done(self, result: ExportResult) -> None:
        self.result_text = f"Exported {result.contents}. {NOT_ENCRYPTED}"
        QMessageBox.information(self, "Export", self.result_text)
        self.accept()
