"""Re-resolve the Windows and macOS locks with uv, then check them.

Usage (from the repository, with uv in the venv: `.venv/bin/pip install uv`):
    .venv/bin/python packaging/locks/update.py            # keeps pins pyproject still allows
    .venv/bin/python packaging/locks/update.py --upgrade  # the newest versions it allows

Each lock is resolved for its platform (markers evaluated there, not here), from
wheels only, with hashes, for the app's dependencies plus the `package` extra:
pylock.<platform>.toml (PEP 751, what the checks read) and <platform>.txt (the same
pins and hashes for pip, what the release workflow installs).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from check import BUILD_EXTRAS, PYTHON, ROOT, Target, pip_requirements, read_lock, targets
from check import main as check_all

HEADER = "# Made by packaging/locks/update.py; checked by tests/packaging/test_locks.py.\n"


def _uv() -> str:
    beside_python = Path(sys.executable).with_name("uv")
    found = str(beside_python) if beside_python.exists() else shutil.which("uv")
    if found is None:
        sys.exit("uv is missing: .venv/bin/pip install uv")
    return found


def _resolve(uv: str, target: Target, arguments: list[str]) -> None:
    extras = [option for extra in BUILD_EXTRAS for option in ("--extra", extra)]
    command = [
        uv, "pip", "compile", "pyproject.toml", *extras,
        "--python-platform", target.uv_platform,
        "--python-version", ".".join(map(str, PYTHON)),
        "--only-binary", ":all:",
        "--generate-hashes",
        "--format", "pylock.toml",
        "--quiet",
        "-o", target.lock_path.relative_to(ROOT).as_posix(),
        *arguments,
    ]  # fmt: skip
    subprocess.run(command, cwd=ROOT, check=True)
    text = target.lock_path.read_text()
    if not text.startswith(HEADER):
        target.lock_path.write_text(HEADER + text)
    lock = read_lock(target.lock_path)
    target.requirements_path.write_text(pip_requirements(lock, target))


def main(arguments: list[str]) -> int:
    uv = _uv()
    for target in targets():
        _resolve(uv, target, arguments)
    return check_all()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
