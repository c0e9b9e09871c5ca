"""Debrief, goal and check-in services over the test profile, on a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from regroup.core.checkins.service import CheckinService
from regroup.core.debriefs.listing import DebriefBrowser
from regroup.core.debriefs.service import DebriefService
from regroup.core.goals.service import GoalService
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from regroup.core.settings import SettingsService
from tests.support.clock import ManualClock
from tests.support.prompter import ScriptedPrompter

BERLIN = ZoneInfo("Europe/Berlin")


@dataclass
class Plans:
    """The services a debrief form and the goals board use."""

    clock: ManualClock
    settings: SettingsService
    goals: GoalService
    checkins: CheckinService
    debriefs: DebriefService
    browse: DebriefBrowser


@pytest.fixture
def other(tmp_path: Path, keystore: SystemKeyStore) -> Iterator[Profile]:
    """A second, new profile to import into."""
    opened = open_profile(
        ProfilePaths(tmp_path / "other"), keystore, ScriptedPrompter(), kdf_seconds=0.01
    )
    yield opened
    opened.close()


@pytest.fixture
def plans(profile: Profile) -> Plans:
    """Services over the test profile; the person lives in Berlin."""
    clock = ManualClock(zone=BERLIN)
    settings = SettingsService(profile.db)
    goals = GoalService(profile.db, clock)
    checkins = CheckinService(profile.db, clock, BERLIN)
    debriefs = DebriefService(profile.db, clock, settings, goals, checkins)
    return Plans(clock, settings, goals, checkins, debriefs, DebriefBrowser(profile.db))
