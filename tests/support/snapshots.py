"""Fingerprints of a folder, to prove that a failed operation changed nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path


def folder_fingerprint(folder: Path) -> dict[str, str]:
    """Map each file below ``folder`` to the SHA-256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
