"""Settings: the sections the pages and the reminders give it, one under the other.

The page owns no section: each comes through ``PageContext.settings_sections``, and
one added after the page was built (the reminders start after the window) takes
its place among the others at once. Its own sections, where the profile lives and
how its key is protected, come from :func:`profile_sections` like anyone's.
"""

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
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from regroup import __version__
from regroup.core.keys.key_file import KeyStorage
from regroup.core.profile import ProfileInfo
from regroup.gui.kit.data_events import DataEvents
from regroup.gui.kit.page import Page, PageContext
from regroup.gui.kit.settings_sections import APPEARANCE, PRIVACY, PROFILE, SettingsSection
from regroup.gui.settings.appearance_section import AppearanceBox

PRIVACY_TEXT = (
    "Everything you write is stored only on this computer, in a database "
    "encrypted with SQLCipher. Regroup never opens a network connection and "
    "sends nothing anywhere. Keep your recovery key safe: it opens the diary on "
    "its own, and without it a lost keyring or a forgotten passphrase cannot be undone."
)


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutProfile(QWidget):
    """The folded "About this profile": details for a bug report, hidden until asked for."""

    def __init__(self, info: ProfileInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setText("About this profile")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(24, 0, 0, 0)
        self.schema_label = _selectable(str(info.schema_version))
        self.schema_label.setAccessibleName("Database schema")
        form.addRow("Database schema:", self.schema_label)
        if info.keyring_name:
            self.keyring_label = _selectable(info.keyring_name)
            self.keyring_label.setAccessibleName("Keyring backend")
            form.addRow("Keyring backend:", self.keyring_label)
        form.addRow("Regroup version:", _selectable(__version__))
        self.details.hide()
        self.toggle.toggled.connect(self.unfold)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details)

    def unfold(self, shown: bool) -> None:
        """Show or hide the details (the toggle's arrow follows)."""
        self.toggle.setChecked(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.details.setVisible(shown)


class ProfileBox(QGroupBox):
    """The profile's facts: its folder, where its key is kept, how much it holds.

    What only a bug report needs (schema, keyring backend) is folded away below.
    """

    def __init__(
        self,
        info: ProfileInfo,
        events: DataEvents | None = None,
        count_entries: Callable[[], int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Your profile", parent)
        self._count_entries = count_entries
        form = QFormLayout(self)
        form.setVerticalSpacing(12)
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
            key_text = "In your system keyring, so Regroup opens without asking"
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
        self.about = AboutProfile(info)
        form.addRow(self.about)

    def refresh_entry_count(self) -> None:
        """Entries came or went: show how many there are now."""
        if self._count_entries is not None:
            self.entries_label.setText(f"{self._count_entries():,}")


def privacy_box() -> QGroupBox:
    """Return the box that says where the words stay and what the recovery key is for."""
    box = QGroupBox("Privacy")
    QVBoxLayout(box).addWidget(_selectable(PRIVACY_TEXT))
    return box


def profile_sections(context: PageContext) -> list[SettingsSection]:
    """Settings' own sections: the profile's facts, its look, its key, then privacy."""
    from regroup.gui.keys.key_settings import key_sections

    profile = context.profile
    return [
        SettingsSection(
            "profile",
            PROFILE,
            lambda: ProfileBox(profile.info(), context.events, profile.diary.count),
        ),
        SettingsSection("appearance", APPEARANCE, lambda: AppearanceBox(profile.settings)),
        *key_sections(profile),
        SettingsSection("privacy", PRIVACY, privacy_box),
    ]


class SettingsPage(Page):
    """The sections, in their order (the version is in "About this profile")."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        content = QWidget()
        self._layout = QVBoxLayout(content)
        # The sections keep their own height and the page scrolls: squeezed into a short
        # window, a section's rows would be drawn over each other.
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        title = QLabel("Settings")
        title.setProperty("textStyle", "title")
        self._layout.addWidget(title)
        self._placed: list[tuple[int, str, QWidget]] = []
        self._layout.addStretch()
        registry = context.settings_sections
        for section in registry.sections():
            self.add_section(section)
        registry.added.connect(self.add_section)

    def add_section(self, section: SettingsSection) -> None:
        """Build ``section`` and put it in its place (in place of one with its key)."""
        old = self.section(section.key)
        if old is not None:
            self._placed = [placed for placed in self._placed if placed[2] is not old]
            self._layout.removeWidget(old)
            old.deleteLater()
        widget = section.build()
        row = sum(1 for order, _key, _widget in self._placed if order <= section.order)
        self._placed.insert(row, (section.order, section.key, widget))
        self._layout.insertWidget(1 + row, widget)

    def keys_in_order(self) -> list[str]:
        """Return the keys of the sections shown, top to bottom."""
        return [key for _order, key, _widget in self._placed]

    def section(self, key: str) -> QWidget | None:
        """Return the box of the section ``key``, if Settings shows it."""
        for _order, known, widget in self._placed:
            if known == key:
                return widget
        return None
