"""The window's autosave without a window: the diary's EntrySaver over a real profile.

Run as a child (offscreen, no display): it creates entries and edits them the way the
editor does, and prints "ACK <marker>" only after :meth:`Autosaver.save_now` said the
save succeeded, which is when the window shows "Saved". A failed save prints "NOT SAVED"
and the saver keeps its encrypted recovery draft, as in the window.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def main(folder: Path, saves: int, pause: float = 0.0, leave_wal: bool = False) -> int:
    """Make ``saves`` saves (new entries, then an edit of each); 0 when all succeeded.

    ``pause`` waits between saves, as typing does; ``leave_wal`` ends the process without
    closing the database, so the last commits stay in the write-ahead log.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from regroup.core.diary.types import EntryContent
    from regroup.core.errors import RegroupError
    from regroup.core.keys.keystore import SystemKeyStore
    from regroup.core.paths import ProfilePaths
    from regroup.core.profile import open_profile
    from regroup.gui.diary.saver import EntrySaver
    from tests.support.prompter import ScriptedPrompter
    from tests.torture.harness import entry_text, new_marker

    app = QCoreApplication([])
    refusing = ScriptedPrompter(passphrase=None)
    try:
        profile = open_profile(ProfilePaths(folder), SystemKeyStore(), refusing)
    except RegroupError as exc:  # the window shows this in a dialog; nothing was saved
        print("NOT SAVED", exc, flush=True)
        return 1
    typed = [EntryContent("")]
    saver = EntrySaver(profile, lambda: typed[0])
    failures = 0
    try:
        for number in range(saves):
            first = new_marker()
            if number % 2 == 0:
                saver.begin(None, EntryContent(""))
                typed[0] = EntryContent(entry_text(first), title="autosaved")
            else:
                typed[0] = EntryContent(f"{typed[0].body} then {entry_text(first)}", title="edited")
            if saver.save_now():
                print("ACK", first, flush=True)
            else:
                failures += 1
                print("NOT SAVED", saver.last_error, flush=True)
            time.sleep(pause)
        if leave_wal:
            os._exit(0)
    finally:
        profile.close()
        del app
    return 1 if failures else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    pause = float(args[2]) if len(args) > 2 else 0.0
    sys.exit(main(Path(args[0]), int(args[1]), pause, "--leave-wal" in args))
