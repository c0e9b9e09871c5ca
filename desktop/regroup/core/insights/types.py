"""What the insights service returns: one frozen dataclass per figure of the Insights page.

Every figure carries the ids of the records behind it, so a click can open them, and
a ``reading``: one line in plain, kind words, computed here so that the page, the
command line and the report say the same thing. Readings never keep score.
"""

from __future__ import annotations

from dataclasses import field
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from regroup.core.debriefs.types import Stage
from regroup.core.insights.period import Period as Period
from regroup.core.insights.period import PeriodKind as PeriodKind
from regroup.core.record import record

STAGE_ORDER = (
    Stage.APPLIED,
    Stage.SCREENING_CALL,
    Stage.INTERVIEWS,
    Stage.FINAL_ROUND,
    Stage.OFFER_STAGE,
)
"""Stages from the first step to the furthest; a stage's index is its rank."""

FIRST_WEEK_DAYS = range(0, 7)
"""Days after the news counted as "the week after" (day 0 is the news day)."""
LATER_DAYS = range(14, 29)
"""Days after the news counted as "a few weeks later"."""
THEN_AND_NOW_MONTHS = 3
"""How old a debrief is, at least, before the look-back pairs it with today."""


def stage_rank(stage: Stage) -> int:
    """Return how far a stage is along the way: 0 for applied, 4 for the offer stage."""
    return STAGE_ORDER.index(stage)


@record
class Count:
    """One bar or slice: a key (a stage, a way the news came...), its label and its records."""

    key: str
    label: str
    count: int
    debrief_ids: tuple[int, ...] = ()


class Progress(StrEnum):
    """Whether the later half of the period's applications got further than the earlier."""

    FURTHER = "further"
    ABOUT_THE_SAME = "about_the_same"
    LESS_FAR = "less_far"
    TOO_FEW = "too_few"


@record
class StagesFigure:
    """1. How far you got: applications by the furthest stage reached.

    ``stages`` holds every stage in order, zeros included; ``without_stage`` the
    debriefs that do not say. ``earlier_mean`` and ``later_mean`` are the mean stage
    rank (0-4) of the earlier and the later half of the applications, by date.
    """

    stages: tuple[Count, ...]
    total: int
    without_stage: tuple[int, ...]
    progress: Progress
    earlier_mean: float | None
    later_mean: float | None
    reading: str
    progress_reading: str

    def count(self, stage: Stage) -> int:
        """Return how many applications stopped at ``stage``."""
        return next((c.count for c in self.stages if c.key == stage.value), 0)

    def reached(self, stage: Stage) -> int:
        """Return how many applications got to ``stage`` or further."""
        rank = stage_rank(stage)
        return sum(c.count for c in self.stages if stage_rank(Stage(c.key)) >= rank)


@record
class FeedbackFigure:
    """2. Feedback, realistically, and how the news came.

    ``asked``: feedback was asked for; ``received``: any feedback text came back;
    ``no_reply``: the news came as no reply. ``news_via`` has the four ways in order;
    ``ghosting_share`` is no reply's share of the debriefs that say how the news came.
    """

    asked: tuple[int, ...]
    received: tuple[int, ...]
    received_when_asked: tuple[int, ...]
    no_reply: tuple[int, ...]
    news_via: tuple[Count, ...]
    ghosting_share: float | None
    total: int
    reading: str
    news_reading: str


class MoodDay(NamedTuple):
    """One diary day with moods.

    ``mean`` is the day's mean mood; ``rolling_mean`` the mean of the daily means of
    the seven days ending here (the rolling line). A named tuple rather than a
    dataclass: a long diary has some 36,500 of them, made in a few milliseconds.
    """

    day: date
    mean: float
    rolling_mean: float
    entries: int


class NewsMark(NamedTuple):
    """A rejection's news date, marked on the mood line.

    This and the other rows made by the thousand (one per debrief or lesson line) are
    named tuples, made about twice as fast as frozen dataclasses.
    """

    day: date
    debrief_id: int


class MoodAroundNews(NamedTuple):
    """Mean diary mood around one piece of news.

    ``first_week``: days 0-6 after it; ``later``: days 14-28. None where the diary
    has no mood on those days.
    """

    debrief_id: int
    news_on: date
    first_week: float | None
    later: float | None


