"""Frozen records: Regroup's dataclasses, with their comparison and text written once.

``@dataclass`` writes out and compiles ``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__`` and ``__delattr__`` for every class as it is
defined: about 1 ms a class on the build machine, and a command loads some fifty
classes before it does any work (a third of ``regroup insights``' imports). With
``@record``, dataclasses write only what must be each class's own (``__init__``
and the frozen guards), and every record shares one ``__eq__``, ``__hash__`` and
``__repr__`` that behave as the written ones: equal to a record of the same class
whose compared fields are equal, hashed on those fields, shown as
``Name(field=value, ...)``. ``dataclasses.fields``, ``replace`` and ``asdict``
work as on any dataclass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")
_KEY = "_record_key"
_SHOWN = "_record_shown"


def _key_of(names: tuple[str, ...]) -> Callable[[object], tuple[Any, ...]]:
    """Return what gives a record's compared fields as a tuple, in C where it can."""
    if len(names) >= 2:
        return attrgetter(*names)
    if names:
        get = attrgetter(names[0])
        return lambda item: (get(item),)
    return lambda _item: ()


def _eq(self: object, other: object) -> object:  # NotImplemented for another class
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = getattr(self.__class__, _KEY)
    return key(self) == key(other)


def _hash(self: object) -> int:
    return hash(getattr(self.__class__, _KEY)(self))


def _repr(self: object) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in getattr(self, _SHOWN))
    return f"{self.__class__.__qualname__}({shown})"


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """Make ``cls`` a frozen dataclass whose comparison and text are the shared ones."""
    made = dataclass(frozen=True, repr=False, eq=False)(cls)
    found = fields(made)  # type: ignore[arg-type]
    compared = tuple(f.name for f in found if f.compare)
    hashed = tuple(f.name for f in found if (f.compare if f.hash is None else f.hash))
    setattr(made, _KEY, staticmethod(_key_of(compared)))
    setattr(made, _SHOWN, tuple(f.name for f in found if f.repr))
    made.__eq__ = _eq  # type: ignore[method-assign,assignment]
    made.__repr__ = _repr  # type: ignore[method-assign]
    if hashed == compared:
        made.__hash__ = _hash  # type: ignore[method-assign]
    else:  # a field left out of the hash only: as dataclasses hash it
        hash_key = _key_of(hashed)
        made.__hash__ = lambda self: hash(hash_key(self))  # type: ignore[method-assign]
    return made
