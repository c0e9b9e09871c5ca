"""The version is written once, and the self-check the package tests rely on works from source."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from regroup import __version__

ROOT = Path(__file__).resolve().parent.parent.parent
RECIPES = ("packaging", ".github")
# The dependency locks pin other projects' versions, which may equal ours.
LOCKS = ROOT / "packaging" / "locks"


def test_no_packaging_recipe_repeats_the_version_number() -> None:
    pattern = re.compile(rf"(?<![\d.]){re.escape(__version__)}(?![\d.])")
    repeated = [
        str(path.relative_to(ROOT))
        for folder in RECIPES
        for path in (ROOT / folder).rglob("*")
        if path.is_file()
        and path.suffix not in {".png", ".pyc"}
        and not (path.parent == LOCKS and path.suffix in {".toml", ".txt"})
        and pattern.search(path.read_text())
    ]
    assert repeated == []


def test_the_self_check_finds_every_module_the_bundle_must_carry() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "regroup.bundle_check"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    report = json.loads(result.stdout)
    assert result.returncode == 0, result.stderr
    assert report["version"] == __version__
    assert report["frozen"] is False
    assert report["missing_modules"] == []
    assert report["problems"] == []
    assert report["keyring"]["backend"] == "keyring.backends.SecretService.Keyring"
    assert report["notification"]["implementation"].startswith("plyer.platforms.linux.")
    assert "svg" in report["qt"]["image_formats"]


def test_every_page_the_window_imports_by_name_is_bundled() -> None:
    from regroup.bundle_check import DYNAMIC_IMPORTS
    from regroup.gui.main_window import PAGES

    named = {
        path.partition(":")[0] for entry in PAGES for path in (entry.page, entry.sections) if path
    }
    assert named - set(DYNAMIC_IMPORTS) == set()
