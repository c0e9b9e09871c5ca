"""Delivers the notice of one check-in that just came due, and prints the channel used.

Run in a process of its own: libdbus reads the session bus address once per process,
and the test session points that variable at several buses in turn.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

from regroup.core.notices import Notice, notice_for
from regroup.core.reminder_schedule import OneOff, Policy, plan
from regroup.gui.desktop_notifications import PlyerNotifier
from regroup.gui.notifier import Notifier


def a_due_check_in_notice() -> Notice:
    """Run the reminder arithmetic on one check-in that just came due."""
    now = datetime(2026, 5, 7, 9, 15, tzinfo=UTC)
    result = plan([OneOff(41, now - timedelta(seconds=3))], [], now, Policy("Europe/Berlin"))
    notice = notice_for(result.deliver)
    assert notice is not None
    return notice


def main() -> int:
    notifier = Notifier(PlyerNotifier(), tray=lambda: None)
    print(notifier.deliver(a_due_check_in_notice()).value, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
