"""The command line, run as a user would: separate processes on a temporary profile."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from regroup import __version__
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from tests.support.snapshots import folder_fingerprint

pytestmark = pytest.mark.integration


def regroup(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run ``python -m regroup`` with the test's environment (private bus and HOME)."""
    return subprocess.run(
        [sys.executable, "-m", "regroup", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
        check=False,
    )


def _recovery_key(output: str) -> str:
    match = re.search(r"([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})", output)
    assert match, output
    return match.group(1)


def test_version_and_help_tell_the_truth() -> None:
    assert regroup("--version").stdout.strip() == f"Regroup {__version__}"
    help_text = regroup("--help").stdout
    for words in ("--data-dir", "never", "recovery key", "init", "info"):
        assert words in help_text


def test_first_run_prints_the_recovery_key_once_and_a_second_process_reuses_the_keyring(
    tmp_path: Path,
) -> None:
    data = str(tmp_path / "profile")
    created = regroup("--data-dir", data, "init")
    assert created.returncode == 0, created.stderr
    _recovery_key(created.stdout)
    assert "shows it this once" in created.stdout
    info = regroup("--data-dir", data, "info")
    assert info.returncode == 0, info.stderr
    assert "Unlocked with:  system keyring" in info.stdout
    assert not re.search(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){7}", info.stdout)
    assert regroup("--data-dir", data, "init").returncode == 1


def test_a_deleted_keyring_item_needs_the_recovery_key_and_a_wrong_one_changes_nothing(
    tmp_path: Path,
) -> None:
    paths = ProfilePaths(tmp_path / "profile")
    created = regroup("--data-dir", str(paths.root), "init")
    key = _recovery_key(created.stdout)
    profile_id = __import__("json").loads(paths.key_file.read_text())["profile_id"]
    SystemKeyStore().delete(profile_id)
    before = folder_fingerprint(paths.root)
    wrong = regroup(
        "--data-dir", str(paths.root), "info", stdin="ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ\n"
    )
    assert wrong.returncode == 3
    assert "does not unlock this profile" in wrong.stderr
    assert folder_fingerprint(paths.root) == before
    right = regroup("--data-dir", str(paths.root), "info", "--json", stdin=key.lower() + "\n")
    assert right.returncode == 0, right.stderr
    assert '"unlocked_with": "recovery key"' in right.stdout
    assert SystemKeyStore().load(profile_id) is not None
    again = regroup("--data-dir", str(paths.root), "info")
    assert "Unlocked with:  system keyring" in again.stdout


def test_info_on_an_empty_folder_creates_nothing(tmp_path: Path) -> None:
    result = regroup("--data-dir", str(tmp_path / "none"), "info")
    assert result.returncode == 1
    assert "no profile" in result.stderr
    assert not (tmp_path / "none").exists()


def test_without_a_keyring_the_terminal_sets_a_passphrase(tmp_path: Path, no_keyring: None) -> None:
    data = str(tmp_path / "profile")
    created = regroup("--data-dir", data, "init", stdin="my long passphrase\n")
    assert created.returncode == 0, created.stderr
    assert "passphrase" in created.stdout
    info = regroup("--data-dir", data, "info", stdin="my long passphrase\n")
    assert "Unlocked with:  passphrase" in info.stdout
