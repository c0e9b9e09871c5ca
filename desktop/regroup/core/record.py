"""Frozen records: Regroup's dataclasses, with their comparison and text written once.

``@dataclass`` writes out and compiles ``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__`` and ``__delattr__`` for every class as it is
defined: about 1 ms a class on the build machine, and a command loads some fifty
classes before it does any work (a third of ``regroup insights``' imports). With
``@record``, only ``__init__`` is written for each class, once; every record
shares one ``__eq__``, ``__hash__`` and ``__repr__`` that behave as the written
ones (equal to a record of the same class whose compared fields are equal, hashed
on those fields, shown as ``Name(field=value, ...)``), and one pair of guards that
refuse any assignment or deletion with ``FrozenInstanceError``, as a frozen
dataclass's do. ``dataclasses.fields``, ``replace`` and ``asdict`` work as on any
dataclass. A record is never subclassed (its guards would refuse the subclass's
own attributes too).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, fields
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


def _refuse_assignment(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_deletion(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


class _Factory:
    """The default of a parameter whose field has a default factory: "call the factory"."""

    def __repr__(self) -> str:
        return "<factory>"  # as dataclasses show it in a signature


_FACTORY = _Factory()


def _init(cls: type, found: tuple[Field[Any], ...]) -> Callable[..., None]:
    """Write ``cls.__init__`` as a frozen dataclass's: every field set through object."""
    names: dict[str, Any] = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
    params, body = ["self"], []
    for item in found:
        name = item.name
        value = name
        if item.default is not MISSING:
            names[f"_default_{name}"] = item.default
            params.append(f"{name}=_default_{name}")
        elif item.default_factory is not MISSING:
            names[f"_factory_{name}"] = item.default_factory
            params.append(f"{name}=_FACTORY")
            value = f"_factory_{name}() if {name} is _FACTORY else {name}"
        else:
            params.append(name)
        body.append(f"    _set(self, {name!r}, {value})")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    source = f"def __init__({', '.join(params)}):\n" + ("\n".join(body) or "    pass")
    exec(source, names)  # our own source, made of the fields' names, as dataclasses do
    init: Callable[..., None] = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {item.name: item.type for item in found} | {"return": None}
    return init


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """Make ``cls`` a frozen dataclass whose comparison and text are the shared ones."""
    # Nothing is written by dataclass itself: its fields, and its helpers' markers.
    made = dataclass(init=False, repr=False, eq=False)(cls)
    found = fields(made)  # type: ignore[arg-type]
    made.__init__ = _init(made, found)  # type: ignore[method-assign]
    made.__setattr__ = _refuse_assignment  # type: ignore[method-assign]
    made.__delattr__ = _refuse_deletion  # type: ignore[method-assign]
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
