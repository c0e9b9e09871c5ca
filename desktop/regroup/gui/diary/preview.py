"""The Markdown preview beside the body: the text formatted, in the body's measure.

It lives apart from the writing surface and is built the first time it is shown:
the Diary's first paint shows none, and its Qt classes (a text browser, URLs,
block formats) take several milliseconds to load.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from regroup.gui.diary.writing_surface import (
    LINE_HEIGHT_PERCENT,
    keep_measure,
    measured_event,
    writing_font,
)

OPENABLE_SCHEMES = ("http", "https", "mailto")


class MarkdownPreview(QTextBrowser):
    """Shows the text as Markdown in the same measure; never loads anything.

    Links open only when clicked, and only web and mail ones.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        writing_font(self)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_link)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Qt: refuse every image or style sheet a text names, local or remote."""
        return None

    def show_markdown(self, text: str) -> None:
        """Show ``text`` formatted, its lines spaced for reading."""
        self.setMarkdown(text)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        spacing = QTextBlockFormat()
        spacing.setLineHeight(
            LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        cursor.mergeBlockFormat(spacing)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt: re-centre the measure for the new width, then lay the text out in it."""
        keep_measure(self)
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        """Qt: the wheel scrolls over the margins too; a new font gets a new measure."""
        return measured_event(self, event, super().event, super().resizeEvent)

    @staticmethod
    def _open_link(url: QUrl) -> None:
        if url.scheme() in OPENABLE_SCHEMES:
            QDesktopServices.openUrl(url)
