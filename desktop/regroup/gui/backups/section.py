"""Settings › Backups: when the last one was made, how many to keep, a second folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from regroup.core.backups import RotationPolicy
from regroup.core.errors import RegroupError
from regroup.gui.backups.window_backups import describe_reason, describe_time, entries_text

if TYPE_CHECKING:
    from regroup.gui.backups.window_backups import WindowBackups

INTRO = (
    "Regroup keeps encrypted copies of your diary, each with a copy of its key file. "
    "One is made every day while Regroup runs, and one before every import, upgrade "
    "and restore. Each copy is opened and checked before it counts."
)
SECOND_HINT = (
    "Also copy each backup to a folder of your choice, such as a synced or external "
    "drive. The copies stay encrypted."
)


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("textStyle", "caption")
    return label


class BackupsBox(QGroupBox):
    """The Backups section; changes are saved as they are made."""

    def __init__(self, backups: WindowBackups, parent: QWidget | None = None) -> None:
        super().__init__("Backups", parent)
        self.backups = backups
        self.service = backups.profile.backups
        self.last_label = QLabel()
        self.last_label.setWordWrap(True)
        self.last_label.setAccessibleName("Last backup")
        self.back_up_button = QPushButton("Back up now")
        self.back_up_button.clicked.connect(self._back_up)
        self.restore_button = QPushButton("Restore…")
        self.restore_button.clicked.connect(backups.open_restore)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setAccessibleName("Backups problem")
        self.problem_label.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(_caption(INTRO))
        layout.addWidget(self.last_label)
        layout.addLayout(buttons)
        layout.addLayout(self._keep_form())
        layout.addWidget(self._second_folder_row())
        layout.addWidget(self.problem_label)
        backups.finished.connect(lambda _ok, _text: self.refresh())
        if backups.profile.read_only:
            for widget in (self.back_up_button, self.restore_button, *self.spins.values()):
                widget.setEnabled(False)
            self.choose_button.setEnabled(False)
            self.clear_button.setEnabled(False)
        self.refresh()

    def _keep_form(self) -> QFormLayout:
        policy = self.service.policy()
        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for name, label, value in (
            ("daily", "Daily backups to keep", policy.daily),
            ("weekly", "Weekly backups to keep", policy.weekly),
            ("monthly", "Monthly backups to keep", policy.monthly),
        ):
            spin = QSpinBox()
            spin.setRange(0, 999)
            spin.setValue(value)
            spin.setAccessibleName(label)
            spin.valueChanged.connect(self._keep_changed)
            self.spins[name] = spin
            form.addRow(label, spin)
        return form

    def _second_folder_row(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_caption(SECOND_HINT))
        row = QHBoxLayout()
        self.second_label = QLabel()
        self.second_label.setAccessibleName("Second backup folder")
        self.second_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.choose_button = QPushButton("Choose folder…")
        self.choose_button.clicked.connect(self._choose_second)
        self.clear_button = QPushButton("Stop copying")
        self.clear_button.clicked.connect(lambda: self._set_second(None))
        row.addWidget(self.second_label, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        layout.addLayout(row)
        return box

    def refresh(self) -> None:
        """Show the newest backup and the second folder as they are now."""
        latest = self.service.latest()
        if latest is None:
            self.last_label.setText("No backup yet. The first one is made shortly after start.")
        else:
            self.last_label.setText(
                f"Last backup: {describe_time(latest)}, {describe_reason(latest.reason)}, "
                f"{entries_text(latest.entries)}. Kept in {self.service.paths.backups}."
            )
        second = self.service.second_folder()
        self.second_label.setText(str(second) if second else "No second folder chosen.")
        self.second_label.setToolTip(str(second) if second else "")
        self.clear_button.setVisible(second is not None)

    def _say(self, problem: str) -> None:
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))

    def _back_up(self) -> None:
        if self.backups.back_up("manual"):
            self._say("")
            self.last_label.setText("Making a backup…")

    def _keep_changed(self) -> None:
        try:
            values = (self.spins[name].value() for name in ("daily", "weekly", "monthly"))
            self.service.set_policy(RotationPolicy(*values))
        except RegroupError as exc:
            self._say(f"This could not be saved: {exc}")
        else:
            self._say("")

    def _choose_second(self) -> None:
        start = str(self.service.second_folder() or Path.home())
        chosen = QFileDialog.getExistingDirectory(self, "Copy backups to this folder", start)
        if chosen:
            self._set_second(Path(chosen))

    def _set_second(self, folder: Path | None) -> None:
        try:
            self.service.set_second_folder(folder)
        except RegroupError as exc:
            self._say(str(exc))
            return
        self._say("")
        self.refresh()
