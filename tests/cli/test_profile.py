"""A command's own process starts reading the key before it loads the command."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from regroup.cli import profile as cli_profile
from tests.cli.test_diary import new_profile, ok, regroup


@pytest.fixture
def fresh_start(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """What ``prepare_process`` sets is put back after the test; the collector stays on."""
    monkeypatch.setattr(cli_profile, "_freeze_at_open", False)
    monkeypatch.setattr(cli_profile, "_early_keystore", None)
    yield
    gc.unfreeze()
    gc.enable()


def test_the_read_started_for_a_profile_is_the_one_that_opens_it(
    tmp_path: Path, fresh_start: None
) -> None:
    folder = Path(new_profile(tmp_path / "profile"))
    cli_profile.prepare_process(folder)
    started = cli_profile._early_keystore
    assert started is not None and started[0] == folder
    with cli_profile.opened(folder) as profile:
        assert profile.info().entry_count == 0
    assert cli_profile._early_keystore is None  # taken once, by the opening


def test_another_folder_gets_a_keystore_of_its_own(tmp_path: Path, fresh_start: None) -> None:
    folder = Path(new_profile(tmp_path / "profile"))
    cli_profile.prepare_process(folder)
    started = cli_profile._early_keystore
    assert started is not None
    assert cli_profile.keystore_for(tmp_path / "elsewhere") is not started[1]


def test_nothing_is_read_for_a_command_that_needs_no_key(tmp_path: Path, fresh_start: None) -> None:
    folder = Path(new_profile(tmp_path / "profile"))
    cli_profile.prepare_process(folder, needs_key=False)
    assert cli_profile._early_keystore is None


def test_nothing_is_read_before_a_profile_exists(tmp_path: Path, fresh_start: None) -> None:
    cli_profile.prepare_process(tmp_path / "not yet")
    assert cli_profile._early_keystore is None


def test_commands_run_as_processes_read_their_key_early_and_work(tmp_path: Path) -> None:
    folder = new_profile(tmp_path / "profile")
    ok("--data-dir", folder, "add", "A first line 🌱 مرحبا", "--mood", "3")
    assert "A first line 🌱 مرحبا" in ok("--data-dir", folder, "list")
    ok("--data-dir", folder, "backup", "list")  # needs no key, reads none


def test_a_command_failing_before_its_key_is_needed_ends_cleanly(tmp_path: Path) -> None:
    folder = new_profile(tmp_path / "profile")
    for _ in range(3):  # the early read is still under way when the command gives up
        done = regroup("--data-dir", folder, "add", "   ")
        assert done.returncode == 1  # not a crash on the way out (-11)
        assert "the entry is empty" in done.stderr


@pytest.fixture
def keyring_profile(tmp_path: Path) -> str:
    """A profile whose key is in the test's keyring (made before the bus goes silent)."""
    return new_profile(tmp_path / "profile")


def test_a_key_read_stuck_on_a_silent_bus_does_not_hold_the_command_up(
    keyring_profile: str, silent_keyring: None
) -> None:
    started = time.monotonic()
    done = regroup("--data-dir", keyring_profile, "add", "   ")
    assert done.returncode == 1
    assert "the entry is empty" in done.stderr
    assert time.monotonic() - started < cli_profile.SETTLE_SECONDS + 10
