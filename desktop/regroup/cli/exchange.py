"""``regroup export`` and ``regroup import``: the profile to a file and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from regroup.cli.arguments import command, date_range_options, import_arguments, record_id
from regroup.cli.output import error
from regroup.cli.profile import opened

if TYPE_CHECKING:
    from regroup.cli.arguments import Commands
    from regroup.core.exchange.readable import Scope
    from regroup.core.exchange.service import ExportResult
    from regroup.core.profile import Profile


def register(commands: Commands) -> None:
    export = command(
        commands,
        "export",
        "write diary, debriefs, goals and check-ins to JSON, Markdown or PDF",
        "Write the profile to a file. JSON holds everything (the trash and earlier versions "
        "of entries too) and can be imported again; Markdown and PDF are for reading and "
        "hold everything not in the trash: the diary, debriefs with their check-ins, and "
        "goals. --from/--to keep only the diary between two days, --debrief only one "
        "debrief. No file is encrypted.",
        _run_export,
    )
    export.add_argument(
        "--format",
        choices=("json", "markdown", "pdf"),
        default="json",
        help="json (the default; can be imported), markdown or pdf (to read or print)",
    )
    date_range_options(
        export,
        "markdown and pdf: only the diary, from this day on",
        "markdown and pdf: only the diary, up to this day",
    )
    export.add_argument(
        "--debrief",
        type=record_id,
        metavar="ID",
        help="markdown and pdf: only this debrief (ids: 'regroup debrief list --json')",
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


def _scope(args: argparse.Namespace) -> Scope | None:
    from regroup.core.exchange.readable import Scope

    if args.debrief is not None:
        return Scope.one_debrief(args.debrief)
    if args.date_from is not None or args.date_to is not None:
        return Scope.diary_only(args.date_from, args.date_to)
    return None


def _check_options(args: argparse.Namespace) -> str | None:
    ranged = args.date_from is not None or args.date_to is not None
    if args.format == "json" and (ranged or args.debrief is not None):
        return (
            "a JSON export always holds everything; --from, --to and --debrief are for "
            "markdown and pdf"
        )
    if ranged and args.debrief is not None:
        return "choose either a date range (--from/--to) or one debrief (--debrief), not both"
    if ranged and args.date_from and args.date_to and args.date_from > args.date_to:
        return f"--from {args.date_from} is after --to {args.date_to}"
    return None


def target_problem(target: Path, force: bool) -> str | None:
    """Say why ``target`` cannot be written, before the profile is unlocked; None when it can."""
    from regroup.core.errors import RegroupError
    from regroup.core.exchange.export_file import check_export_target

    if target.exists() and target.is_file() and not target.is_symlink() and not force:
        return f"{target} already exists; use --force to replace it"
    try:
        check_export_target(target, replace=True)
    except RegroupError as exc:
        return str(exc).rstrip(".")
    return None


def _write_pdf(profile: Profile, target: Path, scope: Scope | None, replace: bool) -> ExportResult:
    """Lay the export out in core, paint it with Qt offscreen, then write it in one step."""
    import os

    from regroup.core.exchange.print_document import printable, save_printed
    from regroup.core.exchange.readable import Scope
    from regroup.core.exchange.service import readable_result

    document = printable(profile.db, scope or Scope.everything(), profile.clock)
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from regroup.gui.exchange.pdf_writer import render_pdf

    app = QGuiApplication.instance() or QGuiApplication(["regroup"])
    save_printed(target, render_pdf(document), profile.db, replace)
    del app
    return readable_result(document.readable)


def _run_export(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.core.exchange.readable import Scope
    from regroup.core.exchange.service import write_json_export, write_markdown_export

    problem = _check_options(args)
    if problem:
        return error(problem)
    target = args.output.expanduser().absolute()
    problem = target_problem(target, args.force)
    if problem:
        return error(problem)
    scope = _scope(args)
    with opened(data_dir) as profile:
        known = args.debrief is None or any(d == args.debrief for d, _ in _debrief_ids(profile))
        if not known:
            return error(f"there is no debrief {args.debrief} (see 'regroup debrief list')")
        if args.format == "json":
            result = write_json_export(profile.db, target, profile.clock, args.force)
        elif args.format == "markdown":
            result = write_markdown_export(profile.db, target, profile.clock, scope, args.force)
        else:
            result = _write_pdf(profile, target, scope or Scope.everything(), args.force)
    details = f" ({result.trashed} of them in the trash)" if result.trashed else ""
    print(f"Exported {result.contents}{details} to {target}.")
    print("The file is not encrypted; keep it somewhere safe.", file=sys.stderr)
    return 0


def _debrief_ids(profile: Profile) -> list[tuple[int, str]]:
    from regroup.core.exchange.readable import debrief_choices

    return debrief_choices(profile.db)


def _run_import(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.cli.importing import run_import

    return run_import(args, data_dir)
