"""Settings: where the profile lives and how its key is protected."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regroup import __version__
from regroup.core.keys.key_file import KeyStorage
from regroup.core.profile import ProfileInfo
from regroup.gui.kit.data_events import DataEvents


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SettingsPage(QWidget):
    """Shows the profile's facts; later settings join it as they are built."""

    def __init__(
        self,
        info: ProfileInfo,
        events: DataEvents | None = None,
        count_entries: Callable[[], int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._count_entries = count_entries
        layout = QVBoxLayout(self)
        title = QLabel("<h2>Settings</h2>")
        layout.addWidget(title)
        profile_box = QGroupBox("Your profile")
        form = QFormLayout(profile_box)
        folder_row = QHBoxLayout()
        self.folder_label = _selectable(info.folder)
        self.folder_label.setAccessibleName("Profile folder")
        open_button = QPushButton("Open folder")
        open_button.setAccessibleName("Open the profile folder")
        open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(info.folder))
        )
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(open_button)
        form.addRow("Folder:", folder_row)
        if info.storage is KeyStorage.KEYRING:
            key_text = f"In the system keyring ({info.keyring_name})"
        else:
            key_text = "Protected by your passphrase, asked at each start"
        self.key_label = _selectable(key_text)
        self.key_label.setAccessibleName("Where the key is kept")
        form.addRow("Key:", self.key_label)
        self.entries_label = QLabel(f"{info.entry_count:,}")
        self.entries_label.setAccessibleName("Number of diary entries")
        form.addRow("Diary entries:", self.entries_label)
        if events is not None and count_entries is not None:
            events.entries_changed.connect(self.refresh_entry_count)
        form.addRow("Database schema:", QLabel(str(info.schema_version)))
        layout.addWidget(profile_box)
        privacy = QGroupBox("Privacy")
        privacy_layout = QVBoxLayout(privacy)
        privacy_layout.addWidget(
            _selectable(
                "Everything you write is stored only on this computer, in a database "
                "encrypted with a random 256-bit key (SQLCipher). Regroup never opens a "
                "network connection and sends nothing anywhere. Keep your recovery key "
                "safe: without it, a lost keyring or a forgotten passphrase cannot be undone."
            )
        )
        layout.addWidget(privacy)
        layout.addWidget(QLabel(f"Regroup {__version__}"))
        layout.addStretch()

    def refresh_entry_count(self) -> None:
        """Entries came or went: show how many there are now."""
        if self._count_entries is not None:
            self.entries_label.setText(f"{self._count_entries():,}")
