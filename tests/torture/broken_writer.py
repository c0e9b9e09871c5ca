"""A deliberately broken writer, to show that the suite fails when a writer misbehaves.

With ``REGROUP_TORTURE_BROKEN_WRITER=1`` the kill trials call this in place of
``regroup``: it says the entry was added without writing it, leaves the text in plain
text beside the profile and prints a traceback. The suite must report all three.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    folder, *args = sys.argv[1:]
    (Path(folder) / "unsaved.txt").write_text(" ".join(args), encoding="utf-8")
    print("Traceback (most recent call last):", file=sys.stderr)
    print("Added entry 1.")
    sys.exit(0)
