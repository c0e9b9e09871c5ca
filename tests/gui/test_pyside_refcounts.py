"""Qt calls must not leak references to None (PySide6 6.12.0 on Python 3.11 did).

That release dropped a reference on every Qt call returning nothing, until Python
aborted. The dependency range excludes it; this test fails (without crashing)
should such a release ever be installed again.
"""

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_qt_calls_that_return_nothing_keep_references_to_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 50
