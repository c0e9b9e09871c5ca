"""What the debrief services take and return, and the checks on what was typed.

Checks are kind: only text that cannot be stored at all, or a value no form
could offer, is refused. Everything else is saved, with warnings the form can show.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from regroup.core.checkins.types import CheckinRecord
from regroup.core.debriefs.thinking_traps import trap_ids
from regroup.core.errors import RegroupError, ValidationError
from regroup.core.goals.types import GoalRecord
from regroup.core.record import record
from regroup.core.text import check_text

SCALE_RANGE = range(1, 6)
ROUNDS_RANGE = range(0, 100)
MOURNING_DAYS_RANGE = range(0, 366)


class DebriefStatus(StrEnum):
    """A draft is still being written; a saved debrief plans its check-in."""

    DRAFT = "draft"
    SAVED = "saved"


class Stage(StrEnum):
    """How far the application went."""

    APPLIED = "applied"
    SCREENING_CALL = "screening_call"
    INTERVIEWS = "interviews"
    FINAL_ROUND = "final_round"
    OFFER_STAGE = "offer_stage"


STAGE_LABELS = {
    Stage.APPLIED: "Applied",
    Stage.SCREENING_CALL: "Screening call",
    Stage.INTERVIEWS: "Interview rounds",
    Stage.FINAL_ROUND: "Final round",
    Stage.OFFER_STAGE: "Offer stage",
}


class NewsVia(StrEnum):
    """How the news came."""

    CALL = "call"
    EMAIL = "email"
    LETTER = "letter"
    NO_REPLY = "no_reply"


NEWS_VIA_LABELS = {
    NewsVia.CALL: "A call",
    NewsVia.EMAIL: "An email",
    NewsVia.LETTER: "A letter",
    NewsVia.NO_REPLY: "No reply at all",
}


class KeepLooking(StrEnum):
    """Whether to keep looking for this kind of job."""

    YES = "yes"
    NOT_SURE = "not_sure"
    NO = "no"


class GoalsOnDelete(StrEnum):
    """What happens to a debrief's goals when the debrief is deleted: always asked."""

    KEEP = "keep"
    """The goals stay on the board; they lose their link when the trash is emptied."""
    DELETE = "delete"
    """The goals leave the board with the debrief, and come back if it is restored."""


class DebriefValidationError(RegroupError):
    """A debrief cannot be stored as given; the message says which part and why."""


class DebriefNotFoundError(RegroupError):
    """The debrief asked for does not exist."""


@record
class DebriefContent:
    """Everything a person can fill in on the debrief form; every field is optional."""

    company: str = ""
    role: str = ""
    role_kind: str = ""
    applied_on: date | None = None
    stage: Stage | None = None
    interview_rounds: int | None = None
    news_on: date | None = None
    news_via: NewsVia | None = None
    feedback_asked: bool | None = None
    feedback_received: str = ""
    preparedness: int | None = None
    went_well: str = ""
    do_differently: tuple[str, ...] = ()
    resume_targeted: bool | None = None
    strengths: str = ""
    wanted: int | None = None
    keep_looking: KeepLooking | None = None
    traps: tuple[str, ...] = ()
    reframe: str = ""
    lessons: str = ""
    notes: str = ""
    mourning_days: int | None = None


TEXT_FIELDS = (
    "company",
    "role",
    "role_kind",
    "feedback_received",
    "went_well",
    "strengths",
    "reframe",
    "lessons",
    "notes",
)
LIST_FIELDS = ("do_differently", "traps")
FIELD_LABELS = {
    "company": "company",
    "role": "role",
    "role_kind": "kind of role",
    "feedback_received": "feedback received",
    "went_well": "what went well",
    "do_differently": "what you would do differently",
    "strengths": "strengths to lead with",
    "traps": "thinking traps",
    "reframe": "kinder reframe",
    "lessons": "lessons",
    "notes": "notes",
}


