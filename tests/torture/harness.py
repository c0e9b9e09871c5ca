"""What every trial shares: the workspace, the writers' words, running Regroup, the tally.

Every entry a trial writes holds :data:`CANARY` (plain text that must never reach the
disk unencrypted) and a unique marker, recorded as acknowledged only once the writer
said it was saved. Each child runs on a private D-Bus with a real keyring, in a HOME
and TMPDIR of the trial's own, so every place Regroup could leave a file gets scanned.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

CANARY = "torture-canary-plaintext-5e1f"
MARKER = re.compile(r"TM[0-9a-f]{16}")
BROKEN_SWITCH = "REGROUP_TORTURE_BROKEN_WRITER"
"""Set to 1, the writers of the kill trials are swapped for one that lies (see broken_writer)."""


def new_marker() -> str:
    """A unique word that identifies one acknowledged write."""
    return "TM" + secrets.token_hex(8)


def entry_text(marker: str) -> str:
    """The text of one written entry: the canary, the marker and some hard characters."""
    return f"{CANARY} {marker} a day of waiting, לא נורא 🌱"


def tracebacks_in(text: str) -> int:
    """Count the tracebacks a child wrote, the one thing a person must never read."""
    return sum(1 for line in text.splitlines() if line.startswith("Traceback"))


@dataclass
class Outcome:
    """One child's end: its exit status and what it said."""

    code: int
    out: str
    err: str
    killed: bool = False


@dataclass
class Tally:
    """What one trial kind found; the table prints one row of it."""

    kind: str
    cycles: int = 0
    acknowledged: int = 0
    refused: int = 0
    lost: int = 0
    damaged: int = 0
    canaries: int = 0
    tracebacks: int = 0
    skipped: bool = False
    notes: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def passed(self) -> bool:
        """A trial fails on loss, a profile that no longer opens, plain text or a traceback."""
        return not (self.lost or self.damaged or self.canaries or self.tracebacks)

    def note(self, text: str) -> None:
        """Keep a finding (the first few of each kind are printed under the table)."""
        with self._lock:
            if text not in self.notes and len(self.notes) < 12:
                self.notes.append(text)

    def saw(self, outcome: Outcome, context: str) -> None:
        """Count a child's tracebacks and keep the first lines of any."""
        found = tracebacks_in(outcome.err)
        if found:
            with self._lock:
                self.tracebacks += found
            tail = outcome.err.strip().splitlines()[-1][:200]
            self.note(f"traceback in {context}: {tail}")


class Workspace:
    """One trial kind's folders: scanned ones (tmp, cache, profiles, mounts) and inputs."""

    def __init__(self, root: Path, bus_env: dict[str, str], kind: str) -> None:
        self.root = root / kind
        self.tmp = self.root / "tmp"
        self.cache = self.root / "cache"
        self.inputs = self.root / "inputs"
        self.profiles = self.root / "profiles"
        self.mounts = self.root / "mounts"
        for folder in (self.tmp, self.cache, self.inputs, self.profiles, self.mounts):
            folder.mkdir(parents=True, exist_ok=True)
        tests_root = str(Path(__file__).resolve().parents[2])
        self.env = {
            **os.environ,
            **bus_env,
            "TMPDIR": str(self.tmp),
            "XDG_CACHE_HOME": str(self.cache),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": os.pathsep.join(filter(None, [tests_root, os.environ.get("PYTHONPATH")])),
        }
        self.env.pop("PYTHON_KEYRING_BACKEND", None)
        self._count = 0
        self._lock = threading.Lock()

    def scanned(self) -> list[Path]:
        """Every folder where this kind's children may write: the canary must be in none."""
        return [self.tmp, self.cache, self.profiles, self.mounts]

    def new_folder(self, kind: str, under: Path | None = None) -> Path:
        """A fresh, not yet existing profile folder for one trial."""
        with self._lock:
            self._count += 1
            number = self._count
        return (under or self.profiles) / f"{kind}-{number:04d}"

    def command(self, profile: Path, *args: str) -> list[str]:
        """The command line of ``regroup --data-dir PROFILE ARGS``."""
        return [sys.executable, "-m", "regroup", "--data-dir", str(profile), *args]

    def writer(self, profile: Path, *args: str) -> list[str]:
        """Like :meth:`command`, but the deliberately broken writer when the switch is on."""
        if os.environ.get(BROKEN_SWITCH) == "1":
            return [sys.executable, "-m", "tests.torture.broken_writer", str(profile), *args]
        return self.command(profile, *args)

    def run(self, argv: list[str], timeout: float = 120, stdin: str | None = None) -> Outcome:
        """Run a child to its end (a hang past ``timeout`` counts as a failure to say so)."""
        try:
            done = subprocess.run(
                argv,
                input=stdin,
                stdin=None if stdin is not None else subprocess.DEVNULL,
                capture_output=True,
                text=True,
                env=self.env,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            return Outcome(-1, _text(exc.stdout), _text(exc.stderr) + "\n(hung)", killed=True)
        return Outcome(done.returncode, done.stdout, done.stderr)

    def start(self, argv: list[str]) -> subprocess.Popen[str]:
        """Start a child whose output is read at its end."""
        return subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=self.env,
        )

    def init(self, profile: Path, tally: Tally) -> None:
        """Create a profile whose key is in the keyring; the trial stops if that fails."""
        outcome = self.run(self.command(profile, "init"))
        tally.saw(outcome, "init")
        if outcome.code != 0:
            raise RuntimeError(f"regroup init failed: {outcome.err.strip()}")


def _text(data: bytes | str | None) -> str:
    if data is None:
        return ""
    return data if isinstance(data, str) else data.decode(errors="replace")


def fresh_profile(ws: Workspace, profile: Path, tally: Tally, adds: int) -> set[str]:
    """Create ``profile`` and write ``adds`` entries; return their acknowledged markers."""
    ws.init(profile, tally)
    acknowledged: set[str] = set()
    for _ in range(adds):
        add(ws, profile, tally, acknowledged)
    return acknowledged


def add(ws: Workspace, profile: Path, tally: Tally, acknowledged: set[str]) -> Outcome:
    """One `regroup add` run to its end; its marker counts only if it returned 0."""
    marker = new_marker()
    outcome = ws.run(ws.writer(profile, "add", entry_text(marker)))
    tally.saw(outcome, "add")
    if outcome.code == 0:
        acknowledged.add(marker)
    return outcome
