"""Settings' Insights box: the "then and now" look-back, on or off.

Given through the Insights entry's ``sections``, so it costs nothing until Settings
is opened and imports no plotting library.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from regroup.core.errors import RegroupError
from regroup.core.settings import SettingsService
from regroup.gui.kit.page import PageContext
from regroup.gui.kit.settings_sections import SettingsSection

INSIGHTS_ORDER = 35
"""After the reminders, before start at login."""
CHECK_LABEL = "Show a “then and now” look-back on Insights and after a check-in"
HINT = (
    "Now and then, a debrief from three months ago or more is set beside what came "
    "after it: goals done since, how far you got since, your mood then and now."
)


class InsightsSettingsBox(QGroupBox):
    """One check box, stored at once; a refused write puts the box back as stored."""

    def __init__(self, settings: SettingsService, parent: QWidget | None = None) -> None:
        super().__init__("Insights", parent)
        self.settings = settings
        self.check = QCheckBox(CHECK_LABEL)
        self.check.setAccessibleName("Then and now look-back")
        self.check.setChecked(settings.show_then_and_now())
        self.check.toggled.connect(self._store)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        hint.setProperty("textStyle", "caption")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.check)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)

    def _store(self, shown: bool) -> None:
        try:
            self.settings.set_show_then_and_now(shown)
        except RegroupError as exc:
            self.error_label.setText(f"Not saved: {exc}")
            self.error_label.show()
            self.check.blockSignals(True)
            self.check.setChecked(self.settings.show_then_and_now())
            self.check.blockSignals(False)
            return
        self.error_label.hide()


def insights_sections(context: PageContext) -> Sequence[SettingsSection]:
    """Return the Insights box for the Settings page."""
    return (
        SettingsSection(
            "insights", INSIGHTS_ORDER, lambda: InsightsSettingsBox(context.profile.settings)
        ),
    )
