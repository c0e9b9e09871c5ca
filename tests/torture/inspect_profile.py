"""Open one profile as Regroup does and tell what is in it (run as a child, JSON out).

A child of its own, so that a crash on a damaged file cannot take the runner down and
the runner's process never holds Peewee's global binding. It refuses a folder holding
no profile at all (opening one would create a new diary, hiding a loss).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def inspect(folder: Path) -> dict[str, object]:
    """Return whether the profile opens, its integrity check and the markers it holds."""
    from regroup.core.errors import RegroupError
    from regroup.core.keys.keystore import SystemKeyStore
    from regroup.core.paths import ProfilePaths
    from regroup.core.profile import open_profile, profile_exists
    from tests.support.prompter import ScriptedPrompter
    from tests.torture.harness import MARKER

    paths = ProfilePaths(folder)
    if not profile_exists(paths):
        return {"opened": False, "problem": "the profile folder holds no profile"}
    try:
        profile = open_profile(paths, SystemKeyStore(), ScriptedPrompter(passphrase=None))
    except RegroupError as exc:
        return {"opened": False, "problem": str(exc)}
    try:
        integrity = [row[0] for row in profile.db.execute_sql("PRAGMA integrity_check")]
        rows = profile.db.execute_sql("SELECT title, body FROM entry").fetchall()
        markers = sorted({m for row in rows for text in row for m in MARKER.findall(text)})
        return {
            "opened": True,
            "integrity": integrity,
            "entries": len(rows),
            "markers": markers,
            "notice": profile.notice,
            "read_only": profile.read_only,
        }
    finally:
        profile.close()


if __name__ == "__main__":
    print(json.dumps(inspect(Path(sys.argv[1]))))