@record
class MoodFigure:
    """3. Mood around the news.

    ``first_week`` and ``later`` pool every mood of those days across all the news
    in the period. Entries are found by their day (a click opens that day).
    """

    days: tuple[MoodDay, ...]
    news: tuple[NewsMark, ...]
    around_news: tuple[MoodAroundNews, ...]
    first_week: float | None
    later: float | None
    reading: str
    iso_days: tuple[str, ...] = field(compare=False, repr=False)
    """The days of ``days`` as ISO 8601 text, as they were read, for the JSON to write."""


class MoveOn(NamedTuple):
    """One debrief's way to "ready to move on".

    ``days``: from the news to the check-in answered "Yes" (None while not yet);
    ``not_yets``: how many "Not yet"s came before.
    """

    debrief_id: int
    checkin_id: int
    news_on: date | None
    ready_on: date | None
    days: int | None
    not_yets: int


@record
class MoveOnFigure:
    """4. Time to move on: per debrief with a check-in, and the median of the days."""

    per_debrief: tuple[MoveOn, ...]
    median_days: float | None
    not_yets: int
    reading: str


@record
class RoleKind:
    """5. One kind of role (``role_kind``, compared without case).

    ``key`` is the kind in lower case, "" for debriefs that name no kind.

    ``furthest`` is the furthest stage any of them reached; ``mean_rank`` the mean
    stage rank (0-4). ``far_and_wanted``: two applications or more that on average
    got to interviews and were wanted 4 or more. ``said_no``: the latest "keep
    looking?" answer was no.
    """

    key: str
    label: str
    applications: int
    wanted_mean: float | None
    furthest: Stage | None
    mean_rank: float | None
    keep_looking: tuple[Count, ...]
    far_and_wanted: bool
    said_no: bool
    debrief_ids: tuple[int, ...]


@record
class DirectionFigure:
    """5. Direction, the re-evaluate-your-goals view.

    One row per kind of role, the most applications first.
    """

    kinds: tuple[RoleKind, ...]
    reading: str


class LessonLine(NamedTuple):
    """A "what I would do differently" line, with the goal made from it (if any)."""

    debrief_id: int
    text: str
    goal_id: int | None
    goal_done: bool


@record
class RepeatedLesson:
    """Lines from two or more debriefs that share words; ``words`` are the shared ones."""

    words: tuple[str, ...]
    lines: tuple[LessonLine, ...]

    @property
    def debrief_ids(self) -> tuple[int, ...]:
        """Return the debriefs the lines come from, each once, in order."""
        return tuple(dict.fromkeys(line.debrief_id for line in self.lines))


@record
class RepeatedTrap:
    """A thinking trap named in two or more debriefs."""

    trap_id: str
    name: str
    debrief_ids: tuple[int, ...]


@record
class LessonsFigure:
    """6. Lessons that repeat: traps named twice or more and lessons sharing words."""

    traps: tuple[RepeatedTrap, ...]
    lessons: tuple[RepeatedLesson, ...]
    reading: str


@record
class GoalMonth:
    """Goals made from debriefs, and such goals done, in one month (``month`` is its 1st)."""

    month: date
    made: tuple[int, ...]
    done: tuple[int, ...]


@record
class GoalsFigure:
    """7. Goals made from debriefs and done, month by month, and those past their date.

    ``overdue`` are goals still in Next or Doing whose date fell in the period and
    is before today.
    """

    months: tuple[GoalMonth, ...]
    made: int
    done: int
    overdue: tuple[int, ...]
    reading: str


@record
class PreparationRow:
    """8. The applications prepared for at one level (1-5), by the stage they reached."""

    preparedness: int
    stages: tuple[Count, ...]
    total: int
    mean_rank: float | None


@record
class PreparationFigure:
    """8. Preparation against outcome: one row per preparedness level 1-5."""

    rows: tuple[PreparationRow, ...]
    reading: str


@record
class ThenAndNow:
    """A gentle look-back: a debrief from three months ago or more, and what came after.

    ``furthest_since`` is the furthest stage of the applications whose news came
    after it; the moods are the mean of the week after its news and of the last
    fourteen days (None without moods).
    """

    debrief_id: int
    title: str
    news_on: date
    stage_then: Stage | None
    goals_done_since: tuple[int, ...]
    furthest_since: Stage | None
    furthest_since_id: int | None
    mood_then: float | None
    mood_now: float | None
    reading: str


@record
class Insights:
    """Every figure for one period, as of ``today``."""

    period: Period
    today: date
    debriefs: int
    stages: StagesFigure
    feedback: FeedbackFigure
    mood: MoodFigure
    move_on: MoveOnFigure
    direction: DirectionFigure
    lessons: LessonsFigure
    goals: GoalsFigure
    preparation: PreparationFigure
    then_and_now: ThenAndNow | None
