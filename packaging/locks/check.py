"""Vouch for the Windows and macOS dependency locks from Linux, offline.

The release workflow installs those locks on runners that nobody here can use, so
everything that could break the build there is read from the lock files themselves:
each wheel's file name carries its platform and Python tags, and markers are
evaluated for the target, never for this machine. `make test` runs these checks
(tests/packaging/test_locks.py); `update.py` runs them after writing the locks.

Usage: python packaging/locks/check.py   (exit status 1 and one line per problem)
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.markers import Marker
from packaging.pylock import Package, Pylock, PylockValidationError
from packaging.requirements import Requirement
from packaging.tags import Tag, compatible_tags, cpython_tags, mac_platforms
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent.parent
LOCKS = ROOT / "packaging" / "locks"
PYPROJECT = ROOT / "pyproject.toml"

# The Python of the release workflow's Windows and macOS jobs (a test compares them).
PYTHON = (3, 11)
PYTHON_FULL = Version(f"{PYTHON[0]}.{PYTHON[1]}.0")
# The app's LSMinimumSystemVersion: no wheel may need a newer macOS (a test holds them equal).
MACOS_MINIMUM = (13, 0)
# What the builds install besides the app's own dependencies.
BUILD_EXTRAS = ("package",)
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Target:
    """One platform the release workflow builds on, as uv and the markers know it."""

    name: str
    uv_platform: str
    environment: Mapping[str, str]
    platform_tags: tuple[str, ...]

    @property
    def lock_path(self) -> Path:
        """The PEP 751 lock uv writes: each wheel's name, URL and hash, read by the checks."""
        return LOCKS / f"pylock.{self.name}.toml"

    @property
    def requirements_path(self) -> Path:
        """The same pins and hashes in pip's format, which the release workflow installs."""
        return LOCKS / f"{self.name}.txt"

    def tags(self) -> frozenset[Tag]:
        """Every wheel tag CPython 3.11 accepts there: its own ABI, abi3, pure Python."""
        interpreter = f"cp{PYTHON[0]}{PYTHON[1]}"
        return frozenset(
            [
                *cpython_tags(PYTHON, [interpreter], self.platform_tags),
                *compatible_tags(PYTHON, interpreter, self.platform_tags),
            ]
        )


def _environment(**platform: str) -> dict[str, str]:
    python = ".".join(map(str, PYTHON))
    return {
        "implementation_name": "cpython",
        "implementation_version": str(PYTHON_FULL),
        "platform_python_implementation": "CPython",
        "python_full_version": str(PYTHON_FULL),
        "python_version": python,
        **platform,
    }


def targets() -> tuple[Target, ...]:
    """Windows on x86-64 and macOS on Apple silicon: the release workflow's runners."""
    windows = Target(
        name="windows",
        uv_platform="x86_64-pc-windows-msvc",
        environment=_environment(
            os_name="nt",
            sys_platform="win32",
            platform_system="Windows",
            platform_machine="AMD64",
            platform_release="10",
            platform_version="10.0.20348",
        ),
        platform_tags=("win_amd64",),
    )
    macos = Target(
        name="macos",
        uv_platform="aarch64-apple-darwin",
        environment=_environment(
            os_name="posix",
            sys_platform="darwin",
            platform_system="Darwin",
            platform_machine="arm64",
            platform_release="23.6.0",
            platform_version="Darwin Kernel Version 23.6.0",
        ),
        platform_tags=tuple(mac_platforms(MACOS_MINIMUM, "arm64")),
    )
    return windows, macos


def read_lock(path: Path) -> Pylock:
    """The lock, validated against PEP 751 (a wheel without a hash is refused here)."""
    with path.open("rb") as file:
        return Pylock.from_dict(tomllib.load(file))


def read_requirements(pyproject: Path = PYPROJECT) -> tuple[list[Requirement], list[Requirement]]:
    """What the builds install (runtime and build extras), and every other extra's."""
    with pyproject.open("rb") as file:
        project: dict[str, Any] = tomllib.load(file)["project"]
    extras: dict[str, list[str]] = project.get("optional-dependencies", {})
    built = [*project["dependencies"], *(line for name in BUILD_EXTRAS for line in extras[name])]
    other = [line for name, lines in extras.items() if name not in BUILD_EXTRAS for line in lines]
    return [Requirement(line) for line in built], [Requirement(line) for line in other]


