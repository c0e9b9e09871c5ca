"""Reading the fields of an export file: each check names the record and field it failed on.

Values come back in their stored form (the text the database keeps), so an import
writes exactly what an export read.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from regroup.core.diary.types import MOOD_RANGE, normalise_tag
from regroup.core.errors import ImportFileError, ValidationError
from regroup.core.storage.columns import from_db_time, to_db_date, to_db_time
from regroup.core.text import check_text

NOTHING_IMPORTED = "Nothing was imported."
_MISSING = object()
E = TypeVar("E", bound=StrEnum)


def iso_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def exported_time(stored: datetime | str | None) -> str | None:
    return iso_time(from_db_time(stored)) if stored else None


def describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:39] + "…"
        text = json.dumps(shown, ensure_ascii=False)
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return "an object"
    return "a list" if isinstance(value, list) else type(value).__name__


def canonical_uuid(text: str) -> str | None:
    """Return the lower-case hyphenated form of a UUID written in any of its forms, or None.

    Upper case, braces and the ``urn:uuid:`` prefix name the same record; the stored
    form is the one Regroup itself writes.
    """
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return None


def refuse(where: str, problem: str) -> ImportFileError:
    return ImportFileError(f"{where} {problem}. {NOTHING_IMPORTED}")


def stored_time(text: str) -> str | None:
    """Return the stored form of an ISO 8601 instant (no zone means UTC), or None."""
    try:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        stored = to_db_time(moment)
        return stored if from_db_time(stored) == moment else None
    except (ValueError, OverflowError):
        return None


def _is_stored_tag(tag: str) -> bool:
    return tag.split() == [tag] and unicodedata.is_normalized("NFC", tag)


def _stored_tags(raw_tags: Sequence[str]) -> tuple[str, ...]:
    """Return tags as the diary keeps them; a tag already in that form is kept exactly.

    Re-normalising an exported tag could change it (a stored tag may start with '#'),
    and a restore must give back exactly what was saved.
    """
    tags: list[str] = []
    seen: set[str] = set()
    for raw in raw_tags:
        tag = raw if _is_stored_tag(raw) else normalise_tag(raw)
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tuple(tags)


class Fields:
    """One JSON object of the file, read field by field; every error says where it was."""

    def __init__(self, value: object, where: str) -> None:
        if not isinstance(value, dict):
            raise refuse(where, f"must be an object, not {describe(value)}")
        self.value: dict[str, Any] = value
        self.where = where

    def error(self, name: str, problem: str) -> ImportFileError:
        return refuse(f'{self.where}, field "{name}",', problem)

    def get(self, name: str, default: object = _MISSING) -> Any:
        if name in self.value:
            return self.value[name]
        if default is _MISSING:
            raise self.error(name, "is missing")
        return default

    def text(self, name: str, default: object = _MISSING) -> str:
        value = self.get(name, default)
        if not isinstance(value, str):
            raise self.error(name, f"must be text, not {describe(value)}")
        try:
            check_text(name, value)
        except ValidationError as exc:
            cause = exc.__cause__
            where = f" at position {cause.start}" if isinstance(cause, UnicodeEncodeError) else ""
            raise self.error(
                name, f"holds a broken character{where} that cannot be stored"
            ) from exc
        return value

    def uuid(self, name: str) -> str:
        """The UUID in its one stored form, so that ``{ABC...}`` and ``urn:uuid:abc...`` match."""
        value = self.text(name)
        found = canonical_uuid(value)
        if found is None:
            raise self.error(name, f"must be a UUID, not {describe(value)}")
        return found

    def uuids(self, name: str) -> tuple[str, ...]:
        """A list of UUIDs, each in its stored form."""
        values = self.texts(name)
        found = tuple(canonical_uuid(value) for value in values)
        for value, canonical in zip(values, found, strict=True):
            if canonical is None:
                raise self.error(name, f"must hold UUIDs, not {describe(value)}")
        return tuple(item for item in found if item is not None)

    def mood(self, name: str) -> int | None:
        value = self.get(name, None)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value not in MOOD_RANGE:
            raise self.error(
                name, f"must be a whole number from 1 to 5 or null, not {describe(value)}"
            )
        return value

    def day(self, name: str) -> str:
        value = self.get(name)
        if isinstance(value, str):
            try:
                return to_db_date(date.fromisoformat(value))
            except ValueError:
                pass
        raise self.error(name, f"must be a date such as 2024-05-01, not {describe(value)}")

    def moment(self, name: str) -> str:
        value = self.get(name)
        stored = stored_time(value) if isinstance(value, str) else None
        if stored is None:
            raise self.error(
                name, f"must be a time such as 2024-05-01T09:30:00Z, not {describe(value)}"
            )
        return stored

    def optional_moment(self, name: str) -> str | None:
        return None if self.get(name, None) is None else self.moment(name)

    def tags(self, name: str) -> tuple[str, ...]:
        value = self.get(name, [])
        if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
            raise self.error(name, f"must be a list of texts, not {describe(value)}")
        for tag in value:
            try:
                check_text(name, tag)
            except ValidationError:
                raise self.error(name, "holds a tag with a broken character") from None
        return _stored_tags(value)

    def items(self, name: str) -> list[Any]:
        value = self.get(name, [])
        if not isinstance(value, list):
            raise self.error(name, f"must be a list, not {describe(value)}")
        return value

    def optional_day(self, name: str) -> str | None:
        return None if self.get(name, None) is None else self.day(name)

    def optional_uuid(self, name: str) -> str | None:
        return None if self.get(name, None) is None else self.uuid(name)

    def choice(self, name: str, kind: type[E]) -> E | None:
        value = self.get(name, None)
        if value is None:
            return None
        if isinstance(value, str) and value in {item.value for item in kind}:
            return kind(value)
        allowed = ", ".join(json.dumps(item.value) for item in kind)
        raise self.error(name, f"must be one of {allowed} or null, not {describe(value)}")

    def flag(self, name: str) -> bool | None:
        value = self.get(name, None)
        if value is None or isinstance(value, bool):
            return value
        raise self.error(name, f"must be true, false or null, not {describe(value)}")

    def number(self, name: str, allowed: range) -> int | None:
        value = self.get(name, None)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
            raise self.error(
                name,
                f"must be a whole number from {allowed.start} to {allowed.stop - 1} or null, "
                f"not {describe(value)}",
            )
        return value

    def real(self, name: str) -> float:
        value = self.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(name, f"must be a number, not {describe(value)}")
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            raise self.error(name, f"must be a finite number, not {describe(value)}")
        return number

    def texts(self, name: str) -> tuple[str, ...]:
        value = self.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.error(name, f"must be a list of texts, not {describe(value)}")
        for number, item in enumerate(value):
            try:
                check_text(name, item)
            except ValidationError:
                raise self.error(name, f"holds a broken character in item {number + 1}") from None
        return tuple(value)
