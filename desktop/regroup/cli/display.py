"""Before the window opens: is there a screen to show it on.

Without one, Qt either aborts with its platform plugin error or, offscreen, waits
on a window nobody can see. Regroup says what to do instead and creates nothing.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
"""Any of these says where the window goes; an explicit QT_QPA_PLATFORM is always obeyed."""


def has_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Tell whether a window can appear: always on Windows and macOS, else if a display is set."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform == "win32" or platform == "darwin":
        return True
    return any(environ.get(name) for name in DISPLAY_VARIABLES)


def no_display_message(profile_exists: bool, data_dir: Path | None) -> str:
    """Return the guidance printed when there is no display; it names the next step.

    ``data_dir`` is the folder given on the command line (None for the default one),
    so that the commands shown work on the same profile.
    """
    folder = f" --data-dir {shlex.quote(str(data_dir))}" if data_dir is not None else ""
    lines = ["regroup: no display found, so the Regroup window cannot open here."]
    if not profile_exists:
        lines += [
            "Nothing was created. To start your diary without a window:",
            f"  regroup{folder} init",
        ]
    lines += [
        "Everything also works from the command line; 'regroup --help' lists the commands,",
        f'  e.g. regroup{folder} add "Heard back today."',
        "To open the window on a virtual screen, run it under xvfb-run:",
        f"  xvfb-run -a regroup{folder}",
    ]
    return "\n".join(lines)
