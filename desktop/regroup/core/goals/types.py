"""What the goals services take and return: plain dataclasses and the board's vocabulary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from regroup.core.errors import RegroupError
from regroup.core.record import record


class Lane(StrEnum):
    """A column of the board. Archived and dropped goals are kept off the main columns."""

    NEXT = "next"
    DOING = "doing"
    DONE = "done"
    ARCHIVED = "archived"
    DROPPED = "dropped"


BOARD_LANES = (Lane.NEXT, Lane.DOING, Lane.DONE)
LANE_LABELS = {
    Lane.NEXT: "Next",
    Lane.DOING: "Doing",
    Lane.DONE: "Done",
    Lane.ARCHIVED: "Archived",
    Lane.DROPPED: "Dropped",
}


class GoalCategory(StrEnum):
    """What part of the search a goal works on."""

    RESUME = "resume"
    SKILLS = "skills"
    INTERVIEW_PRACTICE = "interview_practice"
    NETWORKING = "networking"
    APPLICATIONS = "applications"
    WELLBEING = "wellbeing"


CATEGORY_LABELS = {
    GoalCategory.RESUME: "Resume",
    GoalCategory.SKILLS: "Skills",
    GoalCategory.INTERVIEW_PRACTICE: "Interview practice",
    GoalCategory.NETWORKING: "Networking",
    GoalCategory.APPLICATIONS: "Applications",
    GoalCategory.WELLBEING: "Wellbeing",
}


class GoalValidationError(RegroupError):
    """A goal cannot be saved as given; the message says which part and why."""


class GoalNotFoundError(RegroupError):
    """The goal asked for does not exist."""


@record
class GoalContent:
    """What the person can edit on a goal card."""

    title: str
    category: GoalCategory | None = None
    due_on: date | None = None
    outcome: str = ""


@record
class GoalRecord:
    """A saved goal. ``position`` orders the goals of one lane (smaller first)."""

    id: int
    uuid: str
    title: str
    category: GoalCategory | None
    due_on: date | None
    outcome: str
    lane: Lane
    position: float
    created_at: datetime
    updated_at: datetime
    done_at: datetime | None
    source_debrief_id: int | None
    source_line: str | None
    deleted_at: datetime | None = None

    def content(self) -> GoalContent:
        """Return the editable part."""
        return GoalContent(self.title, self.category, self.due_on, self.outcome)

    def card(self) -> GoalCard:
        """Return what the board shows of this goal."""
        return GoalCard(
            self.id,
            self.title,
            self.category,
            self.due_on,
            self.lane,
            self.position,
            self.done_at,
            self.source_debrief_id,
        )


@dataclass(frozen=True, slots=True)
class GoalCard:
    """What a card on the board shows; :meth:`GoalService.get` gives the whole goal."""

    id: int
    title: str
    category: GoalCategory | None
    due_on: date | None
    lane: Lane
    position: float
    done_at: datetime | None
    source_debrief_id: int | None


@record
class Board:
    """Every goal on the board, lane by lane, each lane in its saved order."""

    lanes: dict[Lane, tuple[GoalCard, ...]]

    def lane(self, lane: Lane) -> tuple[GoalCard, ...]:
        """Return one lane's goals in order (empty when it has none)."""
        return self.lanes.get(lane, ())


def smart_hints(content: GoalContent) -> list[str]:
    """Return gentle suggestions that make a goal easier to act on (empty when none apply)."""
    hints = []
    words = content.title.split()
    if len(words) < 3:
        hints.append("Say what you will do in a few words, starting with a verb.")
    if not content.outcome.strip():
        hints.append("Describe how you will know it is done, e.g. '3 mock interviews'.")
    elif not any(ch.isdigit() for ch in content.outcome):
        hints.append("A number makes the outcome easy to check: how many, or how often?")
    if content.due_on is None:
        hints.append("Pick a date to aim for; you can always move it.")
    return hints
