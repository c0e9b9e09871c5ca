"""``regroup import``: a Regroup export, or a journal kept in jrnl, Day One or Markdown.

The file is read and checked completely before the profile is opened, so a bad
file never asks for a passphrase and never writes anything.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from regroup.cli.output import entries, plural
from regroup.cli.profile import opened
from regroup.core.errors import StorageWriteError
from regroup.core.exchange.importers.plan import Progress
from regroup.core.exchange.importers.service import (
    ImportFormat,
    ImportOutcome,
    ImportPlan,
    preview,
    read_source,
    write_plan,
)
from regroup.core.exchange.importers.words import outcome_lines, preview_lines
from regroup.core.paths import ProfilePaths
from regroup.core.profile import profile_exists, save_problem


def _progress(stage: str) -> Progress | None:
    """Progress on stderr for a person at a terminal; nothing when piped."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{stage} {done:,} of {total:,}…", end=end, file=sys.stderr, flush=True)

    return show


def _regroup_outcome(plan: ImportPlan, result: ImportOutcome) -> None:
    """The lines a Regroup export has always printed (scripts may read them)."""
    document = plan.document
    assert document is not None
    print(
        f"Imported {entries(result.added)} ({result.revisions_added} earlier versions); "
        f"skipped {result.already_there} already in the diary."
    )
    if document.plans.debriefs or document.plans.goals:
        print(
            f"Imported {plural(result.debriefs_added, 'debrief')}, "
            f"{plural(result.goals_added, 'goal')} and "
            f"{plural(result.checkins_added, 'check-in')}; the others were already there."
        )
    if document.ignored_sections:
        names = ", ".join(document.ignored_sections)
        print(f"Not imported (this version cannot read them): {names}.", file=sys.stderr)


def _refuse_read_only(notice: str) -> None:
    """An import cannot be saved on a read-only or full disk: say so before any work."""
    if notice:
        raise StorageWriteError(f"{notice} Nothing was imported; your diary is as it was.")


def run_import(args: argparse.Namespace, data_dir: Path) -> int:
    kind = ImportFormat(args.source_format) if args.source_format else None
    paths = ProfilePaths(data_dir)
    if not args.dry_run and profile_exists(paths):
        _refuse_read_only(save_problem(paths))
    plan = read_source(args.file.expanduser(), kind, _progress("Read"))
    with opened(data_dir) as profile:
        if args.dry_run:
            for line in preview_lines(preview(profile.db, plan)):
                print(line)
            print("Nothing was written (--dry-run).", file=sys.stderr)
            return 0
        _refuse_read_only(profile.read_only_notice())
        result = write_plan(profile.db, plan, _progress("Saved"))
    if plan.format is ImportFormat.REGROUP:
        _regroup_outcome(plan, result)
    else:
        for line in outcome_lines(result):
            print(line)
    return 0
