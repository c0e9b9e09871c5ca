"""The debrief, goal and check-in models say what the migrated schema holds, and store alike."""

from __future__ import annotations

import datetime as dt

import pytest
from peewee import Model

from regroup.core.checkins.types import CheckinAnswers
from regroup.core.debriefs.types import DebriefContent
from regroup.core.goals.types import GoalContent, Lane
from regroup.core.profile import Profile
from regroup.core.storage.columns import to_db_time
from regroup.core.storage.models import Checkin, Debrief, DebriefEntry, Goal
from tests.core.conftest import Plans


@pytest.mark.parametrize("model", [Debrief, DebriefEntry, Goal, Checkin])
def test_each_model_names_its_table_columns_and_which_may_be_empty(
    profile: Profile, model: type[Model]
) -> None:
    table = profile.db.execute_sql(f"PRAGMA table_info({model._meta.table_name})").fetchall()
    stored = {name: not (not_null or key) for _, name, _, not_null, _, key in table}
    declared = {field.column_name: field.null for field in model._meta.sorted_fields}
    assert declared == stored


def test_instants_are_stored_as_every_other_instant_even_on_a_whole_second(
    plans: Plans, profile: Profile
) -> None:
    plans.clock.moment = dt.datetime(2026, 3, 20, 12, 0, tzinfo=dt.UTC)
    content = DebriefContent(company="Acme", news_on=dt.date(2026, 3, 16), mourning_days=3)
    record = plans.debriefs.create(content, draft=False).record
    assert record.checkin is not None
    plans.checkins.close(record.checkin.id, CheckinAnswers(feeling=4))
    goal = plans.goals.create(GoalContent("Ask for feedback"), Lane.DONE)

    rows = [
        profile.db.execute_sql("SELECT created_at, updated_at FROM debrief").fetchone(),
        profile.db.execute_sql("SELECT due_at, done_at, delivered_at FROM checkin").fetchone(),
        profile.db.execute_sql("SELECT created_at, done_at FROM goal").fetchone(),
    ]
    whole_second = to_db_time(plans.clock.now())
    assert whole_second.endswith(".000000")
    assert [stamp for row in rows for stamp in row if stamp != whole_second] == [
        "2026-03-19 08:00:00.000000"  # the check-in's due time, 09:00 in Berlin
    ]
    assert goal.done_at == plans.clock.now()
