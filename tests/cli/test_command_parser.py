"""A command's start builds only its own group's parser, and reads its arguments the same."""

from __future__ import annotations

import argparse
import io
from contextlib import redirect_stdout

import pytest

from regroup.cli import GROUPS, build_parser, command_named


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices)


def _help(parser: argparse.ArgumentParser, arguments: list[str]) -> str:
    out = io.StringIO()
    with redirect_stdout(out), pytest.raises(SystemExit):
        parser.parse_args(arguments)
    return out.getvalue()


ALL_COMMANDS = [name for names in GROUPS.values() for name in names]


def test_each_group_registers_the_commands_it_is_listed_with() -> None:
    assert list(_commands(build_parser())) == ALL_COMMANDS
    for names in GROUPS.values():
        for name in names:
            assert list(_commands(build_parser(name))) == list(names)


@pytest.mark.parametrize("name", ALL_COMMANDS)
def test_a_command_reads_its_help_as_the_whole_parser_does(name: str) -> None:
    assert _help(build_parser(name), [name, "--help"]) == _help(build_parser(), [name, "--help"])


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["insights", "--json"], "insights"),
        (["--data-dir", "/tmp/a profile", "add", "text"], "add"),
        (["--data-dir=日記 🌱", "--tray", "search", "word"], "search"),
        (["--minimized", "debrief", "list"], "debrief"),
        (["--data-dir", "insights"], None),  # the folder's name, not a command
        (["--help"], None),
        (["--version"], None),
        (["--data-dir"], None),
        (["--", "insights"], None),
        ([], None),
    ],
)
def test_the_command_is_found_after_the_window_options(
    arguments: list[str], expected: str | None
) -> None:
    assert command_named(arguments) == expected


def test_a_mistyped_command_still_hears_every_choice(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser(command_named(["insihgts"])).parse_args(["insihgts"])
    error = capsys.readouterr().err
    assert "invalid choice: 'insihgts'" in error
    assert "'insights'" in error and "'init'" in error


def test_a_command_parsed_alone_gets_the_same_values() -> None:
    arguments = ["--data-dir", "/tmp/p", "insights", "--json", "--from", "2024-01-01"]
    alone = build_parser(command_named(arguments)).parse_args(arguments)
    whole = build_parser().parse_args(arguments)
    assert {k: v for k, v in vars(alone).items() if k != "handler"} == {
        k: v for k, v in vars(whole).items() if k != "handler"
    }
    assert alone.handler is whole.handler
