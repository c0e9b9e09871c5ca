"""Reflection prompts to start an entry from, loaded from ``resources/prompts.json``."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

import regroup.resources


@cache
def all_prompts() -> tuple[str, ...]:
    """Return every prompt, in the order of the file."""
    path = Path(regroup.resources.__file__).parent / "prompts.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(str(text) for text in data["prompts"])


def prompt_for_day(day: date) -> str:
    """Return the day's suggested prompt: the same all day, a different one tomorrow."""
    prompts = all_prompts()
    return prompts[day.toordinal() % len(prompts)]


def another_prompt(current: str, day: date, step: int) -> str:
    """Return the prompt ``step`` places after the day's one, skipping ``current``."""
    prompts = all_prompts()
    start = day.toordinal() % len(prompts)
    candidate = prompts[(start + step) % len(prompts)]
    return candidate if candidate != current else prompts[(start + step + 1) % len(prompts)]
