"""Records compare, hash, show and freeze as the frozen dataclasses they stand for."""

from __future__ import annotations

import copy
import inspect
import pickle
from dataclasses import FrozenInstanceError, asdict, dataclass, field, replace

import pytest

from regroup.core.record import record


@record
class Entry:
    title: str
    mood: int | None = None
    tags: tuple[str, ...] = ()
    note: list[str] = field(default_factory=list, compare=False)


@dataclass(frozen=True)
class Written:
    title: str
    mood: int | None = None
    tags: tuple[str, ...] = ()
    note: list[str] = field(default_factory=list, compare=False)


@record
class Alone:
    value: str


@record
class Nothing:
    pass


def test_a_record_shows_itself_as_the_dataclass_does() -> None:
    assert repr(Entry("Hello 🌱", 3, ("a",))) == repr(Written("Hello 🌱", 3, ("a",))).replace(
        "Written", "Entry"
    )
    assert repr(Alone("x")) == "Alone(value='x')"
    assert repr(Nothing()) == "Nothing()"


def test_records_are_equal_by_their_compared_fields_and_class_only() -> None:
    assert Entry("a", 1) == Entry("a", 1, note=["left out"])
    assert Entry("a", 1) != Entry("a", 2)
    assert Entry("a") != Written("a")  # another class, as dataclasses say
    assert Alone("x") == Alone("x") and Alone("x") != Alone("y")
    assert Nothing() == Nothing()


def test_equal_records_hash_alike_and_serve_as_keys() -> None:
    assert hash(Entry("a", 1)) == hash(Entry("a", 1, note=["x"]))
    assert {Alone("x"): 1}[Alone("x")] == 1
    assert len({Entry("a"), Entry("a"), Entry("b")}) == 2


def test_a_record_is_frozen_and_works_with_the_dataclass_helpers() -> None:
    entry = Entry("a", 1)
    with pytest.raises(FrozenInstanceError):
        entry.title = "b"  # type: ignore[misc]
    assert replace(entry, mood=4) == Entry("a", 4)
    assert asdict(entry) == {"title": "a", "mood": 1, "tags": (), "note": []}


@record
class Checked:
    low: int
    high: int = 5

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError("low is above high")


def test_a_record_is_made_as_the_dataclass_is() -> None:
    assert str(inspect.signature(Entry)) == str(inspect.signature(Written))
    assert Entry("a").note is not Entry("a").note  # each gets its own list
    assert Entry("a", tags=("x",)) == Entry(title="a", mood=None, tags=("x",))
    with pytest.raises(TypeError):
        Entry()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Alone("x", "y")  # type: ignore[call-arg]


def test_a_record_checks_itself_after_it_is_made() -> None:
    assert Checked(1) == Checked(1, 5)
    with pytest.raises(ValueError, match="above"):
        Checked(6)
    with pytest.raises(ValueError, match="above"):
        replace(Checked(1), low=9)


def test_nothing_can_be_set_or_removed_on_a_record() -> None:
    entry = Entry("a")
    with pytest.raises(FrozenInstanceError):
        entry.other = 1  # type: ignore[attr-defined]
    with pytest.raises(FrozenInstanceError):
        del entry.title
    assert copy.deepcopy(entry) == entry and pickle.loads(pickle.dumps(entry)) == entry
