"""``make bench``: builds journals of 3,650, 36,500 and 365,000 entries and measures them.

The 36,500-entry journal also holds 2,000 debriefs and 10,000 goals (plans_bench), and
so does the 365,000-entry one for the insights figures (insights_bench).
``make bench ARGS=--plans-only`` measures just those (and builds only that journal).
``make bench ARGS=--reminders-only`` measures the reminder check on that journal's
check-ins and the app's idle CPU in the tray over 60 s (reminders_bench).

Prints JSON with the median, min and max of each figure (at least five runs) and
exits non-zero, naming the budget, when one is broken. Journals are cached in
.bench/ (with the private keyring that holds their keys) and rebuilt when missing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from tests.benchmarks.import_bench import import_seconds
from tests.benchmarks.insights_bench import insights_figures
from tests.benchmarks.journal import COMMON_WORD, JOURNAL_VERSION, RARE_WORD, entries
from tests.benchmarks.plans_bench import ensure_plans, plans_figures, say
from tests.benchmarks.reminders_bench import idle_cpu_percent, reminder_figures
from tests.benchmarks.search_bench import (
    cli_search_command,
    jrnl_setup,
    process_times,
    search_latencies,
)
from tests.support.prompter import ScriptedPrompter
from tests.support.session_bus import private_session

SIZES = (3_650, 36_500, 365_000)
CACHE = Path(".bench")


@dataclass(frozen=True)
class Budget:
    """A limit from an issue: ``figure`` at ``size`` must stay at or below ``limit``."""

    size: int
    figure: str
    limit: float
    unit: str


BUDGETS = (
    Budget(36_500, "start_to_interactive_ms", 400, "ms"),
    Budget(36_500, "peak_rss_mb", 120, "MB"),
    Budget(36_500, "single_save_ms", 10, "ms"),
    Budget(365_000, "start_to_interactive_ms", 800, "ms"),
    Budget(36_500, "start_to_diary_ms", 400 + 150, "ms"),
    Budget(365_000, "start_to_diary_ms", 800 + 150, "ms"),
    Budget(36_500, "search_common_ms", 30, "ms"),
    Budget(36_500, "search_rare_ms", 30, "ms"),
    Budget(365_000, "search_common_ms", 150, "ms"),
    Budget(365_000, "search_rare_ms", 150, "ms"),
    Budget(36_500, "cli_search_ms", 400, "ms"),
    Budget(36_500, "cli_insights_ms", 500, "ms"),
    Budget(36_500, "then_and_now_ms", 50, "ms"),
    Budget(36_500, "diary_page_show_ms", 150, "ms"),
    Budget(36_500, "entry_switch_ms", 30, "ms"),
    Budget(365_000, "list_scroll_data_calls_per_painted_row", 10, "calls"),
    Budget(36_500, "debrief_filter_company_ms", 30, "ms"),
    Budget(36_500, "debrief_filter_stage_ms", 30, "ms"),
    Budget(36_500, "debrief_filter_date_ms", 30, "ms"),
    Budget(36_500, "debrief_filter_text_ms", 30, "ms"),
    Budget(36_500, "debrief_filter_all_ms", 30, "ms"),
    Budget(36_500, "goal_move_ms", 20, "ms"),
    Budget(36_500, "board_load_ms", 50, "ms"),
    Budget(36_500, "reminder_check_ms", 5, "ms"),
    Budget(36_500, "idle_cpu_percent", 1, "%"),
    Budget(36_500, "goals_board_show_ms", 150, "ms"),
    Budget(3_650, "pdf_1000_entries_ms", 5_000, "ms"),
    Budget(36_500, "insights_report_ms", 2_000, "ms"),
    Budget(36_500, "goals_board_drop_ms", 20, "ms"),
    Budget(36_500, "debrief_page_filter_text_ms", 30, "ms"),
    Budget(36_500, "debrief_page_filter_company_ms", 30, "ms"),
    Budget(36_500, "debrief_page_filter_stage_ms", 30, "ms"),
    Budget(36_500, "debrief_page_filter_date_ms", 30, "ms"),
    Budget(36_500, "insights_page_show_ms", 250, "ms"),
    Budget(365_000, "insights_page_show_ms", 600, "ms"),
    Budget(36_500, "jrnl_import_s", 20, "s"),
)
GUI_SIZES = (36_500, 365_000)
JRNL_SIZE = 36_500
PLANS_SIZE = 36_500
PDF_SIZE = 3_650
"""The PDF figure prints 1,000 of this journal's entries (a date range holding them)."""


