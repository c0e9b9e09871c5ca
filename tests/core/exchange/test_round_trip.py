"""Whatever a person wrote comes back exactly from a JSON export imported into a new profile.

Hypothesis writes the content (emoji, right-to-left scripts, NUL, long texts, odd
line breaks) into a real encrypted profile; the export is imported into another,
empty one, exported again, and both the files and every record must match.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regroup.core.checkins.types import CheckinAnswers
from regroup.core.debriefs.types import DebriefContent, GoalsOnDelete, KeepLooking, NewsVia, Stage
from regroup.core.diary.types import EntryContent
from regroup.core.exchange.service import export_json, import_json, write_json_export
from regroup.core.goals.types import GoalCategory, GoalContent, Lane
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from tests.core.exchange.test_plans import snapshot as plans_snapshot
from tests.core.exchange.test_service import snapshot as entries_snapshot
from tests.support.clock import ManualClock
from tests.support.prompter import ScriptedPrompter

HARD = st.sampled_from(
    [
        "They chose someone else \U0001f614\U0001f3f3\ufe0f\u200d\U0001f308",
        "לא קיבלתי את התפקיד",
        "لم أحصل على الوظيفة",
        "before\x00after",
        'line\r\nbreaks\rand\ttabs \u2028 \\ "quoted" *stars* # hash',
        "\u202eRTL override\u202c and a combining e\u0301",
        "A long answer that goes on. " * 700,
    ]
)
texts = st.one_of(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30), HARD)
words = texts.filter(lambda text: bool(text.strip()))
days = st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2026, 3, 1))
entries = st.builds(
    EntryContent,
    body=texts,
    title=texts,
    mood=st.none() | st.integers(1, 5),
    tags=st.lists(texts, max_size=3),
    entry_date=st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)),
)
debriefs = st.builds(
    DebriefContent,
    company=texts,
    role=texts,
    role_kind=texts,
    applied_on=days,
    stage=st.none() | st.sampled_from(Stage),
    interview_rounds=st.none() | st.integers(0, 99),
    news_on=days,
    news_via=st.none() | st.sampled_from(NewsVia),
    feedback_asked=st.none() | st.booleans(),
    feedback_received=texts,
    preparedness=st.none() | st.integers(1, 5),
    went_well=texts,
    do_differently=st.lists(words, max_size=3).map(tuple),
    resume_targeted=st.none() | st.booleans(),
    strengths=texts,
    wanted=st.none() | st.integers(1, 5),
    keep_looking=st.none() | st.sampled_from(KeepLooking),
    traps=st.sampled_from([(), ("mind_reading",), ("taking_it_personally", "mind_reading")]),
    reframe=texts,
    lessons=texts,
    notes=texts,
    mourning_days=st.none() | st.integers(0, 365),
)
goals = st.builds(
    GoalContent,
    title=words,
    category=st.none() | st.sampled_from(GoalCategory),
    due_on=days,
    outcome=texts,
)
answers = st.builds(
    CheckinAnswers, feeling=st.none() | st.integers(1, 5), what_helped=texts, next_step=texts
)


@contextmanager
def new_profile(root: Path, keystore: SystemKeyStore, clock: ManualClock) -> Iterator[Profile]:
    """A new, empty encrypted profile of its own in ``root``."""
    paths = ProfilePaths(root / uuid.uuid4().hex)
    opened = open_profile(paths, keystore, ScriptedPrompter(), clock=clock, kdf_seconds=0.01)
    try:
        yield opened
    finally:
        opened.close()


def fill(profile: Profile, clock: ManualClock, content: dict[str, list]) -> None:  # type: ignore[type-arg]
    """Write the generated records through the services, as the window would."""
    written = [profile.diary.add(entry) for entry in content["entries"]]
    for number, debrief in enumerate(content["debriefs"]):
        record = profile.debriefs.create(debrief, draft=number % 2 == 1).record
        profile.debriefs.link_entries(record.id, [entry.id for entry in written[: number + 1]])
        if debrief.do_differently:
            profile.goals.create_from_debrief(record.id, 0, GoalCategory.SKILLS)
        if record.checkin is not None and number < len(content["answers"]):
            profile.checkins.close(record.checkin.id, content["answers"][number])
        if number == 2:
            profile.debriefs.trash(record.id, goals=GoalsOnDelete.KEEP)
    for number, goal in enumerate(content["goals"]):
        profile.goals.create(goal, list(Lane)[number % len(Lane)])
    clock.advance(dt.timedelta(hours=1))
    if written:
        profile.diary.update(written[0].id, dataclasses.replace(content["entries"][0], body="x"))
        profile.diary.trash(written[-1].id)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.fixed_dictionaries(
        {
            "entries": st.lists(entries, max_size=3),
            "debriefs": st.lists(debriefs, max_size=3),
            "goals": st.lists(goals, max_size=3),
            "answers": st.lists(answers, max_size=2),
        }
    )
)
def test_a_json_round_trip_gives_back_every_record_exactly(
    tmp_path: Path,
    keystore: SystemKeyStore,
    content: dict[str, list],  # type: ignore[type-arg]
) -> None:
    clock = ManualClock(dt.datetime(2026, 3, 29, 0, 30, 15, 123456, tzinfo=dt.UTC))
    with (
        new_profile(tmp_path, keystore, clock) as source,
        new_profile(tmp_path, keystore, clock) as empty,
    ):
        fill(source, clock, content)
        path = tmp_path / f"{uuid.uuid4().hex}.json"
        write_json_export(source.db, path, clock)

        import_json(empty.db, path)

        assert export_json(empty.db, clock) == export_json(source.db, clock)
        assert entries_snapshot(empty) == entries_snapshot(source)
        assert plans_snapshot(empty) == plans_snapshot(source)
