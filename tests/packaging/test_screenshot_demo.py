"""The demo profile behind ``make screenshots`` shows every state a page can be in."""

from __future__ import annotations

import sys
from pathlib import Path

from regroup.core.goals.types import Lane
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import open_profile
from tests.support.prompter import ScriptedPrompter

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging" / "screenshots"))
from demo_profile import make_demo_profile


def test_the_demo_profile_has_entries_debriefs_goals_and_checkins_in_every_state(
    tmp_path: Path, keystore: SystemKeyStore
) -> None:
    make_demo_profile(tmp_path / "demo", keystore)

    profile = open_profile(ProfilePaths(tmp_path / "demo"), keystore, ScriptedPrompter())
    try:
        assert len(profile.browse.ordered_ids()) == 8
        assert profile.debriefs.count() == 4
        lanes = {goal.lane for goal in profile.goals.records()}
        assert lanes == {Lane.NEXT, Lane.DOING, Lane.DONE}
        checkins = profile.checkin_list.overview()
        assert [item.company for item in checkins.due] == ["Tailspin"]
        assert [item.company for item in checkins.missed] == ["Contoso"]
        assert [item.company for item in checkins.upcoming] == ["Northwind"]
        assert [item.company for item in checkins.done] == ["Litware"]
    finally:
        profile.close()
