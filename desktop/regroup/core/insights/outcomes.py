"""Figures about applications: stages (1), feedback (2), direction (5), preparation (8)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from regroup.core.debriefs.types import (
    NEWS_VIA_LABELS,
    STAGE_LABELS,
    KeepLooking,
    NewsVia,
    Stage,
)
from regroup.core.insights.records import DebriefRow
from regroup.core.insights.types import (
    STAGE_ORDER,
    Count,
    DirectionFigure,
    FeedbackFigure,
    PreparationFigure,
    PreparationRow,
    Progress,
    RoleKind,
    StagesFigure,
    stage_rank,
)
from regroup.core.insights.wording import FEW, join_words, mean_or_none, plural

CLEAR_CHANGE = 0.25
"""How much the mean stage rank must move between the halves to call it a change."""
KEEP_LOOKING_LABELS = {
    KeepLooking.YES: "Yes",
    KeepLooking.NOT_SURE: "Not sure",
    KeepLooking.NO: "No",
}
_AN_INTERVIEW = "an interview"


def _stage_counts(rows: list[DebriefRow]) -> tuple[Count, ...]:
    ids: dict[Stage, list[int]] = {stage: [] for stage in STAGE_ORDER}
    for row in rows:
        if row.stage is not None:
            ids[row.stage].append(row.id)
    return tuple(
        Count(stage.value, STAGE_LABELS[stage], len(ids[stage]), tuple(ids[stage]))
        for stage in STAGE_ORDER
    )


def _progress(staged: list[DebriefRow]) -> tuple[Progress, float | None, float | None]:
    half = len(staged) // 2
    if half < 2:
        return Progress.TOO_FEW, None, None
    earlier = [stage_rank(r.stage) for r in staged[:half] if r.stage is not None]
    later = [stage_rank(r.stage) for r in staged[-half:] if r.stage is not None]
    before, after = sum(earlier) / half, sum(later) / half
    if after - before >= CLEAR_CHANGE:
        return Progress.FURTHER, before, after
    if before - after >= CLEAR_CHANGE:
        return Progress.LESS_FAR, before, after
    return Progress.ABOUT_THE_SAME, before, after


PROGRESS_READINGS = {
    Progress.FURTHER: "Your more recent applications got further than the earlier ones.",
    Progress.ABOUT_THE_SAME: "Your recent applications went about as far as the earlier ones.",
    Progress.LESS_FAR: (
        "Your recent applications ended a little earlier than the ones before; every "
        "hiring process is different, and where it stops is not a verdict on you."
    ),
    Progress.TOO_FEW: (
        "After a few more debriefs, this shows whether applications get further than before."
    ),
}


def stages(rows: list[DebriefRow]) -> StagesFigure:
    """Count applications by the furthest stage reached, and compare the two halves."""
    staged = [r for r in rows if r.stage is not None]
    counts = _stage_counts(staged)
    progress, before, after = _progress(staged)
    figure = StagesFigure(
        stages=counts,
        total=len(staged),
        without_stage=tuple(r.id for r in rows if r.stage is None),
        progress=progress,
        earlier_mean=before,
        later_mean=after,
        reading="",
        progress_reading=PROGRESS_READINGS[progress],
    )
    return _with_stage_reading(figure)


def _with_stage_reading(figure: StagesFigure) -> StagesFigure:
    total = figure.total
    if total == 0:
        text = "After your first debrief that says how far it went, this shows your stages."
    elif total < FEW:
        text = "After a few more debriefs, this shows how far your applications go."
    else:
        interviews = figure.reached(Stage.INTERVIEWS)
        screening = figure.reached(Stage.SCREENING_CALL)
        if interviews:
            text = f"You reached {_AN_INTERVIEW} in {interviews:,} of {total:,} applications."
        elif screening:
            text = f"You got to a screening call in {screening} of {total} applications."
        else:
            text = (
                f"Your {total} applications ended after applying, as most applications "
                "do for everyone; each one still gets your name seen."
            )
    return replace(figure, reading=text)


def feedback(rows: list[DebriefRow]) -> FeedbackFigure:
    """Count feedback asked for and received, and the ways the news came."""
    asked = tuple(r.id for r in rows if r.feedback_asked)
    received = tuple(r.id for r in rows if r.feedback_received)
    received_when_asked = tuple(r.id for r in rows if r.feedback_asked and r.feedback_received)
    via: dict[NewsVia, list[int]] = {way: [] for way in NewsVia}
    for row in rows:
        if row.news_via is not None:
            via[row.news_via].append(row.id)
    news = tuple(Count(w.value, NEWS_VIA_LABELS[w], len(via[w]), tuple(via[w])) for w in NewsVia)
    said = sum(c.count for c in news)
    no_reply = tuple(via[NewsVia.NO_REPLY])
    share = len(no_reply) / said if said else None
    if not rows:
        text = "After a few debriefs, this shows how often feedback comes back when you ask."
    elif not asked:
        text = (
            "No feedback asked for in this period; when you ask, this shows how often "
            "some comes back. Many employers send none, so do not wait on it."
        )
    else:
        text = (
            f"You asked for feedback {plural(len(asked), 'time')} and heard something back "
            f"{plural(len(received_when_asked), 'time')}. Many employers send none: "
            "silence is common and says nothing about you."
        )
    if said == 0:
        news_text = "After a few debriefs, this shows how the news tends to come."
    elif no_reply:
        news_text = (
            f"{len(no_reply):,} of {said:,} ended with no reply at all. Ghosting is common; "
            "it says more about hiring than about you."
        )
    else:
        news_text = f"Every one of the {said} that say how the news came had an answer."
    return FeedbackFigure(
        asked, received, received_when_asked, no_reply, news, share, len(rows), text, news_text
    )


def _role_kind(key: str, label: str, rows: list[DebriefRow]) -> RoleKind:
    wanted = mean_or_none([r.wanted for r in rows if r.wanted is not None])
    ranks = [stage_rank(r.stage) for r in rows if r.stage is not None]
    mean_rank = mean_or_none(ranks)
    answers: dict[KeepLooking, list[int]] = {k: [] for k in KeepLooking}
    latest: KeepLooking | None = None
    for row in rows:  # oldest first, so the last answer seen is the latest
        if row.keep_looking is not None:
            answers[row.keep_looking].append(row.id)
            latest = row.keep_looking
    return RoleKind(
        key=key,
        label=label,
        applications=len(rows),
        wanted_mean=wanted,
        furthest=STAGE_ORDER[max(ranks)] if ranks else None,
        mean_rank=mean_rank,
        keep_looking=tuple(
            Count(k.value, KEEP_LOOKING_LABELS[k], len(answers[k]), tuple(answers[k]))
            for k in KeepLooking
        ),
        far_and_wanted=(
            len(rows) >= 2
            and mean_rank is not None
            and mean_rank >= stage_rank(Stage.INTERVIEWS)
            and wanted is not None
            and wanted >= 4
        ),
        said_no=latest is KeepLooking.NO,
        debrief_ids=tuple(r.id for r in rows),
    )


def direction(rows: list[DebriefRow]) -> DirectionFigure:
    """Group applications by kind of role (without regard to case or spaces)."""
    groups: dict[str, list[DebriefRow]] = defaultdict(list)
    labels: dict[str, str] = {}
    for row in rows:
        label = " ".join(row.role_kind.split())
        key = label.casefold()
        groups[key].append(row)
        labels.setdefault(key, label or "No kind given")
    kinds = sorted(
        (_role_kind(key, labels[key], group) for key, group in groups.items()),
        key=lambda kind: (kind.key == "", -kind.applications, kind.key),
    )
    named = [k for k in kinds if k.key]
    good = [k.label for k in named if k.far_and_wanted]
    no = [k.label for k in named if k.said_no]
    parts = []
    if len(rows) < FEW:
        return DirectionFigure(
            tuple(kinds),
            "After a few more debriefs, this shows which kinds of role suit you best.",
        )
    if good:
        parts.append(f"You get far in {join_words(good)} and want it: a direction worth keeping.")
    if no:
        parts.append(f"You said no to {join_words(no)}; choosing is part of the search.")
    if parts:
        text = " ".join(parts)
    elif not named:
        text = (
            "When debriefs name a kind of role, this compares how far each kind goes "
            "and how much you wanted it."
        )
    else:
        text = "No kind of role stands out yet; more debriefs will show where you get furthest."
    return DirectionFigure(tuple(kinds), text)


def preparation(rows: list[DebriefRow]) -> PreparationFigure:
    """Set each preparedness level against the stages reached."""
    table = []
    for level in range(1, 6):
        level_rows = [r for r in rows if r.preparedness == level and r.stage is not None]
        ranks = [stage_rank(r.stage) for r in level_rows if r.stage is not None]
        table.append(
            PreparationRow(level, _stage_counts(level_rows), len(level_rows), mean_or_none(ranks))
        )
    return PreparationFigure(tuple(table), _preparation_reading(rows))


def _reached_interviews(rows: list[DebriefRow]) -> int:
    return sum(1 for r in rows if r.stage is not None and stage_rank(r.stage) >= 2)


def _preparation_reading(rows: list[DebriefRow]) -> str:
    both = [r for r in rows if r.preparedness is not None and r.stage is not None]
    if len(both) < FEW:
        return (
            "After a few debriefs that say how prepared you felt, this sets that "
            "against how far you got."
        )
    well = [r for r in both if r.preparedness is not None and r.preparedness >= 4]
    less = [r for r in both if r.preparedness is not None and r.preparedness <= 3]
    if well and less:
        return (
            f"When you felt well prepared (4-5), you reached {_AN_INTERVIEW} in "
            f"{_reached_interviews(well)} of {len(well)}; otherwise in "
            f"{_reached_interviews(less)} of {len(less)}."
        )
    group = "well prepared (4-5)" if well else "less prepared (1-3)"
    return (
        f"All {len(both)} scored applications felt {group}; you reached {_AN_INTERVIEW} "
        f"in {_reached_interviews(both)} of them."
    )
