"""What the waiting list takes and returns, and how a window target names one of its items.

An application waits from the day it was sent until the person hears back or
decides it is closed; it then becomes a debrief (see ``WaitingService.close``).
"""

from __future__ import annotations

from datetime import date, datetime

from regroup.core.debriefs.types import Stage
from regroup.core.errors import RegroupError, ValidationError
from regroup.core.record import record
from regroup.core.text import check_text

TARGET_PREFIX = "waiting"
"""A page target ``"waiting"`` opens the Waiting list, ``"waiting:7"`` on item 7."""


class WaitingValidationError(ValidationError):
    """An application cannot be stored as given; the message says which part and why."""


class WaitingNotFoundError(RegroupError):
    """The application asked for is no longer on the waiting list."""


@record
class WaitingContent:
    """What a person types about an application still waiting for an answer."""

    company: str
    role: str
    applied_on: date
    stage: Stage = Stage.APPLIED
    note: str = ""


@record
class WaitingItem:
    """A stored application; ``days_quiet`` counts whole days since anything was heard."""

    id: int
    uuid: str
    content: WaitingContent
    quiet_since: date
    created_at: datetime
    updated_at: datetime
    offered_at: datetime | None
    days_quiet: int
    quiet: bool


def check_waiting(content: WaitingContent) -> WaitingContent:
    """Refuse an application without a company or a role, or with text that cannot be stored.

    Returns the content with the names trimmed, as it will be stored.
    """
    company, role = content.company.strip(), content.role.strip()
    for name, value in (("company", company), ("role", role), ("note", content.note)):
        try:
            check_text(name, value)
        except ValidationError as exc:
            raise WaitingValidationError(str(exc)) from exc
    if not company and not role:
        raise WaitingValidationError("Add the company or the role, so you know which one it is.")
    if not isinstance(content.stage, Stage):
        raise WaitingValidationError(f"{content.stage!r} is not a stage.")
    return WaitingContent(company, role, content.applied_on, content.stage, content.note)


def waiting_target(item_id: int | None = None) -> str:
    """Return the page target that opens the Waiting list (on ``item_id`` if given)."""
    return TARGET_PREFIX if item_id is None else f"{TARGET_PREFIX}:{item_id}"


def waiting_target_id(target: object) -> tuple[bool, int | None]:
    """Read a page target: (whether it names the Waiting list, the item it names if any)."""
    if not isinstance(target, str):
        return False, None
    head, colon, tail = target.partition(":")
    if head != TARGET_PREFIX:
        return False, None
    if not colon:
        return True, None
    return (True, int(tail)) if tail.isdigit() else (False, None)
