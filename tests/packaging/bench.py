"""``make package-bench``: the .deb's sizes and the installed app's start-up against source.

Installs build/regroup_<version>_<arch>.deb (root only), measures the time from
process start to an interactive main window (the measure of ``make bench``, on a
new profile, offscreen, median of 7 after one warm-up, the two taking turns) for the installed
/usr/bin/regroup and for ``python -m regroup`` from this checkout, prints JSON,
and purges the package again. Exits 1 when a budget is broken.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.packaging import deb
from tests.support.session_bus import private_session

RUNS = 7


def main() -> int:
    """Measure, print, clean up; non-zero when over budget."""
    if os.geteuid() != 0:
        print("package-bench installs the .deb and needs root", file=sys.stderr)
        return 2
    path = deb.deb_path()
    installed_kib = subprocess.run(
        ["dpkg-deb", "--field", str(path), "Installed-Size"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    deb_mb = round(path.stat().st_size / 1e6, 1)
    installed_mb = round(int(installed_kib) * 1024 / 1e6, 1)
    figures: dict[str, object] = {"deb_mb": deb_mb, "installed_mb": installed_mb}
    deb.purge()
    deb.install(path)
    try:
        with tempfile.TemporaryDirectory() as folder, private_session(Path(folder)) as bus:
            env = {**os.environ, **bus.env, "QT_QPA_PLATFORM": "offscreen"}
            profile = Path(folder) / "profile"
            deb.create_profile(deb.source_command(), profile, env)
            commands = [deb.source_command(), [str(deb.INSTALLED_COMMAND)]]
            source_ms, installed_ms = deb.median_starts_ms(commands, profile, env, RUNS)
    finally:
        deb.purge()
    figures.update(
        start_from_source_ms=source_ms,
        start_installed_ms=installed_ms,
        start_ratio=round(installed_ms / source_ms, 2),
    )
    broken = [
        name
        for name, over in (
            ("deb_mb", deb_mb > deb.MAX_DEB_MB),
            ("installed_mb", installed_mb > deb.MAX_INSTALLED_MB),
            ("start_ratio", installed_ms > deb.MAX_START_RATIO * source_ms),
        )
        if over
    ]
    figures["budgets"] = {
        "deb_mb": deb.MAX_DEB_MB,
        "installed_mb": deb.MAX_INSTALLED_MB,
        "start_ratio": deb.MAX_START_RATIO,
    }
    figures["over_budget"] = broken
    print(json.dumps(figures, indent=2))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
