"""Delivers the notice of one check-in that just came due, and prints the channel used.

It goes through plyer only (the app tries the session bus first on Linux, see
click_probe.py), so that plyer's path stays proven against a real daemon.

With ``--profile DIR`` the check-in is a real one: a debrief saved in a new profile
at DIR, due this morning, found by the reminder service; it then checks again and
prints how many notices that second check gave (none: each fires once).

Run in a process of its own: libdbus reads the session bus address once per process,
and the test session points that variable at several buses in turn.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from regroup.core.checkins.notices import Notice, notice_for
from regroup.core.checkins.schedule import OneOff, Policy, plan
from regroup.gui.reminders.notifier import Notifier
from regroup.gui.reminders.os_notifier import PlyerNotifier


def a_due_check_in_notice() -> Notice:
    """Run the reminder arithmetic on one check-in that just came due."""
    now = datetime(2026, 5, 7, 9, 15, tzinfo=UTC)
    result = plan([OneOff(41, now - timedelta(seconds=3))], [], now, Policy("Europe/Berlin"))
    notice = notice_for(result.deliver)
    assert notice is not None
    return notice


def deliver_from_profile(folder: Path) -> int:
    """Save a debrief whose check-in came due at 09:00, then let the service remind."""
    from regroup.core.checkins.reminders import ReminderService
    from regroup.core.debriefs.types import DebriefContent
    from regroup.core.keys.keystore import SystemKeyStore
    from regroup.core.paths import ProfilePaths
    from regroup.core.profile import open_profile
    from tests.support.clock import ManualClock
    from tests.support.prompter import ScriptedPrompter

    clock = ManualClock(datetime(2026, 5, 7, 10, 0, tzinfo=UTC))
    profile = open_profile(
        ProfilePaths(folder), SystemKeyStore(), ScriptedPrompter(), clock, kdf_seconds=0.01
    )
    try:
        content = DebriefContent(
            company="Acme", role="Analyst", news_on=date(2026, 5, 4), mourning_days=3
        )
        profile.debriefs.create(content, draft=False)
        service = ReminderService(profile.db, clock, lambda: "UTC")
        notifier = Notifier(PlyerNotifier(), tray=lambda: None)
        for notice in service.check().notices:
            print(notifier.deliver(notice).value, flush=True)
        print(f"again:{len(service.check().notices)}", flush=True)
    finally:
        profile.close()
    return 0


def main() -> int:
    if sys.argv[1:2] == ["--profile"]:
        return deliver_from_profile(Path(sys.argv[2]))
    notifier = Notifier(PlyerNotifier(), tray=lambda: None)
    print(notifier.deliver(a_due_check_in_notice()).value, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
