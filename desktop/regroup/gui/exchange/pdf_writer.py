"""Painting a print document onto A4 PDF pages with Qt: calm type, page numbers, no network.

Fonts come from the system (fontconfig, or the platform's own font list); a glyph
no installed font has is drawn as a box rather than failing. The layout is done
once for the whole document, then painted page by page, so a caller on another
thread can report progress per page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from regroup import __version__

RESOLUTION = 300
"""Dots per inch of the layout; the PDF itself is vector text at any zoom."""
MARGINS_MM = QMarginsF(22, 20, 22, 16)
FOOTER_PT = 24
BODY_PT = 10.5
FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial"]
# Printed on white paper, so the colours are fixed ink colours, not the window's theme:
# dark slate headings, body near-black, captions a grey that still reads well.
STYLE = """
h1 { font-size: 20pt; font-weight: 600; color: #2c3e50; margin-bottom: 14px; }
h2 { font-size: 14pt; font-weight: 600; color: #2c3e50; margin-top: 22px; margin-bottom: 6px; }
h3 { font-size: 11.5pt; font-weight: 600; color: #34495e; margin-top: 12px; margin-bottom: 4px; }
p { margin-top: 0px; margin-bottom: 8px; line-height: 135%; }
li { margin-bottom: 4px; }
.details { color: #4f5b66; font-size: 9.5pt; }
p.label { font-weight: 600; color: #34495e; margin-top: 8px; margin-bottom: 2px; }
td.label { color: #4f5b66; padding-right: 16px; }
table.facts { margin-bottom: 8px; }
p.spacer { font-size: 150pt; }
p.brand { font-size: 13pt; color: #5b7a99; }
h1.title { font-size: 26pt; margin-top: 8px; margin-bottom: 12px; }
p.range { font-size: 14pt; color: #2c3e50; margin-bottom: 40px; }
p.meta { color: #4f5b66; font-size: 10pt; }
"""
Progress = Callable[[int, int], None]


class Printable(Protocol):
    """A document to print: its title (for the PDF's metadata) and its HTML."""

    @property
    def title(self) -> str: ...

    @property
    def html(self) -> str: ...


def _font() -> QFont:
    font = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
    font.setFamilies([*FAMILIES, font.family()])
    font.setPointSizeF(BODY_PT)
    return font


def _writer(buffer: QBuffer, title: str) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator(f"Regroup {__version__}")
    writer.setResolution(RESOLUTION)
    size = QPageSize(QPageSize.PageSizeId.A4)
    portrait = QPageLayout.Orientation.Portrait
    writer.setPageLayout(QPageLayout(size, portrait, MARGINS_MM, QPageLayout.Unit.Millimeter))
    return writer


def _text_document(
    document: Printable, writer: QPdfWriter, images: Mapping[str, QImage]
) -> QTextDocument:
    text = QTextDocument()
    for name, image in images.items():  # what the HTML's <img src="name"> shows
        text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    text.documentLayout().setPaintDevice(writer)
    text.setDefaultFont(_font())
    text.setDefaultStyleSheet(STYLE)
    text.setDocumentMargin(0)
    text.setHtml(document.html)
    return text


def render_pdf(
    document: Printable,
    progress: Progress | None = None,
    images: Mapping[str, QImage] | None = None,
) -> bytes:
    """Return ``document`` as the bytes of a PDF; ``progress(page, pages)`` after each page.

    ``images`` are the pictures the HTML names, by the name its ``<img src>`` uses.

    Every Qt object here is made and dropped on the caller's thread.
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, document.title)
    text = _text_document(document, writer, images or {})
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = FOOTER_PT * writer.resolution() / 72
    page = QSizeF(area.width(), area.height() - footer)
    text.setPageSize(page)
    pages = text.pageCount()
    painter = QPainter(writer)
    footer_font = _font()
    footer_font.setPointSizeF(8.5)
    try:
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * page.height())
            text.drawContents(
                painter, QRectF(0, number * page.height(), page.width(), page.height())
            )
            painter.restore()
            if number:  # the title page goes without a number
                painter.setFont(footer_font)
                painter.setPen(QColor("#4f5b66"))
                painter.drawText(
                    QRectF(0, page.height(), page.width(), footer),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    f"{number + 1} of {pages}",
                )
            if progress is not None:
                progress(number + 1, pages)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())
