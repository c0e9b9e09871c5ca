"""Every text a reminder may show outside the window, in one place.

They are generic on purpose: a notification can be read over a shoulder or on a
lock screen, so it never carries a diary line, a company or a debrief's content.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from regroup.core.record import record

if TYPE_CHECKING:
    from regroup.core.checkins.schedule import Due

TITLE = "Regroup"
CHECKIN_READY = "A check-in is ready"
CHECKINS_READY = "{count} check-ins are ready"
WRITING_TIME = "A few minutes to write, if you like"
MISSED = "A check-in came due while Regroup was closed. It waits under Check-ins, in Missed"
MISSED_MANY = (
    "{count} check-ins came due while Regroup was closed. They wait under Check-ins, in Missed"
)
QUIET = "An application has been quiet for a while"
QUIET_MANY = "{count} applications have been quiet for a while"
STILL_RUNNING = (
    "Regroup keeps running in the tray so that check-ins can reach you. Quit it from the tray menu."
)


class Target(StrEnum):
    """Where a click on a notice leads."""

    CHECKINS = "checkins"
    DIARY = "diary"
    WAITING = "waiting"
    """The Waiting list on the Debriefs page (see ``core.waiting.types.waiting_target``)."""


@record
class Notice:
    """One notification: its texts and where a click leads (``item_id``: one check-in)."""

    message: str
    target: Target
    item_id: int | None = None
    title: str = TITLE


def notice_for(dues: Sequence[Due]) -> Notice | None:
    """Return the single notice for items delivered together, or None for no items.

    Check-ins come first: when both a check-in and the writing reminder are due,
    one notice about the check-ins is enough.
    """
    checkins = [due for due in dues if due.kind == "checkin"]
    if len(checkins) == 1:
        return Notice(CHECKIN_READY, Target.CHECKINS, checkins[0].id)
    if checkins:
        return Notice(CHECKINS_READY.format(count=len(checkins)), Target.CHECKINS)
    if dues:
        return Notice(WRITING_TIME, Target.DIARY)
    return None


def missed_notice(missed: Sequence[int]) -> Notice | None:
    """Return one quiet notice for the check-ins that went to the missed list, or None.

    It counts them; a click on the notice for a single one opens that check-in.
    """
    if len(missed) == 1:
        return Notice(MISSED, Target.CHECKINS, missed[0])
    if missed:
        return Notice(MISSED_MANY.format(count=len(missed)), Target.CHECKINS)
    return None


def quiet_notice(offered: Sequence[int]) -> Notice | None:
    """Return one notice offering to close the applications gone quiet, or None.

    It never names the company: a click opens the Waiting list on the application.
    """
    if len(offered) == 1:
        return Notice(QUIET, Target.WAITING, offered[0])
    if offered:
        return Notice(QUIET_MANY.format(count=len(offered)), Target.WAITING)
    return None
