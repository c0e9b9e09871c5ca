"""The parts every page builds the same way: its buttons, its shortcuts, its two panes.

Kept in one place so that a button's accessible name, a shortcut's reach and the
question asked before losing words are the same on every page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from regroup.gui.kit import icons

Shortcut = tuple[str, str, Callable[[], object]]
"""A shortcut's title, its keys ("Ctrl+N") and what it does."""
VERB_ICONS = {
    "new": "plus",
    "edit": "pencil",
    "delete": "trash-x",
    "trash": "trash",
    "history": "history",
    "finish": "check",
    "archive": "archive",
    "archived": "folder",
    "drop": "x",
    "open": "file-text",
    "restore": "restore",
}
"""A page button's icon by the first word of its title: one action, one icon, every page."""


def button(title: str, tip: str, slot: Callable[[], object], icon: str = "") -> QPushButton:
    """Return a push button named for screen readers by its tip (without "(Ctrl+N)").

    Its icon is ``icon`` (a name of :mod:`regroup.gui.kit.icons`) or the one its
    verb has on every page; "-" asks for none.
    """
    widget = QPushButton(title)
    widget.setAccessibleName(tip.split(" (")[0])
    widget.setToolTip(tip)
    widget.clicked.connect(lambda: slot())
    verb = title.split(" ")[0].rstrip("…").casefold()
    name = icon or VERB_ICONS.get(verb, "-")
    if name != "-":
        widget.setIcon(icons.icon(name))
        widget.setProperty("iconName", name)
    return widget


def make_primary(widget: QPushButton) -> QPushButton:
    """Make ``widget`` the screen's main action: accent colours, its icon tinted to match."""
    widget.setProperty("buttonStyle", "primary")
    name = widget.property("iconName")
    if name:
        widget.setIcon(icons.icon(str(name), "accent_text", "accent_text"))
    return widget


def heading(text: str, style: str = "heading") -> QLabel:
    """Return a page's heading in the theme's type scale ("title" or "heading")."""
    label = QLabel(text)
    label.setProperty("textStyle", style)
    label.setAccessibleName(text)
    return label


def add_shortcuts(page: QWidget, shortcuts: Iterable[Shortcut]) -> None:
    """Give ``page`` keyboard shortcuts that work while it is on show."""
    for title, keys, slot in shortcuts:
        action = QAction(title, page)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        page.addAction(action)


def tool_row(left: Sequence[QWidget], right: Sequence[QWidget]) -> QHBoxLayout:
    """Return a row of tools: ``left`` from the start, ``right`` pushed to the end."""
    row = QHBoxLayout()
    for widget in left:
        row.addWidget(widget)
    row.addStretch()
    for widget in right:
        row.addWidget(widget)
    return row


def stack(widget: QWidget, parts: Sequence[QWidget | QLayout]) -> QWidget:
    """Stack ``parts`` in ``widget`` without margins, the last one taking the room; return it."""
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    for number, part in enumerate(parts):
        stretch = 1 if number == len(parts) - 1 else 0
        if isinstance(part, QLayout):
            layout.addLayout(part, stretch)
        else:
            layout.addWidget(part, stretch)
    return widget


def column(parts: Sequence[QWidget | QLayout]) -> QWidget:
    """Return a new widget stacking ``parts`` without margins; the last one takes the room."""
    return stack(QWidget(), parts)


def panes(page: QWidget) -> QSplitter:
    """Lay ``page`` out as two panes side by side and return their splitter, still empty.

    A pane built inside the splitter (given it as parent) costs less than one moved
    in once built: under the style sheet, every move re-styles every widget of it.
    :func:`share_panes` then sizes the two.
    """
    splitter = QSplitter(Qt.Orientation.Horizontal, page)
    layout = QHBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(splitter)
    return splitter


def share_panes(splitter: QSplitter, sizes: tuple[int, int]) -> None:
    """Give the two panes their first widths; the second (the work) grows with the window."""
    splitter.setStretchFactor(1, 1)
    splitter.setSizes(list(sizes))


def two_panes(page: QWidget, left: QWidget, right: QWidget, sizes: tuple[int, int]) -> None:
    """Lay ``page`` out as a list on the left and the work on the right, which grows.

    For panes built loose; a page with many widgets builds them inside :func:`panes`.
    """
    splitter = panes(page)
    splitter.addWidget(left)
    splitter.addWidget(right)
    share_panes(splitter, sizes)


def close_anyway(parent: QWidget, title: str, text: str) -> bool:
    """Ask whether to close and lose what could not be saved; Cancel is the default."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Close
