"""Build the PyInstaller bundle of Regroup on this OS: icons first, then the one-folder app.

Usage (from the repository root, with the venv that has the ``package`` extra):
``python packaging/build_bundle.py``. Writes build/icons and build/dist/regroup (plus
build/dist/Regroup.app on macOS). Every installer recipe starts from this output,
and the version always comes from ``regroup.__version__``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = BUILD / "dist"


def version() -> str:
    """The one version number, read from the package source without importing Qt."""
    sys.path.insert(0, str(ROOT / "desktop"))
    try:
        from regroup import __version__
    finally:
        sys.path.pop(0)
    return __version__


def windows_version_file(path: Path, number: str) -> None:
    """The version resource PyInstaller stamps into the .exe files (Properties > Details)."""
    parts = [int(p) if p.isdigit() else 0 for p in number.split(".")[:3]]
    quad = (*parts, 0, 0, 0, 0)[:4]
    path.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={quad}, prodvers={quad}),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'The Regroup developers'),
      StringStruct('FileDescription', 'Regroup'),
      StringStruct('FileVersion', '{number}'),
      StringStruct('ProductName', 'Regroup'),
      StringStruct('ProductVersion', '{number}'),
      StringStruct('LegalCopyright', 'GPL-3.0-or-later')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
""",
        encoding="utf-8",
    )


def main() -> int:
    """Render the icons, then run PyInstaller on packaging/regroup.spec."""
    start = time.monotonic()
    BUILD.mkdir(exist_ok=True)
    number = version()
    icons = BUILD / "icons"
    subprocess.run([sys.executable, str(ROOT / "packaging" / "icons.py"), str(icons)], check=True)
    windows_version_file(BUILD / "windows-version.txt", number)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            f"--distpath={DIST}",
            f"--workpath={BUILD / 'pyinstaller'}",
            str(ROOT / "packaging" / "regroup.spec"),
        ],
        check=True,
        env={**os.environ, "REGROUP_ICONS": str(icons)},
    )
    print(f"bundle: Regroup {number} in {DIST} ({time.monotonic() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
