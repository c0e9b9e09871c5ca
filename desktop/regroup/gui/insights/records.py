"""From a click on a figure to the records behind it.

One record opens at once on its own page (through ``PageContext.open``); several
give a small menu to choose from, named as the person wrote them. A diary day
opens its entry, or offers the entries of that day.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu, QWidget

from regroup.core.errors import RegroupError
from regroup.gui.insights.specs import Ref
from regroup.gui.kit.page import PageContext

MENU_LIMIT = 25
Choice = tuple[str, str, int]
"""What the menu offers: a label, the page's key and the record's id."""


class RecordOpener:
    """Opens the records behind a bar, a day or a table row."""

    def __init__(self, context: PageContext, parent: QWidget) -> None:
        self.context = context
        self.parent = parent
        self.menu: QMenu | None = None

    def choices(self, refs: tuple[Ref, ...]) -> list[Choice]:
        """Return what the refs point to, each with a name a person recognises."""
        found: list[Choice] = []
        for key, number in dict.fromkeys(refs):
            if key == "day":
                day = date.fromordinal(number)
                for entry in self.context.profile.browse.on_day(day):
                    title = entry.title or entry.preview or "An entry"
                    found.append((f"{day:%d %b %Y}: {title[:60]}", "diary", entry.id))
            else:
                found.append((self.label(key, number), key, number))
        return found

    def label(self, key: str, number: int) -> str:
        """Return a debrief's company and role, or a goal's title."""
        profile = self.context.profile
        try:
            if key == "goals":
                return f"Goal: {profile.goals.get(number).title}"
            content = profile.debriefs.get(number).content
        except RegroupError:
            return "A record that is no longer there"
        name = " — ".join(t for t in (content.company.strip(), content.role.strip()) if t)
        day = content.news_on or content.applied_on
        return f"{name or 'A debrief without a name'}" + (f" ({day:%d %b %Y})" if day else "")

    def open(self, refs: tuple[Ref, ...]) -> None:
        """Open the one record, or offer a menu when there are several."""
        choices = self.choices(refs)
        if len(choices) == 1:
            _label, key, number = choices[0]
            self.context.open(key, number)
        elif choices:
            self.offer(choices)

    def offer(self, choices: list[Choice]) -> QMenu:
        """Show a menu of records at the pointer; choosing one opens it."""
        if self.menu is not None:
            self.menu.close()
            self.menu.deleteLater()
        menu = QMenu(self.parent)
        menu.setAccessibleName("Records behind this")
        menu.setToolTipsVisible(True)
        for label, key, number in choices[:MENU_LIMIT]:
            action = menu.addAction(label)
            action.triggered.connect(lambda _c=False, k=key, n=number: self.context.open(k, n))
        if len(choices) > MENU_LIMIT:
            more = menu.addAction(f"…and {len(choices) - MENU_LIMIT} more (see the Debriefs page)")
            more.setEnabled(False)
        self.menu = menu
        menu.popup(QCursor.pos())
        return menu
