"""``--help`` agrees with itself, in each language: placeholders, descriptions, examples."""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import sys

import pytest

from ambtenaar20.cli import argparse_messages, selftest_command
from ambtenaar20.cli.help_examples import examples_of
from ambtenaar20.cli.main import build_parser
from ambtenaar20.cli.selftest_command import CheckResult
from ambtenaar20.core import i18n
from tests.helpers import cli_environment, run_cli

#: Placeholders the help showed in English inside Dutch text, and the old "ACTIE".
ENGLISH_PLACEHOLDERS = {"FILE", "NAME", "DATE", "DIR", "FOLDER", "KIND", "SUMMARY",
                        "COUNTERPART", "TOPIC", "TITLE", "ACTION", "ACTIE", "COMMAND", "QUERY",
                        "TEXT", "USER", "OUTCOME", "SEARCH", "ISO-DATETIME", "DATE-TIME", "Q",
                        "P", "PERSON"}
#: Capitals that are words, not placeholders.
NOT_PLACEHOLDERS = {"AMBTENAAR20_DATA_DIR", "CSV", "JSON", "PDF", "XLSX", "OPML", "UTC", "URL",
                    "ID", "IT", "AVG", "OR", "NOT", "BSN", "UTF-8", "JJJJ-MM-DD", "YYYY-MM-DD"}
COMMANDS_WITH_EXAMPLES = ((), ("check",), ("feeds", "add"), ("refresh",), ("log", "add"),
                          ("export",))


def parsers(language: str) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every parser, by its command path, built in ``language``."""
    argparse_messages.install()
    i18n.set_language(language)
    found = {}

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        found[path] = parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, (*path, name))

    walk(build_parser(), ())
    return found


def capitals(text: str) -> set[str]:
    return {word for word in re.findall(r"(?<![\w-])[A-Z][A-Z0-9_-]*[A-Z0-9](?![\w-])", text)
            if word not in NOT_PLACEHOLDERS}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_placeholder_in_a_description_is_the_one_in_the_usage(language):
    for path, parser in parsers(language).items():
        usage = parser.format_usage()
        used = capitals(usage)
        texts = [parser.description or ""] + [action.help or "" for action in parser._actions
                                              if action.help is not argparse.SUPPRESS]
        for text in texts:
            for word in capitals(text):
                assert word in used, (path, word, text)


def test_no_english_placeholder_in_dutch_help():
    for path, parser in parsers("nl").items():
        words = set(re.findall(r"(?<![\w-])[A-Z][A-Z0-9_-]*(?!\w)", parser.format_help()))
        assert not words & ENGLISH_PLACEHOLDERS, (path, words & ENGLISH_PLACEHOLDERS)
        assert "OPDRACHT" in parser.format_usage() or not any(
            isinstance(action, argparse._SubParsersAction) for action in parser._actions)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_command_and_argument_is_described(language):
    for path, parser in parsers(language).items():
        if path:
            assert parser.description, path
        for action in parser._actions:
            if not action.option_strings and not isinstance(action, argparse._SubParsersAction):
                assert action.help, (path, action.dest)


def test_the_same_option_has_the_same_placeholder_everywhere():
    for language in ("nl", "en"):
        seen: dict[str, set[str]] = {}
        for parser in parsers(language).values():
            for action in parser._actions:
                if action.option_strings and isinstance(action.metavar, str):
                    seen.setdefault(action.option_strings[-1], set()).add(action.metavar)
        assert {option: names for option, names in seen.items() if len(names) > 1} == {}
        assert seen["--topic"] == {"ONDERWERP" if language == "nl" else "TOPIC"}


def test_the_kinds_are_listed_once_in_the_officers_language():
    dutch = parsers("nl")[("log", "add")].format_help()
    assert "'reactie' (reactie)" not in dutch
    flat = " ".join(dutch.split())
    assert "soort contact: reactie, bericht, vraag beantwoord, correctie, doorverwezen, " \
           "privébericht, overig (de Engelse namen werken ook: reply, post," in flat
    english = " ".join(parsers("en")[("log", "add")].format_help().split())
    assert "kind of interaction: reply, post, question answered, correction, referred, " \
           "private message, other (the Dutch names work too: reactie, bericht," in english


def test_words_are_the_same_throughout_the_dutch_help():
    text = "\n".join(parser.format_help() for parser in parsers("nl").values())
    assert "richtlijnpakket" not in text and "richtlijnenpakket" in text
    assert "exitcode" not in text.lower() and "afsluitcode" in text.lower()
    assert "alle feeds ophalen die nu aan de beurt zijn" in " ".join(text.split())


def test_check_help_gives_the_data_folders_default_like_every_command():
    for language in ("nl", "en"):
        check = " ".join(parsers(language)[("check",)].format_help().split())
        assert "AMBTENAAR20_DATA_DIR" in check


@pytest.mark.parametrize(("total", "dutch", "english"), [
    (1, "de controle is geslaagd", "the check passed"),
    (3, "alle 3 controles geslaagd", "all 3 checks passed"),
])
def test_the_selftest_summary_counts_in_words(total, dutch, english):
    results = [CheckResult(f"c{index}", True, "", 1) for index in range(total)]
    assert selftest_command.summary(results) == dutch
    i18n.set_language("en")
    assert selftest_command.summary(results) == english
    i18n.set_language("nl")
    assert selftest_command.summary([*results[:1], CheckResult("x", False, "", 1)]) == \
        "1 van de 2 controles mislukt: x"


# -- examples --------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_main_commands_end_their_help_with_an_example_that_parses(language):
    found = parsers(language)
    for path in COMMANDS_WITH_EXAMPLES:
        assert examples_of(found[path]), path
        assert "\n  ambtenaar20 " in found[path].format_help()
    for path, parser in found.items():
        for example in examples_of(parser):
            program, *argv = shlex.split(example)
            assert program == "ambtenaar20"
            args = build_parser().parse_args(argv)  # exits (fails the test) when it does not
            if path:  # the example is one of this command's own
                assert args.handler is parser.get_default("handler"), (path, example)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_log_and_export_examples_really_work(tmp_path, language):
    found = parsers(language)
    data = tmp_path / "data"
    for path in (("log", "add"), ("export",)):
        [example] = examples_of(found[path])
        argv = shlex.split(example)[1:]
        # In a folder of its own: the example writes its file where it is run.
        result = subprocess.run([sys.executable, "-m", "ambtenaar20", "--lang", language,
                                 "--data-dir", str(data), *argv], cwd=tmp_path,
                                capture_output=True, text=True, env=cli_environment(),
                                timeout=60)
        assert result.returncode == 0, (example, result.stderr)
    assert [entry.suffix for entry in tmp_path.iterdir() if entry.is_file()] == [".xlsx"]


def test_top_level_help_shows_the_examples_as_lines(tmp_path):
    result = run_cli("--help")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    start = lines.index("voorbeelden:")
    assert lines[start + 1].startswith("  ambtenaar20 feeds add ")
    assert lines[start + 2] == "  ambtenaar20 check --platform x concept.txt"