def _applies(marker: Marker | None, target: Target) -> bool:
    return marker is None or marker.evaluate(dict(target.environment))


def _installed(lock: Pylock, target: Target) -> list[Package]:
    return [package for package in lock.packages if _applies(package.marker, target)]


def wheel_problems(lock: Pylock, target: Target) -> list[str]:
    """Each package the target installs has a hashed wheel that CPython 3.11 there accepts."""
    problems: list[str] = []
    accepted = target.tags()
    if lock.requires_python is not None and PYTHON_FULL not in lock.requires_python:
        problems.append(f"the lock requires Python {lock.requires_python}")
    for package in _installed(lock, target):
        label = f"{package.name} {package.version}"
        if package.requires_python is not None and PYTHON_FULL not in package.requires_python:
            problems.append(f"{label} requires Python {package.requires_python}")
        if package.sdist is not None or not package.wheels:
            problems.append(f"{label} is locked as a source, not as wheels")
        wheels = package.wheels or []
        problems += [
            f"{label}: {wheel.filename} has no sha256 hash"
            for wheel in wheels
            if not _SHA256.fullmatch(wheel.hashes.get("sha256", ""))
        ]
        if wheels and not any(parse_wheel_filename(w.filename)[3] & accepted for w in wheels):
            names = ", ".join(wheel.filename for wheel in wheels)
            python = ".".join(map(str, PYTHON))
            problems.append(f"{label}: no wheel for {target.name} and CPython {python} ({names})")
    return problems


def requirement_problems(
    lock: Pylock,
    target: Target,
    wanted: Iterable[Requirement],
    elsewhere: Iterable[Requirement] = (),
) -> list[str]:
    """The lock holds what pyproject.toml asks for on the target, and nothing it keeps off it."""
    locked = {package.name: package.version for package in _installed(lock, target)}
    wanted = list(wanted)
    problems: list[str] = []
    for requirement in wanted:
        if not _applies(requirement.marker, target):
            continue
        name = canonicalize_name(requirement.name)
        if name not in locked:
            problems.append(f"{requirement} is not locked for {target.name}")
            continue
        version = locked[name]
        if version is None or not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement} is locked at {version} for {target.name}")
    for requirement in [*wanted, *elsewhere]:
        name = canonicalize_name(requirement.name)
        if not _applies(requirement.marker, target) and name in locked:
            problems.append(f"{name} is locked for {target.name}, which {requirement} excludes")
    return problems


def lock_problems(target: Target, lock_path: Path | None = None) -> list[str]:
    """Every problem of one target's lock file, as lines a maintainer can act on."""
    path = lock_path or target.lock_path
    try:
        lock = read_lock(path)
    except (OSError, tomllib.TOMLDecodeError, PylockValidationError) as error:
        return [f"{path.name}: {error}"]
    wanted, elsewhere = read_requirements()
    found = wheel_problems(lock, target) + requirement_problems(lock, target, wanted, elsewhere)
    pip_file = path.with_name(target.requirements_path.name)
    if not pip_file.exists() or pip_file.read_text() != pip_requirements(lock, target):
        found.append(f"{pip_file.name} is not this lock's pins and hashes: run update.py")
    return [f"{path.name}: {problem}" for problem in found]


def pip_requirements(lock: Pylock, target: Target) -> str:
    """The lock as a hash-checked requirements file, so the workflow needs only pip.

    pip's and uv's readers of pylock.toml are still experimental; `--require-hashes`
    over a requirements file is not. Markers stay in, for pip to evaluate on the runner.
    """
    lines = [
        f"# Made by packaging/locks/update.py from {target.lock_path.name}; do not edit.",
        "# pip install --require-hashes --only-binary :all: "
        f"-r packaging/locks/{target.requirements_path.name}",
    ]
    for package in lock.packages:
        marker = f" ; {package.marker}" if package.marker else ""
        digests = [wheel.hashes.get("sha256") for wheel in package.wheels or []]
        pin = [f"{package.name}=={package.version}{marker}"]
        lines.append(" \\\n    ".join(pin + [f"--hash=sha256:{d}" for d in digests if d]))
    return "\n".join(lines) + "\n"


def main() -> int:
    found = [problem for target in targets() for problem in lock_problems(target)]
    for problem in found:
        print(problem, file=sys.stderr)
    if not found:
        print("checked:", ", ".join(target.lock_path.name for target in targets()))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
