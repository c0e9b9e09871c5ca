"""The debrief list: two-line rows of one height that a keyboard user can find and open."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from regroup.core.debriefs.types import DebriefContent, Stage
from regroup.core.profile import Profile
from regroup.gui.debriefs.list_panel import DebriefListPanel


def test_typing_a_company_in_the_list_finds_its_debrief_and_enter_opens_it(
    qtbot: QtBot, profile: Profile
) -> None:
    for company, day in (("Acme Labs", 3), ("Bolt Foods", 2), ("Harbor Studio", 1)):
        content = DebriefContent(
            company=company, role="Analyst", stage=Stage.FINAL_ROUND, news_on=dt.date(2026, 3, day)
        )
        profile.debriefs.create(content, draft=False)
    panel = DebriefListPanel(profile.debrief_list)
    qtbot.addWidget(panel)
    panel.show()
    view = panel.view
    assert view.accessibleName() == "Debriefs" and panel.model.rowCount() == 3
    assert view.alternatingRowColors() and not view.tabKeyNavigation()
    assert view.verticalScrollMode() is QAbstractItemView.ScrollMode.ScrollPerItem
    assert {view.rowHeight(row) for row in range(3)} == {2 * view.fontMetrics().lineSpacing() + 10}
    view.setFocus()
    qtbot.keyClicks(view, "Bolt")
    chosen = view.currentIndex()
    assert str(chosen.data()).startswith("Bolt Foods – Analyst\n")
    with qtbot.waitSignal(panel.debrief_chosen) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [panel.model.rows[chosen.row()].id]
