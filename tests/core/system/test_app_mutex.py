"""The installer's mutex: held on Windows only, under the names regroup.iss asks about."""

from __future__ import annotations

import sys

import pytest

from regroup.core.system.app_mutex import APP_MUTEX, APP_MUTEX_NAMES, hold_app_mutex


def test_the_mutex_has_a_session_and_a_global_name() -> None:
    assert (APP_MUTEX, f"Global\\{APP_MUTEX}") == APP_MUTEX_NAMES
    assert "\\" not in APP_MUTEX  # a backslash would name a kernel namespace


@pytest.mark.skipif(sys.platform == "win32", reason="Windows creates the mutexes")
def test_elsewhere_nothing_is_created() -> None:
    assert hold_app_mutex() == []
