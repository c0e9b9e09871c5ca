"""A clock the test moves by hand."""

from __future__ import annotations

import datetime as dt


class ManualClock:
    """Starts at a fixed instant; ``today`` is the UTC day unless a zone is given."""

    def __init__(
        self,
        moment: dt.datetime = dt.datetime(2026, 3, 20, 12, 0, tzinfo=dt.UTC),
        zone: dt.tzinfo | None = None,
    ) -> None:
        self.moment = moment
        self.zone = zone or dt.UTC

    def now(self) -> dt.datetime:
        return self.moment

    def today(self) -> dt.date:
        return self.moment.astimezone(self.zone).date()

    def advance(self, delta: dt.timedelta) -> None:
        self.moment += delta
