"""The Qt Widgets interface. Widgets talk to core services, never to the database.

Loading this package loads Qt, and tells PySide which of Regroup's modules use it
(see :func:`_tell_pyside_our_modules`).
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  # loads PySide's support modules, patched below


def _tell_pyside_our_modules() -> None:
    """Spare PySide from reading the source of each module as it is first imported.

    For its optional ``__feature__`` switches, PySide asks of every module whether
    its source text names PySide, reading the whole file to find out
    (``inspect.getsource``), the first time an import names it after PySide loaded:
    some 95 files, about 20 ms of each start and of the Diary's first show. The
    answer only matters to a module that turns a ``__feature__`` on, which Regroup
    never does. So:

    - a module loaded before PySide cannot have turned one on: it is told "no";
    - ours answer by their place: ``regroup.gui`` uses Qt, the rest never does
      (import-linter keeps it so);
    - any other module is still read.

    Where PySide has no such hook (another version), nothing is changed.
    """
    feature = sys.modules.get("shibokensupport.feature")
    reads_source = getattr(feature, "_mod_uses_pyside", None)
    known = getattr(feature, "pyside_feature_dict", None)
    if feature is None or not callable(reads_source) or not isinstance(known, dict):
        return
    for name in list(sys.modules):
        if not name.startswith(("PySide6", "shiboken6", "shibokensupport", "regroup.gui")):
            known.setdefault(name, -1)  # PySide's own value for "does not use PySide"

    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "")
        if name == "regroup" or name.startswith("regroup."):
            return name.startswith("regroup.gui")
        return bool(reads_source(module))

    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]


_tell_pyside_our_modules()