@record
class SaveWarning:
    """Something worth a second look in a debrief that was saved anyway."""

    field: str
    message: str


@record
class DebriefRecord:
    """A saved debrief with its check-in (if any) and the goals it produced."""

    id: int
    uuid: str
    status: DebriefStatus
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    content: DebriefContent
    checkin: CheckinRecord | None = None
    goals: tuple[GoalRecord, ...] = ()

    @property
    def checkin_due_at(self) -> datetime | None:
        """Return when the move-on check-in is next due (UTC); None without one, or once done."""
        if self.checkin is None or self.checkin.done_at is not None:
            return None
        return self.checkin.next_due_at

    def goal_for_line(self, index: int) -> GoalRecord | None:
        """Return the goal made from a "would do differently" line, if there is one."""
        line = self.content.do_differently[index]
        return next((goal for goal in self.goals if goal.source_line == line), None)


@record
class DebriefSaveResult:
    """A save that happened, and what the form may point out about it.

    ``kept_as_draft`` is true when a save as final was kept as a draft instead,
    because the debrief does not yet say which company or role it is about.
    """

    record: DebriefRecord
    warnings: tuple[SaveWarning, ...] = ()
    kept_as_draft: bool = False


@record
class DebriefSummary:
    """One row of the debrief list. ``day`` is the news date, else the application date."""

    id: int
    company: str
    role: str
    role_kind: str
    stage: Stage | None
    status: DebriefStatus
    applied_on: date | None
    news_on: date | None
    day: date | None
    checkin_due_at: datetime | None
    deleted_at: datetime | None = None


@record
class DebriefQuery:
    """Words to look for and filters; all optional.

    Dates filter on the news date, or the application date when the news date is unknown.
    """

    text: str = ""
    company: str | None = None
    stage: Stage | None = None
    date_from: date | None = None
    date_to: date | None = None
    status: DebriefStatus | None = None
    limit: int | None = None


def _check(label: str, text: str) -> None:
    try:
        check_text(label, text)
    except ValidationError as exc:
        raise DebriefValidationError(str(exc)) from exc


def _check_number(label: str, value: int | None, allowed: range) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
        raise DebriefValidationError(
            f"The {label} is a whole number from {allowed.start} to {allowed.stop - 1}."
        )


def check_content(content: DebriefContent) -> None:
    """Refuse what cannot be stored exactly (broken characters, impossible numbers)."""
    for name in TEXT_FIELDS:
        _check(FIELD_LABELS[name], getattr(content, name))
    for line in content.do_differently:
        _check(FIELD_LABELS["do_differently"], line)
    known = trap_ids()
    for trap in content.traps:
        if trap not in known:
            raise DebriefValidationError(f"{trap!r} is not a thinking trap this version knows.")
    _check_number("preparation score", content.preparedness, SCALE_RANGE)
    _check_number("how much you wanted the job", content.wanted, SCALE_RANGE)
    _check_number("number of interview rounds", content.interview_rounds, ROUNDS_RANGE)
    _check_number("number of days before the check-in", content.mourning_days, MOURNING_DAYS_RANGE)


def date_warnings(content: DebriefContent, today: date) -> list[SaveWarning]:
    """Return warnings about dates that look mistyped; they never stop a save."""
    warnings = []
    if content.applied_on and content.news_on and content.news_on < content.applied_on:
        warnings.append(
            SaveWarning(
                "news_on",
                "The news came before the application date; one of the two dates may be off.",
            )
        )
    for name, label in (("applied_on", "application"), ("news_on", "news")):
        day = getattr(content, name)
        if day is not None and day > today:
            warnings.append(SaveWarning(name, f"The {label} date is in the future."))
    return warnings


def needs_a_name(content: DebriefContent) -> bool:
    """Tell whether the debrief says neither which company nor which role it is about."""
    return not content.company.strip() and not content.role.strip()
