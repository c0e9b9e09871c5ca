"""``regroup export`` and ``regroup import``: the profile to a file and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from regroup.cli.arguments import command, import_arguments
from regroup.cli.output import entries, error, plural
from regroup.cli.profile import opened

if TYPE_CHECKING:
    from regroup.cli.arguments import Commands


def register(commands: Commands) -> None:
    export = command(
        commands,
        "export",
        "write diary, debriefs, goals and check-ins to JSON or Markdown",
        "Write the diary to a file. JSON holds everything (the trash and earlier versions "
        "of entries too) and can be imported again; Markdown is for reading and holds the "
        "entries that are not in the trash. Neither file is encrypted.",
        _run_export,
    )
    export.add_argument(
        "--format",
        choices=("json", "markdown"),
        default="json",
        help="json (the default; can be imported) or markdown (to read)",
    )
    export.add_argument(
        "--output", "-o", type=Path, required=True, metavar="FILE", help="the file to write"
    )
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    importing = command(
        commands,
        "import",
        "bring in a Regroup export, a jrnl journal, a Day One export or Markdown notes",
        "Add the entries of a Regroup JSON export, a jrnl journal (its file or its JSON "
        "export), a Day One JSON export (folder or .zip) or a folder of Markdown notes. "
        "The whole file is checked first; if any part is wrong, nothing is imported. "
        "Entries the diary already holds are skipped, so importing a file twice changes "
        "nothing.",
        _run_import,
    )
    import_arguments(importing)


def _run_export(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.core.exchange.service import write_json_export, write_markdown_export

    target = args.output.expanduser().absolute()
    if target.exists() and not args.force:
        return error(f"{target} already exists; use --force to replace it")
    if target.is_dir():
        return error(f"{target} is a folder; name a file to write")
    with opened(data_dir) as profile:
        write = write_json_export if args.format == "json" else write_markdown_export
        result = write(profile.db, target, profile.clock)
    details = f" ({result.trashed} of them in the trash)" if result.trashed else ""
    plans = ""
    if result.debriefs or result.goals:
        plans = f", {plural(result.debriefs, 'debrief')} and {plural(result.goals, 'goal')}"
    print(f"Exported {entries(result.entries)}{details}{plans} to {target}.")
    print("The file is not encrypted; keep it somewhere safe.", file=sys.stderr)
    return 0


def _run_import(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.cli.importing import run_import

    return run_import(args, data_dir)
