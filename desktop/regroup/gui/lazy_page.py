"""A page that is built the first time it is shown, so start-up only pays for the Diary.

The Goals board reads thousands of cards and the Debriefs page hundreds of
widgets; neither is needed to show the window, so each waits behind one of these.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    """Holds the place of a page in the stack; ``page()`` builds it once."""

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        """Tell whether the page exists yet."""
        return self._page is not None

    def page(self) -> QWidget:
        """Return the page, building it now if needed."""
        if self._page is None:
            self._page = self._build()
            self._layout.addWidget(self._page)
            self._page.show()  # at once, not at the next turn of the event loop
        return self._page

    def showEvent(self, event: QShowEvent) -> None:
        """Qt: build the page just before it first appears."""
        self.page()
        super().showEvent(event)
