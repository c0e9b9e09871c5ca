"""The layout's rules that import-linter cannot say alone."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "desktop" / "regroup" / "core"
FEATURES = ("diary", "debriefs", "goals", "checkins", "exchange", "insights")
PUBLIC = {"__init__", "service", "listing", "search", "types", "tags"}


def _protected_modules() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    return {
        module
        for contract in config["contracts"]
        if contract["type"] == "protected"
        for module in contract["protected_modules"]
    }


def test_every_feature_module_is_public_or_guarded_by_a_contract() -> None:
    protected = _protected_modules()
    loose = [
        f"regroup.core.{feature}.{path.stem}"
        for feature in FEATURES
        for path in sorted((CORE / feature).glob("*.py"))
        if path.stem not in PUBLIC and f"regroup.core.{feature}.{path.stem}" not in protected
    ]
    assert loose == [], "add these internal modules to a protected contract in pyproject.toml"


def test_no_module_is_over_400_lines() -> None:
    long = [
        f"{path.relative_to(ROOT)} ({lines})"
        for path in sorted((ROOT / "desktop" / "regroup").rglob("*.py"))
        if (lines := len(path.read_text().splitlines())) > 400
    ]
    assert long == []
