"""Debrief, goal and check-in services over the test profile, on a clock the test moves."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest

from regroup.core.checkins import CheckinService
from regroup.core.debrief_list import DebriefBrowser
from regroup.core.debriefs import DebriefService
from regroup.core.goals import GoalService
from regroup.core.profile import Profile
from regroup.core.settings import SettingsService
from tests.support.clock import ManualClock

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
def plans(profile: Profile) -> Plans:
    """Services over the test profile; the person lives in Berlin."""
    clock = ManualClock(zone=BERLIN)
    settings = SettingsService(profile.db)
    goals = GoalService(profile.db, clock)
    checkins = CheckinService(profile.db, clock, BERLIN)
    debriefs = DebriefService(profile.db, clock, settings, goals, checkins)
    return Plans(clock, settings, goals, checkins, debriefs, DebriefBrowser(profile.db))
