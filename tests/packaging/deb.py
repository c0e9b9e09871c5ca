"""The built .deb and what installing it does to this machine: shared by the tests and the bench."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from regroup import __version__

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGE = "regroup"
INSTALLED_COMMAND = Path("/usr/bin/regroup")
FIGURES = ROOT / "build" / "package-figures.json"
MAX_INSTALLED_MB = 150
MAX_DEB_MB = 70
MAX_START_RATIO = 1.5
APT_CACHE_DEPENDS = (
    "apt-cache",
    "depends",
    "--recurse",
    "--no-recommends",
    "--no-suggests",
    "--no-conflicts",
    "--no-breaks",
    "--no-replaces",
    "--no-enhances",
)
APT_ENV = {"DEBIAN_FRONTEND": "noninteractive"}


def deb_path() -> Path:
    """Where ``make package`` leaves the .deb for this version and architecture."""
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    return ROOT / "build" / f"{PACKAGE}_{__version__}_{arch}.deb"


def is_installed() -> bool:
    """Tell whether dpkg has the package installed (not merely known)."""
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", PACKAGE], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() == "install ok installed"


def apt(*args: str) -> subprocess.CompletedProcess[str]:
    """Run apt-get quietly, without questions; fail with its output."""
    result = subprocess.run(
        ["apt-get", "-y", "-q", *args],
        env={**os.environ, **APT_ENV},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(f"apt-get {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result


def install(deb: Path) -> None:
    """``apt-get install ./regroup_X.deb``: dpkg plus whatever Depends it still needs."""
    apt("install", "--no-install-recommends", str(deb.absolute()))


def purge() -> None:
    """Remove the package and its configuration, if it is there."""
    known = subprocess.run(["dpkg", "-s", PACKAGE], capture_output=True, check=False)
    if known.returncode == 0:
        apt("purge", PACKAGE)


def package_paths() -> list[Path]:
    """Every path dpkg lists for the installed package."""
    out = subprocess.run(
        ["dpkg-query", "-L", PACKAGE], capture_output=True, text=True, check=True
    ).stdout
    return [Path(line) for line in out.splitlines() if line.startswith("/")]


def owned_elsewhere(path: Path) -> bool:
    """Tell whether another package also owns ``path`` (shared folders such as /usr/share)."""
    result = subprocess.run(["dpkg-query", "-S", str(path)], capture_output=True, text=True)
    owners = {
        owner.strip()
        for line in result.stdout.splitlines()
        for owner in line.rpartition(":")[0].split(",")
    }
    return bool(owners - {PACKAGE})


def left_behind(path: Path) -> bool:
    """Tell whether a path the package listed is still there after it was removed.

    Files and links must all be gone, and so must Regroup's own folders. Shared folders
    (/, /opt, /usr/share/icons/...) stay when they hold something else or another
    package owns them, and they are gone otherwise.
    """
    if not os.path.lexists(path):
        return False
    if path.is_symlink() or not path.is_dir():
        return True
    if "regroup" in str(path).lower():
        return True
    return not owned_elsewhere(path) and not any(path.iterdir())


def tree_digest(folder: Path) -> str:
    """One hash over the names, sizes, modes and contents of everything under ``folder``."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        stat = path.lstat()
        digest.update(f"{path.relative_to(folder)}|{stat.st_mode}|{stat.st_size}\n".encode())
        if path.is_file() and not path.is_symlink():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def create_profile(command: list[str], data_dir: Path, env: dict[str, str]) -> None:
    """Make a new profile through the CLI (its key goes to the keyring), then add an entry."""
    for args in (["init"], ["add", "A first line from the package test."]):
        result = subprocess.run(
            [*command, "--data-dir", str(data_dir), *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            raise AssertionError(f"regroup {args[0]} failed:\n{result.stdout}{result.stderr}")


def start_to_ready_ms(command: list[str], data_dir: Path, env: dict[str, str]) -> float:
    """Start the GUI on ``data_dir``; return ms until it says its window is interactive.

    The same measure as ``make bench``: REGROUP_EXIT_WHEN_READY makes the app print
    ``regroup-ready`` once its main window is up, then quit with status 0.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*command, "--data-dir", str(data_dir)],
        env={**env, "REGROUP_EXIT_WHEN_READY": "1"},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    _, err = proc.communicate(timeout=60)
    if line.strip() != "regroup-ready" or proc.returncode != 0:
        raise AssertionError(f"{command[0]} did not start (exit {proc.returncode}):\n{err}")
    return elapsed


def source_command() -> list[str]:
    """Regroup run from this checkout by the venv's Python."""
    return [sys.executable, "-m", "regroup"]


def median_starts_ms(
    commands: list[list[str]], data_dir: Path, env: dict[str, str], runs: int
) -> list[float]:
    """The median start of each command over ``runs`` rounds, after one warm-up start each.

    The commands take turns within each round, so that a busy moment on a shared
    machine slows all of them alike instead of whichever happened to run then.
    """
    samples: list[list[float]] = [[] for _ in commands]
    for command in commands:
        start_to_ready_ms(command, data_dir, env)
    for _ in range(runs):
        for command, times in zip(commands, samples, strict=True):
            times.append(start_to_ready_ms(command, data_dir, env))
    return [round(statistics.median(times), 1) for times in samples]


def record(figures: dict[str, object]) -> None:
    """Merge ``figures`` into build/package-figures.json, which make package-test prints."""
    current = json.loads(FIGURES.read_text()) if FIGURES.exists() else {}
    current.update(figures)
    FIGURES.parent.mkdir(exist_ok=True)
    FIGURES.write_text(json.dumps(current, indent=2) + "\n")


def linked_system_libraries(app_dir: Path) -> dict[str, set[str]]:
    """Every library outside ``app_dir`` that its ELF files load, with who loads it.

    A library that cannot be found at all is reported under the key "not found".
    """
    linked: dict[str, set[str]] = {}
    for path in sorted(app_dir.rglob("*")):
        if path.is_symlink() or not path.is_file() or path.read_bytes()[:4] != b"\x7fELF":
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "not found" in line:
                linked.setdefault("not found", set()).add(f"{path.name}: {line.strip()}")
                continue
            match = re.match(r"\s*\S+ => (/\S+) \(0x", line)
            if match and not match.group(1).startswith(str(app_dir)):
                linked.setdefault(os.path.realpath(match.group(1)), set()).add(path.name)
    return linked


def owning_package(path: str) -> str | None:
    """The Debian package that installed ``path`` (with or without the merged /usr)."""
    for candidate in dict.fromkeys([path, path.replace("/usr/lib/", "/lib/", 1)]):
        result = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":")[0]
    return None


def depends_closure(packages: list[str]) -> set[str]:
    """``packages`` and everything their Depends and Pre-Depends bring in, recursively."""
    out = subprocess.run(
        [*APT_CACHE_DEPENDS, *packages],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {line.strip().strip("<>").split(":")[0] for line in out.splitlines() if line[:1] != " "}


def have_tools(*names: str) -> list[str]:
    """Return which of the programs are missing."""
    return [name for name in names if shutil.which(name) is None]
