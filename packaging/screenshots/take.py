"""``make screenshots``: every page, light and dark, at 1366x850, into packaging/screenshots/.

The app runs as a user would run it: under Xvfb, with gnome-keyring's Secret
Service, a tray host (trayer) and a notification daemon (dunst) on a private
session bus, from a demo profile made through the public services. Nothing here
touches the user's own profile or session.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).parent)]  # tests.support; demo_profile

from demo_profile import make_demo_profile  # noqa: E402
from tests.support.session_bus import missing_programs, private_session  # noqa: E402
from tests.support.xserver import background, xvfb  # noqa: E402

from regroup.core.keys.keystore import SystemKeyStore  # noqa: E402

OUT = ROOT / "packaging" / "screenshots"
SCREEN = "1366x850"
SCHEMES = ("light", "dark")
NEEDED = ("Xvfb", "dbus-daemon", "gnome-keyring-daemon", "trayer", "dunst")
SHOTS_SCRIPT = Path(__file__).with_name("window_shots.py")


def main() -> int:
    missing = missing_programs(*NEEDED)
    if missing:
        print("make screenshots needs: " + ", ".join(missing) + " (make test installs them).")
        return 1
    with tempfile.TemporaryDirectory(prefix="regroup-shots-") as tmp, ExitStack() as stack:
        home = Path(tmp)
        display = stack.enter_context(xvfb(SCREEN))
        bus = stack.enter_context(private_session(home / "home"))
        os.environ.update(bus.env)
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("WAYLAND_DISPLAY", None)
        stack.enter_context(background(["trayer", "--edge", "top", "--expand", "false"], env))
        stack.enter_context(background(["dunst"], env))
        demo = home / "demo"
        make_demo_profile(demo, SystemKeyStore())
        OUT.mkdir(parents=True, exist_ok=True)
        for old in OUT.glob("*.png"):
            old.unlink()
        for scheme in SCHEMES:
            for profile, what in ((demo, "pages"), (home / f"new-{scheme}", "welcome")):
                args = [sys.executable, str(SHOTS_SCRIPT), str(profile), str(OUT), scheme, what]
                shot_env = {**env, "REGROUP_THEME": scheme}
                done = subprocess.run(args, env=shot_env, timeout=120, check=False)
                if done.returncode != 0:
                    print(f"The {what} screenshots ({scheme}) failed: exit {done.returncode}")
                    return 1
    names = sorted(path.name for path in OUT.glob("*.png"))
    print(f"{len(names)} screenshots in {OUT.relative_to(ROOT)}: " + ", ".join(names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