def summary(samples: list[float]) -> dict[str, float]:
    """Median, min and max, rounded for reading."""
    return {
        "median": round(statistics.median(samples), 2),
        "min": round(min(samples), 2),
        "max": round(max(samples), 2),
        "runs": len(samples),
    }


def timed_ms(action: Callable[[], object]) -> float:
    """Run ``action`` once and return how long it took in milliseconds."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def open_quietly(paths: ProfilePaths) -> Profile:
    """Open (or create) a benchmark profile with its key in the private keyring."""
    return open_profile(paths, SystemKeyStore(), ScriptedPrompter())


def ensure_journal(size: int) -> tuple[ProfilePaths, float | None]:
    """Return the cached journal of ``size`` entries, building it if needed."""
    paths = ProfilePaths(CACHE / "profiles" / f"v{JOURNAL_VERSION}-{size}")
    if paths.database.exists():
        profile = open_quietly(paths)
        count = profile.diary.count()
        profile.close()
        if count == size:
            return paths, None
    shutil.rmtree(paths.root, ignore_errors=True)
    profile = open_quietly(paths)
    start = time.perf_counter()
    profile.diary.add_many(entries(size))
    rate = size / (time.perf_counter() - start)
    profile.close()
    print(f"built a journal of {size:,} entries at {rate:,.0f} entries/s", file=sys.stderr)
    return paths, rate


BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
QTimer.singleShot(0, lambda: (print("regroup-ready", flush=True), app.quit()))
app.exec()
"""


