"""Realistic journals for the benchmarks: ~150-word entries with tags and moods."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from regroup.core.diary.types import EntryContent

_WORDS = """
interview recruiter application rejection feedback resume portfolio manager team role
offer salary company culture question answer prepared nervous confident tired hopeful
week morning evening call email silence waited decided learned change next better
practice skills project presentation network coffee friend mentor walk run sleep
because although maybe really honestly still again today tomorrow yesterday always
the a an and or but so of to in on at for with about from by as into over after
i you we they it my our their this that these those what which who when where why
is was were be been being have has had do did does can could will would should
not no yes very more most less little much many some any every each other another
think feel felt know knew want wanted need needed try tried make made take took
good bad hard easy long short new old first last next same different right wrong
work job career future plan goal step list write read send ask tell say said
""".split()  # noqa: SIM905 - a paragraph reads better than 180 quoted words
_TAGS = [
    "interview",
    "rejection",
    "feedback",
    "networking",
    "resume",
    "practice",
    "wellbeing",
    "gratitude",
    "skills",
    "applications",
    "mentor",
    "salary",
    "remote",
    "followup",
    "portfolio",
    "ideas",
]
_START = dt.date(2026, 11, 25)
COMMON_WORD = "interview"
RARE_WORD = "serendipity"
RARE_EVERY = 1000
JOURNAL_VERSION = 3
"""Bump when the generated text changes, so cached journals are rebuilt."""


def _sentence(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(8, 18))
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "!", "?"])


def entries(count: int, seed: int = 2026) -> Iterator[EntryContent]:
    """Yield ``count`` entries, newest day first, about one a day (several for huge journals)."""
    rng = random.Random(seed)
    per_day = max(1, count // 36_500)
    for i in range(count):
        sentences: list[str] = []
        words = 0
        if i % RARE_EVERY == 0:
            sentences.append(f"A moment of {RARE_WORD} today.")
        while words < 150:
            sentence = _sentence(rng)
            sentences.append(sentence)
            words += sentence.count(" ") + 1
        yield EntryContent(
            title=_sentence(rng)[:60] if rng.random() < 0.6 else "",
            body=" ".join(sentences),
            mood=rng.randint(1, 5) if rng.random() < 0.8 else None,
            tags=rng.sample(_TAGS, k=rng.randint(0, 3)),
            entry_date=_START - dt.timedelta(days=i // per_day),
        )
