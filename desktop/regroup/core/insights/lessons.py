"""6. Lessons that repeat: thinking traps named twice or more, and lines that share words.

The rule is simple enough to explain on the page: two "what I would do differently"
lines from different debriefs repeat when they share two meaningful words, or when
a one-word line's word appears in the other. Meaningful words are runs of three
letters or more that are not common little words, with a plural "s" dropped (so
"l'" and "'s" fall away). Only a line's first six such words count, which keeps
long paragraphs from linking to everything. Lines linked this way, directly or
through others, form one group.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import combinations, islice
from operator import itemgetter

from regroup.core.debriefs.thinking_traps import trap_by_id
from regroup.core.goals.types import Lane
from regroup.core.insights.records import DebriefRow, GoalRow
from regroup.core.insights.types import LessonLine, LessonsFigure, RepeatedLesson, RepeatedTrap
from regroup.core.insights.wording import plural

MAX_WORDS = 6
"""Words of a line taken into account (the pairs of them grow with the square)."""
SHOWN_WORDS = 5
LONG_LINE = 2_000
"""Characters from which a line's words are read one by one, up to the sixth."""
STOP_WORDS = frozenset(
    """
    about after again all also and any are around back been before being but can
    could did does doing done down each even ever every for from get getting got
    had has have having her here him his how into its just least less let like
    made make making many may more most much must need next not now off once one
    only other our out over own really same she should some still such than that
    the their them then there these they thing things this those through too try
    under until very was way well were what when where which while who why will
    with would yet you your
    """.split()  # noqa: SIM905 - a paragraph reads better than a list of quoted words
)
_WORD = re.compile(r"[^\W\d_]{3,}")
"""Runs of 3 letters or more: "l'entretien" gives "entretien", "company's" "company"."""
_ASCII_WORD = re.compile(r"[a-z]{3,}")
"""The same runs in a casefolded ASCII line, where the regex engine's byte class is quicker."""


class _Meanings(dict[str, str]):
    """Each word read so far, as it counts: a plural "s" dropped, "" for a little word.

    Lines share most of their words, so each is looked at once (2,000 debriefs'
    lines hold some 50,000 words, a few thousand of them different).
    """

    def __missing__(self, word: str) -> str:
        meant = word
        if len(word) > 3 and word[-1] == "s" and word[-2] != "s":  # a plural "s" drops
            meant = word[:-1]
        if word in STOP_WORDS or meant in STOP_WORDS:
            meant = ""
        self[word] = meant
        return meant


def words(line: str, meanings: dict[str, str] | None = None) -> tuple[str, ...]:
    """Return a line's meaningful words, in order, each once (at most MAX_WORDS).

    It stops reading at the sixth word, so a pasted page costs no more than a line.
    ``meanings`` carries the words already looked at from one line to the next.
    """
    meant = (_Meanings() if meanings is None else meanings).__getitem__
    folded = line.casefold()
    # findall is the quicker for a line; a long paste is read match by match instead.
    if len(folded) < LONG_LINE:
        runs = (_ASCII_WORD if folded.isascii() else _WORD).findall(folded)
        return tuple(islice(dict.fromkeys(filter(None, map(meant, runs))), MAX_WORDS))
    found: dict[str, None] = {}
    for word in filter(None, map(meant, map(itemgetter(0), _WORD.finditer(folded)))):
        found[word] = None
        if len(found) == MAX_WORDS:
            break
    return tuple(found)


