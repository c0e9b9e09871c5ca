"""A page that is built the first time it is shown, so start-up only pays for the Diary.

The Goals board reads thousands of cards and the Debriefs page hundreds of
widgets; neither is needed to show the window, so each waits behind one of these.
The Diary, the first page, is built right after the window appears.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    """Holds the place of a page in the stack; ``page()`` builds it once."""

    built = Signal(QWidget)

    def __init__(
        self,
        build: Callable[[QWidget], QWidget],
        after_first_show: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """``build`` makes the page with this holder as its parent (see ``page``).

        With ``after_first_show``, the page is built just after it first appears.
        """
        super().__init__(parent)
        self._build = build
        self._after_first_show = after_first_show
        self._page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        """Tell whether the page exists yet."""
        return self._page is not None

    def page(self) -> QWidget:
        """Return the page, building it now if needed.

        The page is made inside this holder rather than moved in once built: under the
        application's style sheet a moved widget is restyled with everything it holds.
        """
        if self._page is None:
            self._page = self._build(self)
            self._layout.addWidget(self._page)
            self._page.show()  # at once, not at the next turn of the event loop
            self._layout.activate()  # and its place too: built in a showEvent, it would wait
            self.built.emit(self._page)
        return self._page

    def unbuild(self) -> None:
        """Take the page down (the lock: no text stays in widgets); shown again, it is rebuilt."""
        page, self._page = self._page, None
        if page is not None:
            self._layout.removeWidget(page)
            page.hide()
            page.setParent(None)
            page.deleteLater()

    def showEvent(self, event: QShowEvent) -> None:
        """Qt: build the page just before it first appears."""
        if not self._after_first_show:
            self.page()
        super().showEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt: once the window has painted around the empty place, build the page."""
        super().paintEvent(event)
        if self._after_first_show and self._page is None:
            QTimer.singleShot(0, self, self.page)
