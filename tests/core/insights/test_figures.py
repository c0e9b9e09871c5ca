"""The twelve-debrief story (see conftest): every figure's numbers, worked out by hand."""

from __future__ import annotations

import datetime as dt

from regroup.core.debriefs.types import Stage
from regroup.core.insights.types import Period, Progress
from regroup.core.profile import Profile
from tests.core.insights.conftest import TODAY, Story

ALL = Period.everything()


def test_stages_count_the_furthest_stage_and_see_later_applications_get_further(
    story: Story,
) -> None:
    figure = story.insights.stages(ALL)
    counts = {c.key: c.count for c in figure.stages}
    assert counts == {
        "applied": 3,
        "screening_call": 2,
        "interviews": 4,
        "final_round": 2,
        "offer_stage": 1,
    }
    assert figure.total == 12 and figure.without_stage == ()
    # interviews or further: 4 + 2 + 1
    assert figure.reached(Stage.INTERVIEWS) == 7
    assert figure.reading == "You reached an interview in 7 of 12 applications."
    # earlier six: ranks 0,0,1,0,2,1 -> 4/6; later six: 2,3,2,3,4,2 -> 16/6
    assert figure.earlier_mean is not None and abs(figure.earlier_mean - 4 / 6) < 1e-9
    assert figure.later_mean is not None and abs(figure.later_mean - 16 / 6) < 1e-9
    assert figure.progress is Progress.FURTHER
    assert "got further" in figure.progress_reading
    offer = next(c for c in figure.stages if c.key == "offer_stage")
    assert offer.debrief_ids == (story.ids[10],)


def test_feedback_counts_asked_received_and_ghosting_as_its_own_share(story: Story) -> None:
    figure = story.insights.feedback(ALL)
    assert len(figure.asked) == 6
    assert len(figure.received) == 4  # one came without asking (debrief 8)
    assert len(figure.received_when_asked) == 3
    assert figure.no_reply == (story.ids[1], story.ids[3], story.ids[11])
    assert {c.key: c.count for c in figure.news_via} == {
        "call": 4,
        "email": 4,
        "letter": 1,
        "no_reply": 3,
    }
    assert figure.ghosting_share == 0.25
    assert figure.reading.startswith(
        "You asked for feedback 6 times and heard something back 3 times."
    )
    assert figure.news_reading.startswith("3 of 12 ended with no reply at all.")


def test_move_on_gives_days_per_debrief_their_median_and_the_not_yets(story: Story) -> None:
    figure = story.insights.move_on(ALL)
    by_debrief = {m.debrief_id: (m.days, m.not_yets) for m in figure.per_debrief}
    assert by_debrief == {
        story.ids[0]: (7, 1),
        story.ids[2]: (10, 0),
        story.ids[4]: (24, 2),
        story.ids[6]: (None, 1),  # put off once, not ready yet
    }
    assert figure.median_days == 10
    assert figure.not_yets == 4
    assert figure.reading == (
        'Moving on took 10 days after the news, as the middle of 3 check-ins, with 4 "Not yet"s '
        "on the way; taking your time is fine."
    )


def test_direction_groups_kinds_without_case_and_flags_far_and_wanted_and_said_no(
    story: Story,
) -> None:
    figure = story.insights.direction(ALL)
    analyst, sales = figure.kinds
    assert (analyst.label, analyst.applications) == ("Data analyst", 6)
    assert analyst.wanted_mean == 4.5  # 5,4,4,5,4,5
    assert analyst.mean_rank is not None and abs(analyst.mean_rank - 16 / 6) < 1e-9
    assert analyst.furthest is Stage.OFFER_STAGE
    assert analyst.far_and_wanted and not analyst.said_no
    assert (sales.label, sales.applications, sales.wanted_mean) == ("Sales", 6, 2.0)
    assert sales.furthest is Stage.INTERVIEWS
    assert {c.key: c.count for c in sales.keep_looking} == {"yes": 1, "not_sure": 1, "no": 1}
    assert sales.said_no and not sales.far_and_wanted  # the latest answer (debrief 8) was no
    assert figure.reading == (
        "You get far in Data analyst and want it: a direction worth keeping. "
        "You said no to Sales; choosing is part of the search."
    )


def test_preparation_sets_each_level_against_the_stage_reached(story: Story) -> None:
    figure = story.insights.preparation(ALL)
    totals = {row.preparedness: row.total for row in figure.rows}
    assert totals == {1: 2, 2: 2, 3: 2, 4: 4, 5: 2}
    five = figure.rows[4]
    assert {c.key: c.count for c in five.stages if c.count} == {"final_round": 1, "offer_stage": 1}
    assert five.mean_rank == 3.5
    assert figure.reading == (
        "When you felt well prepared (4-5), you reached an interview in 6 of 6; "
        "otherwise in 1 of 6."
    )


def test_lessons_find_traps_named_twice_and_lines_sharing_words_with_their_goals(
    story: Story,
) -> None:
    figure = story.insights.lessons(ALL)
    traps = {t.trap_id: len(t.debrief_ids) for t in figure.traps}
    assert traps == {"all_or_nothing": 3, "mind_reading": 2}  # "comparing" came once
    research, behavioural = figure.lessons
    assert research.words == ("company", "research")
    assert [(line.debrief_id, line.goal_done) for line in research.lines] == [
        (story.ids[0], True),
        (story.ids[3], False),
    ]
    assert behavioural.words == ("behavioural", "question")
    assert behavioural.debrief_ids == (story.ids[5], story.ids[9])
    assert behavioural.lines[0].goal_id == story.goals["stories"]
    assert behavioural.lines[1].goal_id is None
    assert figure.reading == (
        "2 thinking traps came back, most often All-or-nothing thinking. "
        "2 lessons came up more than once; 1 of the 3 goals made from them is done."
    )


def test_lines_stored_with_spaces_around_still_count_and_damaged_ones_count_none(
    story: Story, profile: Profile
) -> None:
    change = "UPDATE debrief SET do_differently = ? WHERE id = ?"
    profile.db.execute_sql(change, (' ["Research the company products"]\n', story.ids[3]))
    profile.db.execute_sql(change, ('["Prepare stories for behavioural', story.ids[5]))
    (research,) = story.insights.lessons(ALL).lessons  # "behavioural" is left in 9 alone
    assert research.debrief_ids == (story.ids[0], story.ids[3])


def test_goals_count_made_and_done_per_month_and_the_overdue_ones(story: Story) -> None:
    figure = story.insights.goals(ALL)
    months = [(m.month, len(m.made), len(m.done)) for m in figure.months]
    assert months == [(dt.date(2026, 1, 1), 1, 0), (dt.date(2026, 2, 1), 2, 1)]
    assert (figure.made, figure.done) == (3, 1)
    assert set(figure.overdue) == {story.goals["stories"], story.goals["own"]}
    assert figure.reading == (
        "You made 3 goals from debriefs and finished 1. "
        "2 goals are past the date; moving a date is fine."
    )


def test_the_period_filters_every_figure(story: Story) -> None:
    february = Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    # news on 5, 10, 15, 20, 25 February: debriefs 7 to 11
    everything = story.insights.insights(february)
    assert everything.debriefs == 5
    assert everything.stages.total == 5
    assert len(everything.feedback.asked) == 3  # 7, 9 and 10
    assert everything.move_on.per_debrief == ()
    assert [m.month for m in everything.goals.months] == [dt.date(2026, 2, 1)]
    assert everything.goals.overdue == ()  # their dates are in March
    assert everything.today == TODAY
    assert story.insights.stages(Period.last_3_months(TODAY)).total == 12
