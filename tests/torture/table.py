"""The suite's output: one row per trial kind, then what each found, in plain words."""

from __future__ import annotations

from collections.abc import Sequence

from tests.torture.harness import Tally

COLUMNS = (
    "trial",
    "cycles",
    "acknowledged",
    "refused",
    "lost",
    "damaged",
    "canaries",
    "tracebacks",
    "result",
)


def _row(tally: Tally) -> tuple[str, ...]:
    numbers = (tally.cycles, tally.acknowledged, tally.refused, tally.lost, tally.damaged)
    found = (tally.canaries, tally.tracebacks)
    verdict = ("skipped" if tally.skipped else "ok") if tally.passed else "FAIL"
    return (tally.kind, *(str(n) for n in (*numbers, *found)), verdict)


def render(tallies: Sequence[Tally], seconds: float) -> str:
    """Return the table, a total line and the notes (refusals are told, not failed)."""
    rows = [COLUMNS, *(_row(tally) for tally in tallies)]
    total = Tally("total")
    for tally in tallies:
        for name in ("cycles", "acknowledged", "refused", "lost", "damaged"):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
        total.canaries += tally.canaries
        total.tracebacks += tally.tracebacks
    rows.append(_row(total))
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]

    def line(row: Sequence[str]) -> str:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * width for width in widths)
    out = [line(rows[0]), rule, *(line(row) for row in rows[1:-1]), rule, line(rows[-1])]
    out.append(f"\nTrials: {len(tallies)}, in {seconds:.0f} s. Refused: a write that said in words")
    out.append("that it could not be saved (a failure only when those words were a traceback).")
    for tally in tallies:
        for note in tally.notes:
            out.append(f"- {tally.kind}: {note}")
    return "\n".join(out)
