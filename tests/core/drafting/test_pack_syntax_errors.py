"""A pack with a TOML syntax error: the reason in the officer's language, with line and column.

``tomllib`` explains in English ("Expected '=' after a key in a key/value pair"); ``pack
validate`` and ``check --pack`` report it as they report every other pack error.
"""

from __future__ import annotations

import pytest

from ambtenaar20.core import i18n
from ambtenaar20.core.drafting.packs import PackError, parse_pack
from tests.helpers import run_cli

HEAD = '[pack]\nid = "qa"\nname = "QA"\n'

#: (pack text, line, column, Dutch reason, English reason); the mistake is on line 4.
CASES = [
    (HEAD + 'version = "1" §\n', 4, 15,
     "na de waarde staat nog iets op deze regel",
     "more follows the value on this line"),
    (HEAD + 'version = "1\x01"\n', 4, 13,
     "een teken dat hier niet mag: '\\x01'", "a character that is not allowed here: '\\x01'"),
    (HEAD + 'version "1"\n', 4, 9,
     "na de sleutel ontbreekt '='", "'=' is missing after the key"),
    (HEAD + 'version = "1\nlanguage = "nl"\n', 4, 13,
     "een tekst tussen aanhalingstekens wordt op deze regel niet afgesloten",
     "a text in quotes is not closed on this line"),
    (HEAD + 'version = """1\n', 4, 15,
     "een tekst tussen aanhalingstekens wordt niet afgesloten",
     "a text in quotes is not closed"),
    (HEAD + 'name = "Nog eens"\n', 4, 1,
     "deze sleutel heeft al een waarde (een sleutel staat er twee keer)",
     "this key already has a value (a key is given twice)"),
    (HEAD + 'version = 1.0.0\n', 4, 14,
     "na de waarde staat nog iets op deze regel", "more follows the value on this line"),
    (HEAD + 'version = een\n', 4, 11,
     "een ongeldige waarde", "an invalid value"),
    (HEAD + 'sources = ["a", "b"\n', 4, 20,
     "een lijst wordt niet afgesloten met ']'", "a list is not closed with ']'"),
    (HEAD + 'sources = [{ id = "a"\n', 4, 22,
     "een tabel tussen accolades wordt niet afgesloten",
     "a table between braces is not closed"),
    (HEAD + '[[rules\n', 4, 8,
     "een [[sectie]]-kop wordt niet afgesloten met ']]'",
     "a [[section]] heading is not closed with ']]'"),
    (HEAD + '[pack]\n', 4, 6,
     "de sectie [pack] staat er twee keer", "the section [pack] is given twice"),
]


def problem(source: str):
    with pytest.raises(PackError) as caught:
        parse_pack(source, "qa.toml")
    [found] = caught.value.problems
    return found


@pytest.mark.parametrize(("source", "line", "column", "dutch", "english"), CASES)
def test_a_syntax_error_is_explained_in_the_officer_s_language(source, line, column, dutch,
                                                                english):
    found = problem(source)
    assert (found.line, found.column) == (line, column)
    assert found.message.startswith("geen geldige TOML: " + dutch), found.message
    i18n.set_language("en")  # the conftest sets Dutch again afterwards
    found = problem(source)
    assert (found.line, found.column) == (line, column)
    assert found.message.startswith("not valid TOML: " + english), found.message


def test_the_end_of_the_file_is_a_real_position():
    # tomllib says "at end of document": the place to look is the last written character.
    found = problem(HEAD + 'version = "1')
    assert (found.line, found.column) == (4, 13)
    assert found.message == "geen geldige TOML: een tekst tussen aanhalingstekens wordt niet " \
        "afgesloten"
    found = problem(HEAD + 'version = ["1"\n\n  \n')
    assert (found.line, found.column) == (4, 15)


def test_an_unknown_parser_message_keeps_its_text_and_position(monkeypatch):
    import tomllib

    def odd(_source):
        raise tomllib.TOMLDecodeError("Something new (at line 2, column 3)")

    monkeypatch.setattr(tomllib, "loads", odd)
    found = problem(HEAD)
    assert (found.line, found.column) == (2, 3)
    assert found.message == "geen geldige TOML: Something new"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_pack_validate_and_check_report_it_in_the_language(tmp_path, language):
    broken = tmp_path / "kapot.toml"
    broken.write_text(HEAD + 'version "1"\n', encoding="utf-8")
    data = ["--lang", language, "--data-dir", str(tmp_path / "data")]
    reason = {"nl": "geen geldige TOML: na de sleutel ontbreekt '='",
              "en": "not valid TOML: '=' is missing after the key"}[language]
    validated = run_cli(*data, "pack", "validate", str(broken))
    assert validated.returncode == 2
    assert validated.stdout.startswith(f"{broken}:4:9: {reason}"), validated.stdout
    assert "Expected" not in validated.stdout + validated.stderr
    checked = run_cli(*data, "check", "--pack", str(broken), "-", input_text="Tekst.")
    assert checked.returncode == 2 and "Traceback" not in checked.stderr
    assert reason in checked.stderr and "Expected" not in checked.stderr
    assert ("regel 4, kolom 9" if language == "nl" else "line 4, column 9") in checked.stderr
