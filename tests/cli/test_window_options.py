"""A plain window start reads its options without the full parser, and means the same."""

from __future__ import annotations

import sys

import pytest

from regroup.cli import build_parser, window_options

WINDOW_STARTS = [
    [],
    ["--minimized"],
    ["--tray"],
    ["--data-dir", "/tmp/a profile"],
    ["--data-dir=/tmp/elsewhere"],
    ["--data-dir=-odd-name"],
    ["--data-dir", "~/Regroup", "--tray"],
    ["--minimized", "--data-dir", "relative/dir"],
    ["--data-dir", "one", "--data-dir", "two"],
    ["--data-dir", "日記 🌱"],
    ["--data-dir", ""],
]


@pytest.mark.parametrize("arguments", WINDOW_STARTS)
def test_the_window_options_read_as_argparse_reads_them(arguments: list[str]) -> None:
    parsed = build_parser().parse_args(arguments)
    assert parsed.command is None
    assert window_options(arguments) == (parsed.data_dir, parsed.minimized)


@pytest.mark.parametrize(
    "arguments",
    [
        ["search", "word"],
        ["--data-dir", "x", "insights", "--json"],
        ["--help"],
        ["-h"],
        ["--version"],
        ["--data"],  # an abbreviation: argparse decides
        ["--min"],
        ["--data-dir"],  # a missing value: argparse has the words
        ["--data-dir", "--tray"],
        ["--", "--tray"],
        ["--unknown"],
    ],
)
def test_anything_else_goes_to_the_full_parser(arguments: list[str]) -> None:
    assert window_options(arguments) is None


def test_a_window_start_does_not_import_the_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command modules are loaded when the parser is built, not by ``regroup.cli``."""
    for name in [name for name in sys.modules if name.startswith("regroup.cli.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.delitem(sys.modules, "regroup.cli")
    import regroup.cli

    assert "regroup.cli.insights" not in sys.modules
    regroup.cli.build_parser()
    assert "regroup.cli.insights" in sys.modules