def measure_start(
    paths: ProfilePaths | None, env: dict[str, str]
) -> tuple[float, float, float | None]:
    """Start the GUI; return ms to an interactive window, ms to the Diary's list, peak MB.

    Without ``paths`` it starts an empty PySide6 window instead: the machine's
    baseline (it has no Diary, so its second figure is None).
    """
    if paths is None:
        command = [sys.executable, "-c", BARE_WINDOW]
    else:
        command = [sys.executable, "-m", "regroup", "--data-dir", str(paths.root)]
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        env={**env, "REGROUP_EXIT_WHEN_READY": "1", "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    window = (time.perf_counter() - start) * 1000
    diary = None
    if paths is not None:
        diary_line = proc.stdout.readline()
        diary = (time.perf_counter() - start) * 1000
        line += diary_line
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    expected = "regroup-ready" if paths is None else "regroup-ready\nregroup-diary-ready"
    if line.strip() != expected or proc.returncode != 0:
        raise RuntimeError(f"the app did not start (exit {proc.returncode})")
    return window, diary, usage.ru_maxrss / 1024


def measure_saves(paths: ProfilePaths, runs: int) -> list[float]:
    """Median time of 20 single-entry saves (each one transaction with commit), per run."""
    profile = open_quietly(paths)
    last_id = profile.db.execute_sql("SELECT max(id) FROM entry").fetchone()[0]
    medians = []
    try:
        sample = next(entries(1, seed=7))
        for _ in range(runs):
            times = [timed_ms(lambda: profile.diary.add(sample)) for _ in range(20)]
            medians.append(statistics.median(times))
    finally:
        with profile.db.atomic():  # leave the cached journal as it was
            for table, column in (("entry_search", "rowid"), ("entry_tag", "entry_id")):
                profile.db.execute_sql(f"DELETE FROM {table} WHERE {column} > ?", (last_id,))
            profile.db.execute_sql("DELETE FROM entry WHERE id > ?", (last_id,))
        profile.close()
    return medians


def measure_bulk_rate(runs: int) -> list[float]:
    """Entries per second when 2,000 are saved in one go into a fresh profile."""
    rates = []
    batch = list(entries(2_000, seed=11))
    for run in range(runs):
        paths = ProfilePaths(CACHE / "scratch" / str(run))
        shutil.rmtree(paths.root, ignore_errors=True)
        profile = open_quietly(paths)
        start = time.perf_counter()
        profile.diary.add_many(batch)
        rates.append(len(batch) / (time.perf_counter() - start))
        profile.close()
        shutil.rmtree(paths.root)
    return rates


def child_figures(module: str, paths: ProfilePaths, env: dict[str, str], *args: str) -> Any:
    """Run a bench module offscreen in a process of its own; return the JSON it prints."""
    done = subprocess.run(
        [sys.executable, "-m", module, str(paths.root), *args],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=True,
        timeout=1200,
    )
    return json.loads(done.stdout)


def diary_gui_figures(paths: ProfilePaths, env: dict[str, str], runs: int) -> dict[str, object]:
    """The Diary page's figures, from a process of their own (see diary_gui_bench)."""
    module = "tests.benchmarks.diary_gui_bench"
    figures = child_figures(module, paths, env, str(runs), "--scroll")
    scroll = figures["scroll"]
    return {
        "diary_page_show_ms": summary(figures["page_show_ms"]),
        "entry_switch_ms": summary(figures["entry_switch_ms"]),
        "list_scroll": scroll,
        "list_scroll_data_calls_per_painted_row": scroll["data_calls_per_painted_row"],
    }


def pdf_figures(paths: ProfilePaths, env: dict[str, str], runs: int) -> list[float]:
    """Milliseconds to export 1,000 entries as PDF (see pdf_bench)."""
    measured = child_figures("tests.benchmarks.pdf_bench", paths, env, str(runs))
    times: list[float] = measured["pdf_1000_entries_ms"]
    return times


def report_figures(paths: ProfilePaths, env: dict[str, str], runs: int) -> list[float]:
    """Milliseconds to write the insights report of 2,000 debriefs (see report_bench)."""
    times: list[float] = child_figures("tests.benchmarks.report_bench", paths, env, str(runs))[
        "insights_report_ms"
    ]
    return times


def plans_gui_figures(paths: ProfilePaths, env: dict[str, str], runs: int) -> dict[str, object]:
    """The Goals board's and Debriefs page's figures, from a process of their own."""
    measured = child_figures("tests.benchmarks.plans_gui_bench", paths, env, str(runs))
    figures: dict[str, object] = {}
    for name, value in measured.items():
        figures[f"goals_{name}" if name.startswith("board_") else name] = (
            summary(value) if isinstance(value, list) else value
        )
    return figures


def insights_gui_figures(paths: ProfilePaths, env: dict[str, str], runs: int) -> dict[str, object]:
    """The Insights page's figures with the plans' 2,000 debriefs, from a process of its own."""
    profile = open_quietly(paths)
    try:
        ensure_plans(profile, say)
    finally:
        profile.close()
    return {
        name: summary(value) if isinstance(value, list) else value
        for name, value in child_figures(
            "tests.benchmarks.insights_gui_bench", paths, env, str(runs)
        ).items()
    }


def bench_plans(paths: ProfilePaths, runs: int, env: dict[str, str]) -> dict[str, object]:
    """Debrief and goals-board figures on the journal at ``paths``, services then pages."""
    profile = open_quietly(paths)
    try:
        ensure_plans(profile, say)
        figures = plans_figures(profile, runs)
    finally:
        profile.close()
    figures.update(plans_gui_figures(paths, env, runs))
    figures["insights_report_ms"] = summary(report_figures(paths, env, runs))
    return figures


def bench_reminders(paths: ProfilePaths, runs: int, env: dict[str, str]) -> dict[str, object]:
    """The reminder check on the plans' check-ins, then Regroup idle in the tray."""
    profile = open_quietly(paths)
    try:
        ensure_plans(profile, say)
        figures = reminder_figures(profile, runs)
    finally:
        profile.close()
    figures.update(idle_cpu_percent(paths.root, env, say=say))
    return figures


def bench_insights(
    paths: ProfilePaths, runs: int, env: dict[str, str], cli: bool
) -> dict[str, object]:
    """Every insight computed, on the journal given its plans (and the command if ``cli``)."""
    profile = open_quietly(paths)
    try:
        ensure_plans(profile, say)
        figures = insights_figures(profile, paths, env, runs, cli)
    finally:
        profile.close()
    return {name: summary(samples) for name, samples in figures.items()}


def bench_size(size: int, runs: int, env: dict[str, str]) -> dict[str, object]:
    """Every figure for one journal size."""
    paths, build_rate = ensure_journal(size)
    opens = []
    for _ in range(runs):
        start = time.perf_counter()
        profile = open_quietly(paths)
        opens.append((time.perf_counter() - start) * 1000)
        profile.close()
    profile = open_quietly(paths)
    try:
        common = search_latencies(profile, COMMON_WORD, runs)
        rare = search_latencies(profile, RARE_WORD, runs)
    finally:
        profile.close()
    starts, diaries, rss = zip(*(measure_start(paths, env) for _ in range(runs)), strict=True)
    result: dict[str, object] = {
        "entries": size,
        "database_mb": round(paths.database.stat().st_size / 2**20, 1),
        "open_store_ms": summary(opens),
        "start_to_interactive_ms": summary(list(starts)),
        "start_to_diary_ms": summary([d for d in diaries if d is not None]),
        "peak_rss_mb": summary(list(rss)),
        "single_save_ms": summary(measure_saves(paths, runs)),
        "search_common_ms": summary(common),
        "search_rare_ms": summary(rare),
    }
    if size in GUI_SIZES:
        result.update(diary_gui_figures(paths, env, runs))
    if size == PDF_SIZE:
        result["pdf_1000_entries_ms"] = summary(pdf_figures(paths, env, runs))
    if size == PLANS_SIZE:
        result.update(bench_plans(paths, runs, env))
        result.update(bench_reminders(paths, runs, env))
    if size in GUI_SIZES:
        result.update(insights_gui_figures(paths, env, runs))
        result.update(bench_insights(paths, runs, env, cli=size == PLANS_SIZE))
    if size == JRNL_SIZE:
        result["cli_search_ms"] = summary(
            process_times(cli_search_command(paths, RARE_WORD), env, runs)
        )
        result["jrnl_import_s"] = summary(import_seconds(CACHE, size, runs, open_quietly))
        jrnl = jrnl_setup(CACHE, size, lambda text: print(text, file=sys.stderr))
        if jrnl:
            result["jrnl_search_ms"] = summary(
                process_times([*jrnl, "-contains", RARE_WORD], env, runs)
            )
    if build_rate:
        result["build_entries_per_s"] = round(build_rate)
    return result


def check_budgets(results: dict[int, dict[str, object]]) -> list[str]:
    """Return one line per broken budget."""
    broken = []
    for budget in BUDGETS:
        figures = results.get(budget.size)
        if figures is None:
            continue
        value = figures.get(budget.figure)
        if value is None:
            continue
        measured = value["median"] if isinstance(value, dict) else value
        assert isinstance(measured, int | float)
        if measured > budget.limit:
            broken.append(
                f"{budget.figure} at {budget.size:,} entries: {measured} "
                f"{budget.unit} > budget {budget.limit} {budget.unit}"
            )
    return broken


def main() -> int:
    """Run the benchmarks and print the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--plans-only",
        action="store_true",
        help=f"measure only debriefs and goals (on the {PLANS_SIZE:,}-entry journal)",
    )
    parser.add_argument(
        "--reminders-only",
        action="store_true",
        help=f"measure only the reminder check and idle CPU (on the {PLANS_SIZE:,}-entry journal)",
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    runs = max(5, args.runs)
    CACHE.mkdir(exist_ok=True)
    if args.plans_only:
        return report_plans_only(runs)
    if args.reminders_only:
        return report_plans_only(runs, reminders=True)
    with private_session(CACHE.absolute() / "home") as bus:
        os.environ.update(bus.env)
        env = dict(os.environ)
        results = {size: bench_size(size, runs, env) for size in sizes}
        bulk = summary(measure_bulk_rate(runs))
        bare = [measure_start(None, env)[0] for _ in range(runs)]
    broken = check_budgets(results)
    report = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
            "bare_pyside6_window_ms": summary(bare),
        },
        "bulk_insert_entries_per_s": bulk,
        "journals": list(results.values()),
        "budgets_broken": broken,
    }
    text = json.dumps(report, indent=2)
    print(text)
    (CACHE / "results.json").write_text(text + "\n")
    for line in broken:
        print(f"BUDGET BROKEN: {line}", file=sys.stderr)
    return 1 if broken else 0


def report_plans_only(runs: int, reminders: bool = False) -> int:
    """Build (or reuse) the 36,500-entry journal with its plans, and print only their figures.

    ``reminders``: the reminder figures instead of the debrief and goals ones.
    """
    with private_session(CACHE.absolute() / "home") as bus:
        os.environ.update(bus.env)
        paths, _ = ensure_journal(PLANS_SIZE)
        env = dict(os.environ)
        measured = bench_reminders(paths, runs, env) if reminders else bench_plans(paths, runs, env)
        figures: dict[str, object] = {"entries": PLANS_SIZE, **measured}
    broken = check_budgets({PLANS_SIZE: figures})
    report = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "journals": [figures],
        "budgets_broken": broken,
    }
    text = json.dumps(report, indent=2)
    print(text)
    name = "results-reminders.json" if reminders else "results-plans.json"
    (CACHE / name).write_text(text + "\n")
    for line in broken:
        print(f"BUDGET BROKEN: {line}", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
