"""Stored forms of tags and instants."""

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from regroup.core.diary.types import normalise_tag
from regroup.core.storage.columns import from_db_time, to_db_time


@given(st.text())
def test_normalising_a_tag_twice_changes_nothing(raw: str) -> None:
    once = normalise_tag(raw)
    assert normalise_tag(once) == once
    assert not once.startswith("#")
    assert once == once.strip()


def test_hashes_and_spaces_before_a_tag_all_go() -> None:
    assert normalise_tag("# #job hunt") == "job-hunt"


@given(st.datetimes(timezones=st.just(UTC)))
def test_stored_instants_round_trip_and_sort_by_time(moment: datetime) -> None:
    assert from_db_time(to_db_time(moment)) == moment
    assert to_db_time(datetime(999, 1, 1, tzinfo=UTC)) < to_db_time(
        datetime(1900, 1, 1, tzinfo=UTC)
    )
