"""Rules on text that every feature applies before anything is stored."""

from __future__ import annotations

from regroup.core.errors import ValidationError


def check_text(label: str, text: str) -> None:
    """Refuse text that cannot be stored exactly (lone surrogates), saying where."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValidationError(
            f"The {label} contains a broken character at position {exc.start}; "
            "remove it and save again."
        ) from exc
