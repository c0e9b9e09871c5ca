"""A scroll area's viewport, reached without PySide searching every widget class for it.

The first time Python asks a scroll area for its viewport (``viewport()``), PySide
does not know the Python type of that Qt-made widget and builds the type of every
QtWidgets class, with their enums, to find the best one: about 20 ms, once per run.
On the start path that lands between the window and the Diary. Qt names the viewport
``qt_scrollarea_viewport``, and ``findChild`` returns it as the QWidget it is, at no
such cost; later ``viewport()`` calls then find the same Python object.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

QT_VIEWPORT_NAME = "qt_scrollarea_viewport"
"""The object name QAbstractScrollArea gives the viewport it makes itself."""


def viewport_of(area: QAbstractScrollArea) -> QWidget:
    """Return ``area``'s viewport (the same widget ``area.viewport()`` returns)."""
    found = area.findChild(QWidget, QT_VIEWPORT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return found if isinstance(found, QWidget) else area.viewport()
