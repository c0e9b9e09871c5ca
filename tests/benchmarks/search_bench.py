"""Search figures: in-process latency, ``regroup search`` as a whole process, and jrnl."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from regroup.core.diary.types import SearchQuery
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile
from tests.benchmarks.journal import entries


def search_latencies(profile: Profile, word: str, runs: int) -> list[float]:
    """Milliseconds for the top 50 hits with snippets, after one warm-up search."""
    profile.search.search(SearchQuery(word))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        hits = profile.search.search(SearchQuery(word))
        times.append((time.perf_counter() - start) * 1000)
    if not hits:
        raise RuntimeError(f"the benchmark journal has no entry with {word!r}")
    return times


def process_times(command: list[str], env: dict[str, str], runs: int) -> list[float]:
    """Milliseconds for a whole command to run, ``runs`` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True, timeout=120)
        times.append((time.perf_counter() - start) * 1000)
    return times


def cli_search_command(paths: ProfilePaths, word: str) -> list[str]:
    """``regroup search WORD`` on the benchmark profile."""
    return [sys.executable, "-m", "regroup", "--data-dir", str(paths.root), "search", word]


def write_jrnl_journal(journal: Path, size: int) -> None:
    """Write the benchmark journal of ``size`` entries in jrnl's plain-text layout, oldest first."""
    journal.parent.mkdir(parents=True, exist_ok=True)
    with journal.open("w", encoding="utf-8") as out:
        for entry in reversed(list(entries(size))):
            title = entry.title or entry.body.split(".")[0]
            tags = " ".join(f"@{tag}" for tag in entry.tags)
            out.write(f"[{entry.entry_date} 09:00] {title}.\n{entry.body} {tags}\n\n")


def jrnl_setup(cache: Path, size: int, say: Callable[[str], None]) -> list[str] | None:
    """Install jrnl in its own virtualenv and write the journal in its plain-text format.

    Returns the command prefix to run jrnl on it, or None when jrnl cannot be installed.
    """
    venv = cache / "jrnl-venv"
    jrnl = venv / "bin" / "jrnl"
    if not jrnl.exists():
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        installed = subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "jrnl"], capture_output=True, check=False
        )
        if installed.returncode != 0:
            say("jrnl could not be installed; skipping the comparison")
            return None
    journal = cache / "jrnl" / f"journal-{size}.txt"
    config = cache / "jrnl" / f"jrnl-{size}.yaml"
    if not journal.exists():
        write_jrnl_journal(journal, size)
        config.write_text(
            "colors: {body: none, date: none, tags: none, title: none}\n"
            "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\n"
            "highlight: false\nindent_character: '|'\n"
            f"journals: {{default: {{journal: {journal}}}}}\n"
            "linewrap: 79\ntagsymbols: '@'\ntemplate: false\n"
            "timeformat: '%Y-%m-%d %H:%M'\nversion: v4.2\n"
        )
    return [str(jrnl), "--config-file", str(config)]
