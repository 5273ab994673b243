"""The table of subcommands, and building only the parser a command line needs."""

from __future__ import annotations

import importlib

import pytest

from ambtenaar20.cli import argparse_messages
from ambtenaar20.cli.main import (
    COMMAND_MODULES,
    COMMANDS,
    CliParser,
    build_parser,
    command_to_build,
    global_options,
)
from tests.helpers import run_cli, run_python


def test_every_module_adds_exactly_the_commands_the_table_gives_it():
    argparse_messages.install()
    parent = global_options()
    for module_name in COMMAND_MODULES:
        parser = CliParser(prog="ambtenaar20")
        subparsers = parser.add_subparsers(dest="command", parser_class=CliParser)
        importlib.import_module(module_name).register(subparsers, [parent])
        expected = [name for name, module in COMMANDS.items() if module == module_name]
        assert list(subparsers.choices) == expected


@pytest.mark.parametrize(("argv", "expected"), [
    ([], "gui"),
    (["--data-dir", "X"], "gui"),
    (["--lang=en", "--data-dir=X"], "gui"),
    (["--version"], "gui"),
    (["refresh"], "refresh"),
    (["--data-dir", "refresh", "items", "list"], "items"),
    (["--lang", "nl", "feeds", "import", "x.opml", "--help"], "feeds"),
    (["erase-person", "Jan"], "erase-person"),
    (["--help"], None),
    (["-h", "refresh"], None),
    (["verversen"], None),
    (["--data", "X", "refresh"], None),  # an abbreviation only argparse resolves
    (["--", "refresh"], None),
])
def test_the_command_line_decides_which_parsers_are_built(argv, expected):
    assert command_to_build(argv) == expected


def test_one_command_parses_as_with_the_full_parser():
    argv = ["--data-dir", "D", "feeds", "add", "https://e.nl/f.xml", "--title", "Nieuws"]
    alone = vars(build_parser(command_to_build(argv)).parse_args(argv))
    full = vars(build_parser().parse_args(argv))
    assert alone.keys() == full.keys()
    assert {k: v for k, v in alone.items() if k != "handler"} == \
        {k: v for k, v in full.items() if k != "handler"}
    assert alone["handler"].__qualname__ == full["handler"].__qualname__


def test_a_command_loads_only_its_own_module(tmp_path):
    script = (
        "import sys\n"
        "from ambtenaar20.cli.main import main\n"
        f"code = main(['--data-dir', {str(tmp_path)!r}, 'topics', 'list'])\n"
        "print(code, sorted(m for m in sys.modules if m.endswith('_command')))\n"
    )
    result = run_python(script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "0 ['ambtenaar20.cli.topics_command']"


def test_help_and_unknown_commands_still_name_every_command(tmp_path):
    help_text = run_cli("--lang", "en", "--help").stdout
    for name in COMMANDS:
        assert name in help_text
    wrong = run_cli("--lang", "en", "verversen")
    assert wrong.returncode == 2
    assert "invalid choice: 'verversen'" in wrong.stderr
    assert "'privacy-requests'" in wrong.stderr
