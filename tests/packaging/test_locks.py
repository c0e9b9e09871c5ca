"""The Windows and macOS builds install from locks that Linux vouches for, offline.

Nobody here can run the release workflow's Windows and macOS jobs, so their
dependencies are checked from the committed lock files alone: wheel file names
carry the platform tags, and markers are evaluated for that platform.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from packaging.pylock import Pylock
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
INDEX = "https://files.example/packages"


def _load_check_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "packaging_locks_check", ROOT / "packaging" / "locks" / "check.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


check = _load_check_module()
TARGETS = {target.name: target for target in check.targets()}
platforms = pytest.mark.parametrize("target", TARGETS.values(), ids=TARGETS.keys())


@platforms
def test_each_package_locked_for_a_platform_has_a_hashed_wheel_that_runs_there(target: Any) -> None:
    lock = check.read_lock(target.lock_path)
    assert check.wheel_problems(lock, target) == []
    assert all(package.wheels for package in lock.packages)


@platforms
def test_each_lock_holds_what_pyproject_asks_for_on_its_platform(target: Any) -> None:
    lock = check.read_lock(target.lock_path)
    wanted, elsewhere = check.read_requirements()
    assert check.requirement_problems(lock, target, wanted, elsewhere) == []
    locked = {package.name for package in lock.packages}
    assert {"pyside6-essentials", "sqlcipher3", "keyring", "pyinstaller"} <= locked
    assert "dbus-python" not in locked
    assert "secretstorage" not in locked


def test_markers_are_read_for_the_target_not_for_this_machine() -> None:
    locked = {
        name: {package.name for package in check.read_lock(target.lock_path).packages}
        for name, target in TARGETS.items()
    }
    assert "pywin32-ctypes" in locked["windows"]
    assert "pywin32-ctypes" not in locked["macos"]
    assert "macholib" in locked["macos"]
    assert "macholib" not in locked["windows"]


def test_the_locks_are_for_the_python_the_release_workflow_sets_up() -> None:
    versions = set(re.findall(r'python-version:\s*"([^"]+)"', WORKFLOW.read_text()))
    assert versions == {".".join(map(str, check.PYTHON))}


def test_no_locked_wheel_needs_a_newer_macos_than_the_app_declares() -> None:
    declared = {
        found
        for path in [ROOT / "packaging" / "regroup.spec", *(ROOT / "packaging").glob("*.py")]
        for line in path.read_text().splitlines()
        if "LSMinimumSystemVersion" in line or "MACOS_MINIMUM" in line
        for found in re.findall(r'"(\d+\.\d+)"', line)
    }
    assert declared == {"{}.{}".format(*check.MACOS_MINIMUM)}
    minimum = check.MACOS_MINIMUM
    assert f"macosx_{minimum[0]}_{minimum[1]}_arm64" in TARGETS["macos"].platform_tags
    assert f"macosx_{minimum[0] + 1}_0_arm64" not in TARGETS["macos"].platform_tags


@platforms
def test_the_pip_requirements_are_the_lock_itself(target: Any) -> None:
    lock = check.read_lock(target.lock_path)
    assert target.requirements_path.read_text() == check.pip_requirements(lock, target)


@platforms
def test_the_release_workflow_installs_each_lock_with_hashes_then_the_app_alone(
    target: Any,
) -> None:
    workflow = WORKFLOW.read_text()
    lock = target.requirements_path.relative_to(ROOT).as_posix()
    assert f'--require-hashes --only-binary ":all:" -r {lock}' in workflow
    assert "pip install --no-deps ." in workflow
    assert 'pip install ".[package]"' not in workflow


def test_a_lock_whose_wheels_are_linux_only_is_refused(tmp_path: Path) -> None:
    windows = TARGETS["windows"]
    broken = tmp_path / windows.lock_path.name
    text = windows.lock_path.read_text()
    broken.write_text(text.replace("win_amd64.whl", "manylinux_2_28_x86_64.whl"))
    shutil.copy(windows.requirements_path, tmp_path)
    assert check.lock_problems(windows, windows.lock_path) == []
    found = check.lock_problems(windows, broken)
    refused = [problem.split(":")[1].split()[0] for problem in found]
    assert {"pyside6-essentials", "shiboken6", "sqlcipher3", "cryptography"} <= set(refused)
    assert all("no wheel for windows and CPython 3.11" in problem for problem in found)
    assert not any("peewee" in problem for problem in found)


def test_a_pip_file_that_drifts_from_its_lock_is_refused(tmp_path: Path) -> None:
    macos = TARGETS["macos"]
    shutil.copy(macos.lock_path, tmp_path)
    pinned = macos.requirements_path.read_text()
    drifted = pinned.replace("peewee==", "peewee>=", 1)
    assert drifted != pinned
    (tmp_path / macos.requirements_path.name).write_text(drifted)
    assert check.lock_problems(macos, tmp_path / macos.lock_path.name) == [
        "pylock.macos.toml: macos.txt is not this lock's pins and hashes: run update.py"
    ]


def test_a_wheel_for_a_newer_macos_than_the_app_claims_is_refused() -> None:
    lock = _lock(
        "pyside6-essentials",
        "6.10.1",
        "pyside6_essentials-6.10.1-cp39-abi3-macosx_99_0_arm64.whl",
    )
    found = check.wheel_problems(lock, TARGETS["macos"])
    assert found == [
        "pyside6-essentials 6.10.1: no wheel for macos and CPython 3.11 "
        "(pyside6_essentials-6.10.1-cp39-abi3-macosx_99_0_arm64.whl)"
    ]


def test_an_unhashed_or_source_entry_is_refused() -> None:
    lock = _lock("peewee", "4.0.0", "peewee-4.0.0-py3-none-any.whl", sha256="md5-only")
    assert check.wheel_problems(lock, TARGETS["windows"]) == [
        "peewee 4.0.0: peewee-4.0.0-py3-none-any.whl has no sha256 hash"
    ]
    source = Pylock.from_dict(
        {
            "lock-version": "1.0",
            "created-by": "test",
            "packages": [
                {
                    "name": "peewee",
                    "version": "4.0.0",
                    "sdist": {
                        "url": f"{INDEX}/peewee-4.0.0.tar.gz",
                        "hashes": {"sha256": "0" * 64},
                    },
                }
            ],
        }
    )
    assert check.wheel_problems(source, TARGETS["windows"]) == [
        "peewee 4.0.0 is locked as a source, not as wheels"
    ]


def test_a_lock_that_strays_from_pyproject_is_refused() -> None:
    lock = _lock("peewee", "3.17.0", "peewee-3.17.0-py3-none-any.whl")
    wanted = [Requirement("peewee>=4.0,<5"), Requirement("keyring>=25,<26")]
    elsewhere = [Requirement("dbus-python>=1.3,<2; sys_platform == 'linux'")]
    lock_with_dbus = _lock("dbus-python", "1.3.2", "dbus_python-1.3.2-cp311-cp311-win_amd64.whl")
    assert check.requirement_problems(lock, TARGETS["windows"], wanted) == [
        "peewee<5,>=4.0 is locked at 3.17.0 for windows",
        "keyring<26,>=25 is not locked for windows",
    ]
    assert check.requirement_problems(lock_with_dbus, TARGETS["windows"], [], elsewhere) == [
        "dbus-python is locked for windows, which "
        'dbus-python<2,>=1.3; sys_platform == "linux" excludes'
    ]


def _lock(name: str, version: str, wheel: str, sha256: str = "0" * 64) -> Pylock:
    return Pylock.from_dict(
        {
            "lock-version": "1.0",
            "created-by": "test",
            "packages": [
                {
                    "name": name,
                    "version": version,
                    "wheels": [{"url": f"{INDEX}/{wheel}", "hashes": {"sha256": sha256}}],
                }
            ],
        }
    )
