"""Journals kept elsewhere, made for import tests: by the real jrnl, in Day One's layout, as notes.

jrnl is installed with the test extra (pyproject.toml); its journals are written
through its own command line, in a temporary HOME with a config of their own.
Day One exports follow its documented layout: ``Journal.json`` (``entries`` with
``uuid``, ``creationDate`` in UTC, ``timeZone``, ``text``, ``tags``, ``starred``
and media lists) beside a ``photos`` folder, as a folder or zipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

JRNL_CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals: {{default: {{journal: {journal}}}}}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
"""


def jrnl_program() -> Path:
    program = Path(sys.executable).parent / "jrnl"
    assert program.exists(), "jrnl is part of the test extra: pip install -e '.[test]'"
    return program


def make_jrnl(folder: Path, writes: list[str]) -> tuple[Path, Path]:
    """Write each text as an entry with the real jrnl; return its journal file and JSON export."""
    folder.mkdir(parents=True, exist_ok=True)
    journal, config = folder / "journal.txt", folder / "jrnl.yaml"
    config.write_text(JRNL_CONFIG.format(journal=journal), encoding="utf-8")
    env = {**os.environ, "HOME": str(folder), "XDG_CONFIG_HOME": str(folder / ".config")}
    command = [str(jrnl_program()), "--config-file", str(config)]
    for text in writes:
        subprocess.run([*command, text], env=env, check=True, capture_output=True, timeout=60)
    exported = subprocess.run(
        [*command, "--export", "json"], env=env, check=True, capture_output=True, timeout=60
    )
    export = folder / "export.json"
    export.write_bytes(exported.stdout)
    return journal, export


def dayone_entry(
    uuid: str,
    created: str,
    zone: str,
    text: str,
    tags: tuple[str, ...] = (),
    starred: bool = False,
    photos: int = 0,
) -> dict[str, Any]:
    """One entry as Day One exports it."""
    moments = [
        {"identifier": f"{uuid[:8]}P{n}", "md5": f"{n:032x}", "type": "jpeg"} for n in range(photos)
    ]
    references = "".join(f"![](dayone-moment://{m['identifier']})\n" for m in moments)
    return {
        "uuid": uuid,
        "creationDate": created,
        "modifiedDate": created,
        "timeZone": zone,
        "text": references + text,
        "tags": list(tags),
        "starred": starred,
        "isPinned": False,
        "duration": 0,
        "creationDevice": "iPhone",
        "location": {"localityName": "Tokyo", "latitude": 35.68, "longitude": 139.69},
        **({"photos": moments} if photos else {}),
    }


def write_dayone(folder: Path, entries: list[dict[str, Any]], zipped: bool = False) -> Path:
    """Write Day One's export folder (Journal.json, photos/), or the .zip of it."""
    export = folder / "dayone"
    (export / "photos").mkdir(parents=True, exist_ok=True)
    document = {"metadata": {"version": "1.0"}, "entries": entries}
    (export / "Journal.json").write_text(json.dumps(document, indent=2), encoding="utf-8")
    for entry in entries:
        for photo in entry.get("photos", []):
            (export / "photos" / f"{photo['md5']}.jpeg").write_bytes(b"\xff\xd8\xff\xe0 not shown")
    if not zipped:
        return export
    archive = folder / "dayone-export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in sorted(export.rglob("*")):
            out.write(path, path.relative_to(export).as_posix())
    return archive


def write_notes(folder: Path, notes: dict[str, str]) -> Path:
    """A folder of Markdown notes, as an Obsidian-style vault keeps them."""
    for name, text in notes.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder
