"""``ambtenaar20 drafts templates``: the reply templates of Schrijven, headless.

Each test runs the real command in a subprocess on a real data folder; what it adds is what the
window's templates menu offers (the same store), refused for the same reasons.
"""

from __future__ import annotations

import json
import sys

from tests.cli.test_drafts_cli import as_json, drafts
from tests.helpers import run_cli_answering

TEMPLATE_KEYS = {"id", "name", "language", "builtin", "text"}


def templates(data, *args: str, input_text: str | None = None, lang: str = "nl"):
    return drafts(data, "templates", *args, input_text=input_text, lang=lang)


def listed(data, *args: str) -> list[dict]:
    return as_json(templates(data, "list", "--format", "json", *args))


def test_list_shows_the_built_in_templates_with_their_language(tmp_path):
    data = tmp_path / "data"
    found = listed(data)
    assert all(set(template) == TEMPLATE_KEYS and template["builtin"] for template in found)
    assert {(t["id"], t["language"]) for t in found} >= {("correction", "nl"),
                                                         ("correction-en", "en")}
    assert {t["language"] for t in listed(data, "--language", "en")} == {"en"}

    text = templates(data, "list").stdout.splitlines()
    # The IDs of built-in templates are names ("correction"), not numbers: no "Nr." above them.
    assert text[0].split() == ["Kenmerk", "Taal", "Soort", "Naam"]
    assert ["correction", "nl", "ingebouwd", "Correctie", "van", "onjuiste", "informatie"] in \
        [line.split() for line in text]
    assert text[-1] == f"{len(found)} sjablonen"


def test_add_from_a_file_and_from_standard_input_as_drafts_add_does(tmp_path):
    data = tmp_path / "data"
    source = tmp_path / "bedankt.txt"
    source.write_text("Dank voor uw bericht over [onderwerp].", encoding="utf-8")
    added = templates(data, "add", "--name", "Bedankt", "--language", "nl", str(source))
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Sjabloon 1 toegevoegd."
    piped = as_json(templates(data, "add", "--name", "Thanks", "--language", "en", "--format",
                              "json", input_text="Thanks for your message."))
    assert piped == {"id": "2", "name": "Thanks", "language": "en", "builtin": False,
                     "text": "Thanks for your message."}

    own = [t for t in listed(data) if not t["builtin"]]
    assert [(t["id"], t["name"], t["language"]) for t in own] == \
        [("1", "Bedankt", "nl"), ("2", "Thanks", "en")]
    assert ["1", "nl", "eigen", "Bedankt"] in \
        [line.split() for line in templates(data, "list").stdout.splitlines()]
    # A placeholder of an own template counts as one in 'check', as in the window.
    checked = run_check(data, "Dank voor uw bericht over [onderwerp].")
    assert checked.returncode == 1  # a placeholder left in is an error
    assert "template.placeholder" in [f["rule"] for f in json.loads(checked.stdout)["findings"]]


def run_check(data, text: str):
    from tests.helpers import run_cli

    return run_cli("--lang", "nl", "--data-dir", str(data), "check", "--format", "json",
                   input_text=text)


def test_add_refuses_what_the_window_refuses_and_adds_nothing(tmp_path):
    data = tmp_path / "data"
    templates(data, "add", "--name", "Bedankt", "--language", "nl", input_text="Dank!")
    for args, text, said in [
        (("Bedankt",), "Andere tekst", "Er is al een sjabloon met de naam “Bedankt”"),
        (("  bedankt ",), "Andere tekst", "Er is al een sjabloon"),
        (("Aankondiging",), "Andere tekst", "Er is al een sjabloon"),  # a built-in one
        ((" ",), "Tekst", "naam en een tekst"),
        (("Leeg",), " \n", "naam en een tekst"),
    ]:
        result = templates(data, "add", "--name", *args, "--language", "nl", input_text=text)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1
        assert said in result.stderr, result.stderr
    wrong_language = templates(data, "add", "--name", "Duits", "--language", "de",
                               input_text="Danke")
    assert wrong_language.returncode == 2
    missing = templates(data, "add", "--name", "Ergens", "--language", "nl",
                        str(tmp_path / "geen.txt"))
    assert missing.returncode == 2 and "geen.txt" in missing.stderr
    assert [t["name"] for t in listed(data) if not t["builtin"]] == ["Bedankt"]


