"""Error lines as an officer reads them: in their language, naming the option they typed.

The reasons the system gives in English ("No such file or directory", "unclosed token: line 1,
column 12") become the officer's words; a wrong value is named by the option as typed
("--from", "-o"), not by a bare English key ("from:", "output:").
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from ambtenaar20.cli.field_names import typed, with_option_name
from ambtenaar20.core import i18n
from ambtenaar20.core.disk_errors import os_reason
from tests.helpers import run_cli

ENGLISH_SYSTEM_TEXT = ("No such file", "Errno", "File exists", "Permission denied",
                       "Is a directory", "Not a directory", "unclosed token")


def one_error_line(result) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert not any(text in lines[0] for text in ENGLISH_SYSTEM_TEXT), lines[0]
    return lines[0]


def cli(data: Path, *args: str, lang: str = "nl"):
    return run_cli("--lang", lang, "--data-dir", str(data), *args)


# -- the reasons of the file system, in one place ---------------------------------------------

@pytest.mark.parametrize(("code", "options", "dutch", "english"), [
    (errno.ENOENT, {}, "het bestaat niet", "it does not exist"),
    (errno.ENOENT, {"writing": True}, "de map waarin het moet komen bestaat niet",
     "the folder it should go in does not exist"),
    (errno.EACCES, {}, "u hebt daarvoor geen toestemming", "you do not have permission"),
    (errno.EISDIR, {}, "het is een map, geen bestand", "it is a folder, not a file"),
    (errno.ENOTDIR, {}, "een deel van het pad is een bestand, geen map",
     "part of the path is a file, not a folder"),
    (errno.ENOSPC, {"writing": True}, "de schijf is vol", "the disk is full"),
    (errno.EEXIST, {}, "er bestaat al een bestand met die naam",
     "a file with that name already exists"),
    (errno.EEXIST, {"folder": True}, "het is een bestand, geen map",
     "it is a file, not a folder"),
])
def test_common_os_errors_have_a_reason_in_the_officers_language(code, options, dutch, english):
    error = OSError(code, "the system's English text")
    assert os_reason(error, **options) == dutch
    i18n.set_language("en")
    assert os_reason(error, **options) == english


def test_a_rare_os_error_keeps_the_systems_own_text():
    assert os_reason(OSError(errno.ELOOP, "Too many levels of symbolic links")) == \
        "Too many levels of symbolic links"


def test_a_missing_file_is_said_in_dutch_and_english_by_every_reading_command(tmp_path):
    missing = tmp_path / "bestaat-niet.opml"
    for args in (("feeds", "import", str(missing)), ("check", str(missing)),
                 ("restore", "--yes", str(missing))):
        line = one_error_line(cli(tmp_path / "data", *args))
        assert str(missing) in line and "bestaat niet" in line, line
    english = one_error_line(cli(tmp_path / "data", "feeds", "import", str(missing), lang="en"))
    assert english.endswith("cannot be read: it does not exist")


def test_writing_into_a_missing_folder_says_which_folder_is_missing(tmp_path):
    target = tmp_path / "geen-map" / "feeds.opml"
    line = one_error_line(cli(tmp_path / "data", "feeds", "export", str(target)))
    assert line.endswith("kan niet worden geschreven: de map waarin het moet komen bestaat niet")
    line = one_error_line(cli(tmp_path / "data", "backup", str(target.with_suffix(".zip")),
                              lang="en"))
    assert line.endswith("cannot be written: the folder it should go in does not exist")


def test_reading_a_folder_as_a_file_says_it_is_a_folder(tmp_path):
    line = one_error_line(cli(tmp_path / "data", "check", str(tmp_path)))
    assert line.endswith("het is een map, geen bestand")


def test_a_file_given_as_data_folder_is_called_a_file_not_a_folder(tmp_path):
    a_file = tmp_path / "hostname"
    a_file.write_text("pc-42\n")
    line = one_error_line(run_cli("--data-dir", str(a_file), "feeds", "list"))
    assert line == f"ambtenaar20: De gegevensmap {a_file} kan niet worden gebruikt: het is een " \
                   "bestand, geen map"
    english = one_error_line(run_cli("--lang", "en", "--data-dir", str(a_file), "log", "list"))
    assert english.endswith("cannot be used: it is a file, not a folder")
    below = one_error_line(run_cli("--data-dir", str(a_file / "data"), "feeds", "list"))
    assert below.endswith("een deel van het pad is een bestand, geen map")
    assert a_file.read_text() == "pc-42\n"


def test_a_broken_opml_file_gives_the_place_in_the_officers_language(tmp_path):
    broken = tmp_path / "kapot.opml"
    broken.write_text("<opml><body><outline\n", encoding="utf-8")
    line = one_error_line(cli(tmp_path / "data", "feeds", "import", str(broken)))
    # The column as an editor counts it: "<outline" starts at the 13th character.
    assert line.endswith("is geen geldig OPML-bestand: een tag is niet afgesloten (regel 1, "
                         "kolom 13)")
    english = one_error_line(cli(tmp_path / "data", "feeds", "import", str(broken), lang="en"))
    assert english.endswith("is not a valid OPML file: a tag is not closed (line 1, column 13)")
    text = tmp_path / "tekst.opml"
    text.write_text("hallo\n", encoding="utf-8")
    assert one_error_line(cli(tmp_path / "data", "feeds", "import", str(text))).endswith(
        "dit is geen XML (regel 1, kolom 1)")


# -- a wrong value names the option as typed ----------------------------------------------------

PERIOD = ("--from", "2024-03-01", "--to", "2024-03-31")


@pytest.mark.parametrize(("args", "start"), [
    (("log", "list", "--from", "2024-03-01", "--to", "2024-02-01"),
     "ambtenaar20: --from: de begindatum 2024-03-01 ligt na de einddatum 2024-02-01 (--to)"),
    (("log", "list", "--to", "2024-02-30"), "ambtenaar20: --to: '2024-02-30' is geen geldige"),
    (("log", "list", "--kind", "tweet"), "ambtenaar20: --kind: onbekende soort 'tweet'"),
    (("log", "add", "--platform", "X", "--kind", "tweet"), "ambtenaar20: --kind: "),
    (("log", "add", "--platform", "X", "--kind", "reactie", "--at", "gisteren"),
     "ambtenaar20: --at: 'gisteren' is geen geldige datum en tijd"),
    (("log", "add", "--platform", "X", "--kind", "reactie", "--minutes", "veel"),
     "ambtenaar20: --minutes: 'veel' is geen heel getal"),
    (("log", "add", "--platform", " ", "--kind", "reactie"), "ambtenaar20: --platform: "),
    (("log", "add", "--platform", "X", "--kind", "reactie", "--follow-up", "2024-13-01"),
     "ambtenaar20: --follow-up: "),
    (("log", "edit", "7", "--summary", "x"), "ambtenaar20: Er is geen regel 7 in het logboek."),
    (("log", "show", "abc"), "ambtenaar20 log show: argument ID: 'abc' is geen nummer van een "
                             "regel in het logboek"),
    (("export", *PERIOD, "--format", "csv", "-o", "/geen/map/x.csv"),
     "ambtenaar20: -o: de map /geen/map bestaat niet"),
    (("export", *PERIOD, "--format", "csv", "--output", "/geen/map/x.csv"),
     "ambtenaar20: --output: de map /geen/map bestaat niet"),
    (("export", *PERIOD, "--format", "pdf", "--output=-"),
     "ambtenaar20: --output: PDF kan niet naar de standaarduitvoer"),
    (("export", "--from", "2024-04-01", "--to", "2024-03-01", "--format", "csv", "-o", "x.csv"),
     "ambtenaar20: --from: de begindatum 2024-04-01 ligt na de einddatum 2024-03-01 (--to)"),
])
def test_a_wrong_value_is_named_by_the_option_the_officer_typed(tmp_path, args, start):
    line = one_error_line(cli(tmp_path / "data", *args))
    assert line.startswith(start), line


def test_the_option_is_named_in_english_too(tmp_path):
    line = one_error_line(cli(tmp_path / "data", "log", "list", "--from", "2024-03-01", "--to",
                              "2024-02-01", lang="en"))
    assert line == ("ambtenaar20: --from: the start date 2024-03-01 is after the end date "
                    "2024-02-01 (--to)")
    line = one_error_line(cli(tmp_path / "data", "log", "add", "--platform", "X", "--kind",
                              "tweet", lang="en"))
    assert line.startswith("ambtenaar20: --kind: unknown kind 'tweet'")


def test_edit_without_a_field_has_no_bare_english_prefix(tmp_path):
    line = one_error_line(cli(tmp_path / "data", "log", "edit", "1"))
    assert line == ("ambtenaar20: geef minstens één veld op om te wijzigen, bijvoorbeeld "
                    "--summary TEKST of --no-follow-up")


def test_only_known_keys_are_replaced_and_by_the_spelling_typed():
    options = {"output": ("-o", "--output"), "kind": ("--kind",)}
    assert with_option_name("output: x", options, ["-o", "a"]) == "-o: x"
    assert with_option_name("output: x", options, ["--output=a"]) == "--output: x"
    assert with_option_name("output: x", options, ["-oa.csv"]) == "-o: x"
    assert with_option_name("output: x", options, []) == "--output: x"  # not typed: long form
    assert with_option_name("from: x", options, ["--from"]) == "from: x"  # not this command's
    assert with_option_name("Het bestand: x", options, []) == "Het bestand: x"
    assert typed(("ID",), ["log", "show", "7"]) == "ID"


# -- a pack file that cannot be read is one line --------------------------------------------------

@pytest.mark.parametrize("args", [("check", "--pack", "{pack}", "-"), ("pack", "install", "{pack}"),
                                  ("pack", "validate", "{pack}")])
def test_a_missing_pack_file_is_one_plain_line(tmp_path, args):
    pack = tmp_path / "geen.toml"
    result = run_cli("--data-dir", str(tmp_path / "data"),
                     *[part.format(pack=pack) for part in args], input_text="Tekst.")
    assert one_error_line(result) == f"ambtenaar20: pakketbestand niet gevonden: {pack}"
    assert result.stdout == ""
    english = run_cli("--lang", "en", "--data-dir", str(tmp_path / "data"),
                      *[part.format(pack=pack) for part in args], input_text="Text.")
    assert one_error_line(english) == f"ambtenaar20: pack file not found: {pack}"


def test_a_pack_with_errors_ends_in_the_usual_error_line(tmp_path):
    broken = tmp_path / "kapot.toml"
    broken.write_text('[pack]\nid = "x"\n', encoding="utf-8")
    result = run_cli("--data-dir", str(tmp_path / "data"), "pack", "install", str(broken))
    assert result.returncode == 2
    assert result.stdout.startswith(f"{broken}:")  # every error, compiler style
    [verdict] = result.stderr.strip().splitlines()
    assert verdict.startswith(f"ambtenaar20: {broken}: ") and "fout" in verdict


# -- export: a name that does not fit the format -------------------------------------------------

@pytest.fixture()
def logged(tmp_path):
    data = tmp_path / "data"
    added = run_cli("--data-dir", str(data), "log", "add", "--platform", "X", "--kind",
                    "reactie", "--at", "2024-03-02T10:00", "--summary", "Vraag beantwoord")
    assert added.returncode == 0, added.stderr
    return data


def test_csv_written_to_a_pdf_name_is_written_with_a_warning(logged, tmp_path):
    target = tmp_path / "rapport.pdf"
    result = run_cli("--data-dir", str(logged), "export", *PERIOD, "--format", "csv",
                     "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "Vraag beantwoord" in target.read_text(encoding="utf-8-sig")  # --format decides
    [warning] = result.stderr.strip().splitlines()
    assert warning == ("ambtenaar20: let op: rapport.pdf eindigt niet op .csv, maar bevat CSV; "
                       "andere programma's openen het dan misschien niet, of verkeerd")
    english = run_cli("--lang", "en", "--data-dir", str(logged), "export", *PERIOD, "--format",
                      "json", "-o", str(tmp_path / "report"))
    assert english.returncode == 0, english.stderr
    assert english.stderr.strip() == ("ambtenaar20: warning: report does not end in .json, but "
                                      "it holds JSON; other programs may not open it, or open "
                                      "it wrongly")


def test_a_fitting_name_or_standard_output_gets_no_warning(logged, tmp_path):
    fitting = run_cli("--data-dir", str(logged), "export", *PERIOD, "--format", "csv",
                      "-o", str(tmp_path / "MAART.CSV"))
    assert fitting.returncode == 0 and fitting.stderr == ""
    streamed = run_cli("--data-dir", str(logged), "export", *PERIOD, "--format", "csv",
                       "-o", "-")
    assert streamed.returncode == 0 and "Vraag beantwoord" in streamed.stdout
    assert "let op" not in streamed.stderr


# -- a pack with errors: each command says what it did not do ------------------------------------

BROKEN_PACK = '[pack]\nid = "x"\nversion = 1\n'  # no name, no language, a number as version

PACK_VERDICTS = {
    # command: (Dutch must say, English must say, neither may say)
    "validate": ("het pakket is niet geldig", "the pack is not valid",
                 ("geïnstalleerd", "gebruikt", "installed", "used")),
    "install": ("het pakket is niet geïnstalleerd", "the pack was not installed",
                ("gebruikt", " used")),
    "check": ("het pakket is niet gebruikt", "the pack was not used",
              ("geïnstalleerd", "installed")),
}


@pytest.mark.parametrize("command", list(PACK_VERDICTS))
@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_pack_with_errors_is_reported_per_command(tmp_path, command, language):
    broken = tmp_path / "kapot.toml"
    broken.write_text(BROKEN_PACK, encoding="utf-8")
    args = (("check", "--pack", str(broken), "-") if command == "check"
            else ("pack", command, str(broken)))
    result = run_cli("--lang", language, "--data-dir", str(tmp_path / "data"), *args,
                     input_text="Tekst.")
    assert result.returncode == 2
    verdict = one_error_line(result)
    dutch, english, never = PACK_VERDICTS[command]
    assert (dutch if language == "nl" else english) in verdict, verdict
    assert not any(word in verdict.replace(str(broken), "FILE") for word in never), verdict
    assert verdict.startswith(f"ambtenaar20: {broken}: 3 ")  # the file and its count
    if command == "check":  # one line, the first error with its place; nothing on stdout
        assert ("regel 1, kolom 1" if language == "nl" else "line 1, column 1") in verdict
        assert "pack validate" in verdict and result.stdout == ""
    else:  # every error, compiler style, as before
        lines = result.stdout.splitlines()
        assert len(lines) == 3 and all(line.startswith(f"{broken}:") for line in lines)