class _Groups:
    """Union-find over line numbers."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, items: list[int]) -> None:
        """Put ``items`` in one group (the finds inlined: this runs some 60,000 times)."""
        parent = self.parent
        root = items[0]
        while parent[root] != root:
            root = parent[root]
        for item in items:
            while parent[item] != item:
                parent[item], item = root, parent[item]
            if item != root:
                parent[item] = root


def _link(owners: list[int], line_words: list[tuple[str, ...]]) -> _Groups:
    """Join the lines that share a pair of words, or a one-word line's word, across debriefs.

    Most pairs of words belong to one line only; those are skipped before any joining.
    A debrief's lines come one after the other, so lines sharing a pair belong to two
    debriefs or more exactly when the first and the last of them do.
    """
    groups = _Groups(len(line_words))
    by_key: dict[tuple[str, str], list[int]] = {}
    alone = {found[0] for found in line_words if len(found) == 1}
    by_word: dict[str, list[int]] = {word: [] for word in alone}
    for number, found in enumerate(line_words):
        for pair in combinations(sorted(found), 2):
            members = by_key.get(pair)
            if members is None:
                by_key[pair] = [number]
            else:
                members.append(number)
        if alone:
            for word in alone.intersection(found):
                by_word[word].append(number)
    for linked in (by_key.values(), by_word.values()):
        for members in linked:
            if len(members) > 1 and owners[members[0]] != owners[members[-1]]:
                groups.join(members)
    return groups


def _lesson_line(row: DebriefRow, text: str, goals: dict[tuple[int, str], GoalRow]) -> LessonLine:
    goal = goals.get((row.id, text))
    done = goal is not None and (goal.lane is Lane.DONE or goal.done_on is not None)
    return LessonLine(row.id, text, goal.id if goal else None, done)


def _lines(rows: list[DebriefRow]) -> list[tuple[DebriefRow, str, tuple[str, ...]]]:
    """Return each "do differently" line with its words, leaving out lines without any."""
    known: dict[str, tuple[str, ...]] = {}  # a line written twice is read once
    meanings = _Meanings()
    lines = []
    for row in rows:
        for text in row.do_differently:
            found = known.get(text)
            if found is None:
                found = known[text] = words(text, meanings)
            if found:
                lines.append((row, text, found))
    return lines


def repeated_lessons(rows: list[DebriefRow], goal_rows: list[GoalRow]) -> list[RepeatedLesson]:
    """Return the groups of lines from two or more debriefs, the largest first, then oldest."""
    lines = _lines(rows)
    groups = _link([row.id for row, _text, _found in lines], [found for *_, found in lines])
    members: dict[int, list[int]] = defaultdict(list)
    for number in range(len(lines)):
        members[groups.find(number)].append(number)
    goals = {
        (g.source_debrief_id, g.source_line): g
        for g in goal_rows
        if g.source_debrief_id is not None and g.source_line is not None
    }
    found = []
    for numbers in members.values():
        if len({lines[n][0].id for n in numbers}) < 2:
            continue
        counts = Counter(word for n in numbers for word in lines[n][2])
        shared = sorted((w for w, c in counts.items() if c >= 2), key=lambda w: (-counts[w], w))
        found.append(
            RepeatedLesson(
                tuple(shared[:SHOWN_WORDS]),
                tuple(_lesson_line(lines[n][0], lines[n][1], goals) for n in numbers),
            )
        )
    found.sort(key=lambda group: -len(group.lines))  # stable: ties keep the oldest first
    return found


def repeated_traps(rows: list[DebriefRow]) -> list[RepeatedTrap]:
    """Return the traps named in two or more debriefs, the most often named first."""
    named: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        for trap_id in dict.fromkeys(row.traps):
            named[trap_id].append(row.id)
    found = []
    for trap_id, ids in named.items():
        trap = trap_by_id(trap_id)
        if len(ids) >= 2 and trap is not None:
            found.append(RepeatedTrap(trap_id, trap.name, tuple(ids)))
    found.sort(key=lambda trap: (-len(trap.debrief_ids), trap.name))
    return found


def lessons(rows: list[DebriefRow], goal_rows: list[GoalRow]) -> LessonsFigure:
    """Build figure 6."""
    traps = repeated_traps(rows)
    groups = repeated_lessons(rows, goal_rows)
    if not traps and not groups:
        text = (
            "When a thinking trap or a lesson comes back in two debriefs, it shows "
            "here with the goals made from it."
        )
        return LessonsFigure((), (), text)
    parts = []
    if traps:
        if len(traps) == 1:
            named = len(traps[0].debrief_ids)
            parts.append(f"{traps[0].name} came back, in {named:,} debriefs.")
        else:
            parts.append(f"{len(traps)} thinking traps came back, most often {traps[0].name}.")
    if groups:
        lines = [line for group in groups for line in group.lines]
        with_goal = [line for line in lines if line.goal_id is not None]
        done = sum(1 for line in with_goal if line.goal_done)
        text = f"{plural(len(groups), 'lesson')} came up more than once"
        if with_goal:
            text += "; " + _goals_done(done, len(with_goal))
        parts.append(text + ".")
    return LessonsFigure(tuple(traps), tuple(groups), " ".join(parts))


def _goals_done(done: int, made: int) -> str:
    if done == 0:
        return f"{plural(made, 'goal was', 'goals were')} made from them"
    if done == made:
        return "the goals made from them are done" if made > 1 else "its goal is done"
    return f"{done} of the {made} goals made from them {'is' if done == 1 else 'are'} done"