def test_remove_only_removes_own_templates_and_asks_first(tmp_path):
    data = tmp_path / "data"
    templates(data, "add", "--name", "Bedankt", "--language", "nl", input_text="Dank!")

    builtin = templates(data, "remove", "correction", "--yes")
    assert builtin.returncode == 2
    assert builtin.stderr == "ambtenaar20: Ingebouwde sjablonen kunnen niet worden verwijderd.\n"
    english = templates(data, "remove", "announcement-en", "--yes", lang="en")
    assert english.stderr == "ambtenaar20: Built-in templates cannot be removed.\n"
    unknown = templates(data, "remove", "7", "--yes")
    assert unknown.returncode == 2 and unknown.stderr.strip() == \
        "ambtenaar20: Er is geen eigen sjabloon 7."
    not_a_number = templates(data, "remove", "0")
    assert not_a_number.returncode == 2 and "'0' is geen nummer van een eigen sjabloon" in \
        not_a_number.stderr

    unasked = templates(data, "remove", "1")  # no terminal: --yes is needed
    assert unasked.returncode == 2 and "--yes" in unasked.stderr
    assert [t["id"] for t in listed(data) if not t["builtin"]] == ["1"]
    if sys.platform != "win32":
        assert "Er is niets verwijderd." in _on_a_terminal(data, "1", "n\n")
        assert [t["id"] for t in listed(data) if not t["builtin"]] == ["1"]
        answered = _on_a_terminal(data, "1", "j\n")
        assert "Het sjabloon “Bedankt” verwijderen?" in answered
        assert "Sjabloon 1 verwijderd." in answered
    else:
        assert templates(data, "remove", "1", "--yes").returncode == 0
    assert [t for t in listed(data) if not t["builtin"]] == []
    assert len(listed(data)) == 6  # the built-in ones stay


def _on_a_terminal(data, template_id: str, answer: str) -> str:
    """``drafts templates remove`` with a terminal as its standard input, answering."""
    return run_cli_answering(answer, "--lang", "nl", "--data-dir", str(data), "drafts",
                             "templates", "remove", template_id)


def test_a_template_added_here_is_in_the_windows_templates_menu(qtbot, data_dir):
    from ambtenaar20.core.app_context import create_app_context
    from tests.conftest import close_after_background_work
    from tests.gui.writing_support import open_area

    added = templates(data_dir, "add", "--name", "Bedankt", "--language", "nl",
                      input_text="Dank!")
    assert added.returncode == 0, added.stderr
    context = create_app_context(data_dir, "nl")
    context.store  # noqa: B018 - the app opens the database before the window, so do we
    try:
        area = open_area(qtbot, context)
        menu = area.drafts_list.templates_menu
        qtbot.waitUntil(lambda: "Bedankt" in [action.text() for action in menu.actions()],
                        timeout=5000)
    finally:
        close_after_background_work(context)


def test_the_id_column_and_the_remove_help_say_what_the_id_is(tmp_path):
    data = tmp_path / "data"
    english = templates(data, "list", lang="en").stdout.splitlines()
    assert english[0].split()[:3] == ["Template", "ID", "Language"]
    dutch_help = " ".join(templates(data, "remove", "--help").stdout.split())
    assert "kenmerk van uw eigen sjabloon" in dutch_help
    assert "nummer van het sjabloon" not in dutch_help
    english_help = " ".join(templates(data, "remove", "--help", lang="en").stdout.split())
    assert "ID of your own template" in english_help
