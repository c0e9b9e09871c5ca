"""Loading the window's modules does not make PySide read their source files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

RECORD_THE_FILES_PYSIDE_READS = """
import inspect, json, sys
import regroup.core.profile  # loaded before Qt, as at a real start
before = sorted(sys.modules)
import regroup.gui  # Qt itself, and what Regroup tells PySide
read = []
original = inspect.getsource
def getsource(module):
    read.append(getattr(module, "__name__", "?"))
    return original(module)
inspect.getsource = getsource
import regroup.gui.app, regroup.gui.diary.page, regroup.gui.insights.page
print(json.dumps({"before": before, "read": read}))
"""


def test_pyside_reads_no_source_of_ours_nor_of_what_was_loaded_before_it() -> None:
    done = subprocess.run(
        [sys.executable, "-c", RECORD_THE_FILES_PYSIDE_READS],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    found = json.loads(done.stdout)
    read = set(found["read"])
    assert not {name for name in read if name == "regroup" or name.startswith("regroup.")}
    assert not read & set(found["before"])
