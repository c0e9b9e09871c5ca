"""The core never imports Qt: every module loads with PySide6 made unimportable."""

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
            raise ImportError(f"core imported {name}")
        return None

sys.meta_path.insert(0, BlockQt())
import regroup.core
names = [m.name for m in pkgutil.walk_packages(regroup.core.__path__, "regroup.core.")]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_every_core_module_imports_without_pyside6() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 10
