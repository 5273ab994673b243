"""``ambtenaar20 drafts``: everything Schrijven does to a draft, headless, on a real data folder.

Each test runs the real command in a subprocess. The drafts it makes are the window's drafts:
the service the window uses reads them, and a draft made in the window is deleted by the
command.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.helpers import run_cli, run_cli_answering

#: Jargon on two different words ("ter zake" twice, "Conform"), a phone number (an error).
TEXT = ("Wij gaan dit ter zake afstemmen. Conform de planning komt het ter zake goed. "
        "Bel 06-12345678.")
DRAFT_KEYS = {"id", "status", "topic", "platforms", "language", "feed_item_id", "created_at",
              "updated_at", "published_at", "published_url", "first_line"}
FINDING_KEYS = {"rule", "severity", "start", "end", "text", "message", "suggestions", "link"}


def drafts(data: Path, *args: str, input_text: str | None = None, lang: str = "nl"):
    return run_cli("--lang", lang, "--data-dir", str(data), "drafts", *args,
                   input_text=input_text)


def as_json(result) -> object:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def add(data: Path, text: str = TEXT, *options: str) -> int:
    created = as_json(drafts(data, "add", *options, "--format", "json", input_text=text))
    return created["id"]


def shown(data: Path, draft_id: int) -> dict:
    return as_json(drafts(data, "show", str(draft_id), "--format", "json"))


def log_entries(data: Path) -> list[dict]:
    return as_json(run_cli("--data-dir", str(data), "log", "list", "--format", "json"))


# -- add, list, show, edit ---------------------------------------------------------------------

def test_add_from_a_file_and_from_standard_input_then_list_them(tmp_path):
    data = tmp_path / "data"
    source = tmp_path / "bericht.txt"
    source.write_text("Eerste regel van het bestand\nTweede regel", encoding="utf-8")
    added = drafts(data, "add", "--topic", "Afval", "--platform", "X", "--platform",
                   "mastodon", str(source))
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Concept 1 toegevoegd."
    assert add(data, "Uit de standaardinvoer") == 2

    listed = as_json(drafts(data, "list", "--format", "json"))
    assert [draft["id"] for draft in listed] == [2, 1]  # the last changed first
    first = listed[1]
    assert set(first) == DRAFT_KEYS
    assert (first["status"], first["topic"], first["platforms"], first["first_line"]) == \
        ("draft", "Afval", ["x", "mastodon"], "Eerste regel van het bestand")
    assert first["updated_at"].endswith("+00:00")  # JSON keeps UTC

    text = drafts(data, "list").stdout.splitlines()
    assert text[0].split() == ["Nr.", "Status", "Onderwerp", "Platforms", "Laatst",
                               "gewijzigd", "Eerste", "regel"]
    row = text[2].split()
    assert row[:4] == ["1", "concept", "Afval", "X,"] and "Mastodon" in row
    assert text[-1] == "2 concepten"


def test_list_filters_by_status_in_either_language(tmp_path):
    data = tmp_path / "data"
    add(data, "Een")
    second = add(data, "Twee")
    assert drafts(data, "edit", str(second), "--status", "gearchiveerd").returncode == 0
    for status in ("archived", "gearchiveerd"):
        listed = as_json(drafts(data, "list", "--status", status, "--format", "json"))
        assert [draft["id"] for draft in listed] == [second]
    empty = drafts(data, "list", "--status", "published")
    assert empty.stdout.strip() == "Er zijn geen concepten met status gepubliceerd."
    wrong = drafts(data, "list", "--status", "klaar")
    assert wrong.returncode == 2 and "'klaar' is geen status" in wrong.stderr


def test_show_gives_the_findings_as_check_does_for_the_drafts_platforms(tmp_path):
    data = tmp_path / "data"
    draft_id = add(data, TEXT, "--platform", "x")
    draft = shown(data, draft_id)
    assert set(draft) == DRAFT_KEYS | {"text", "findings", "ignored_findings", "dismissals",
                                       "checklist", "check"}
    assert draft["text"] == TEXT
    checked = _check(data, TEXT)
    assert draft["findings"] == checked["findings"]
    assert all(set(finding) == FINDING_KEYS for finding in draft["findings"])
    assert draft["check"]["lengths"] == [{"platform": "x", **checked["length"]}]
    assert draft["check"]["pack"] == checked["pack"]
    assert [question["id"] for question in draft["checklist"]] == \
        [question["id"] for question in checked["checklist"]]
    assert not any(question["ticked"] for question in draft["checklist"])

    text = drafts(data, "show", str(draft_id)).stdout
    assert TEXT in text
    assert "1:82 error pii.phone" in text  # as check prints a finding


def _check(data: Path, text: str) -> dict:
    """What ``check --platform x --format json`` says about ``text``."""
    result = run_cli("--data-dir", str(data), "check", "--platform", "x", "--format", "json",
                     input_text=text)
    assert result.returncode == 1, result.stderr  # the phone number is an error
    return json.loads(result.stdout)


def test_edit_changes_only_what_is_given(tmp_path):
    data = tmp_path / "data"
    draft_id = add(data, "Oude tekst", "--topic", "Afval", "--platform", "x")
    new_text = tmp_path / "nieuw.txt"
    new_text.write_text("Nieuwe tekst\nmet twee regels", encoding="utf-8")
    changed = as_json(drafts(data, "edit", str(draft_id), "--text-file", str(new_text),
                             "--platform", "linkedin", "--status", "gecontroleerd",
                             "--format", "json"))
    assert (changed["first_line"], changed["topic"], changed["platforms"], changed["status"]) \
        == ("Nieuwe tekst", "Afval", ["linkedin"], "checked")
    assert shown(data, draft_id)["text"] == "Nieuwe tekst\nmet twee regels"

    cleared = drafts(data, "edit", str(draft_id), "--topic", "", "--no-platforms")
    assert cleared.stdout.strip() == f"Concept {draft_id} gewijzigd."
    assert (shown(data, draft_id)["topic"], shown(data, draft_id)["platforms"]) == ("", [])
    from_stdin = drafts(data, "edit", str(draft_id), "--text-file", "-", input_text="Via stdin")
    assert from_stdin.returncode == 0 and shown(data, draft_id)["text"] == "Via stdin"

    nothing = drafts(data, "edit", str(draft_id))
    assert nothing.returncode == 2 and "--text-file" in nothing.stderr
    unreadable = drafts(data, "edit", str(draft_id), "--topic", "X", "--text-file",
                        str(tmp_path / "weg.txt"))
    assert unreadable.returncode == 2 and "bestaat niet" in unreadable.stderr
    assert shown(data, draft_id)["topic"] == ""  # nothing was changed


@pytest.mark.parametrize("args", [
    ("show", "99"), ("edit", "99", "--topic", "Afval"), ("delete", "99", "--yes"),
    ("dismiss", "99", "jargon", "--reason", "Vakterm"), ("undismiss", "99", "jargon"),
    ("tick", "99", "manual.facts"), ("publish", "99", "--platform", "x"),
])
def test_an_unknown_draft_is_bad_usage_and_changes_nothing(tmp_path, args):
    data = tmp_path / "data"
    add(data, "Een concept")
    result = drafts(data, *args)
    assert result.returncode == 2
    assert result.stderr.strip() == "ambtenaar20: Er is geen concept 99."
    assert [draft["id"] for draft in as_json(drafts(data, "list", "--format", "json"))] == [1]
    assert log_entries(data) == []


# -- dismissing, ticking ------------------------------------------------------------------------

def test_a_dismissal_names_its_finding_and_holds_when_the_text_around_it_changes(tmp_path):
    data = tmp_path / "data"
    draft_id = add(data)
    # "ter zake" and "Conform" are both jargon: which one is meant must be said.
    ambiguous = drafts(data, "dismiss", str(draft_id), "jargon", "--reason", "Vakterm")
    assert ambiguous.returncode == 2
    assert "--start POSITIE" in ambiguous.stderr and "“Conform”" in ambiguous.stderr
    blank = drafts(data, "dismiss", str(draft_id), "jargon", "--start", "13", "--reason", " ")
    assert blank.returncode == 2 and "korte reden" in blank.stderr

    done = drafts(data, "dismiss", str(draft_id), "jargon", "--start", "15", "--reason",
                  "Vakterm voor deze lezers")
    assert done.returncode == 0, done.stderr
    assert "op 2 plaatsen" in done.stdout  # one dismissal covers the same words everywhere
    draft = shown(data, draft_id)
    assert [(f["rule"], f["text"]) for f in draft["findings"] if f["rule"] == "jargon"] == \
        [("jargon", "Conform")]
    assert [(f["text"], f["reason"]) for f in draft["ignored_findings"]
            if f["rule"] == "jargon"] == [("ter zake", "Vakterm voor deze lezers")] * 2
    [dismissal] = draft["dismissals"]
    assert (dismissal["rule"], dismissal["text"], dismissal["reason"]) == \
        ("jargon", "ter zake", "Vakterm voor deze lezers")
    assert dismissal["pack"].startswith("rijksoverheid-standaard ")

    again = drafts(data, "dismiss", str(draft_id), "jargon", "--start", "13", "--reason", "x")
    assert again.returncode == 2
    # As in the window: the same rule on the same words stays ignored in a changed text.
    drafts(data, "edit", str(draft_id), "--text-file", "-",
           input_text="Dat regelen wij ter zake morgen.")
    assert [f["rule"] for f in shown(data, draft_id)["findings"]].count("jargon") == 0

    back = drafts(data, "undismiss", str(draft_id), "jargon")
    assert back.stdout.strip() == f"Concept {draft_id}: jargon op “ter zake” telt weer mee."
    assert [f["text"] for f in shown(data, draft_id)["findings"] if f["rule"] == "jargon"] == \
        ["ter zake"]
    assert shown(data, draft_id)["dismissals"] == []
    assert drafts(data, "undismiss", str(draft_id), "jargon").returncode == 2
    assert drafts(data, "dismiss", str(draft_id), "geen.regel", "--reason", "x").returncode == 2


def test_checklist_questions_are_ticked_and_unticked(tmp_path):
    data = tmp_path / "data"
    draft_id = add(data, "Vanaf maandag halen we het afval op dinsdag op.")
    ticked = drafts(data, "tick", str(draft_id), "manual.facts")
    assert ticked.returncode == 0 and "is aangevinkt" in ticked.stdout
    checklist = {q["id"]: q["ticked"] for q in shown(data, draft_id)["checklist"]}
    assert checklist["manual.facts"] and not checklist["manual.public"]
    assert "[x] Hebt u de feiten" in drafts(data, "show", str(draft_id)).stdout
    drafts(data, "tick", str(draft_id), "manual.facts", "--untick")
    assert not any(q["ticked"] for q in shown(data, draft_id)["checklist"])
    unknown = drafts(data, "tick", str(draft_id), "manual.nope")
    assert unknown.returncode == 2 and "manual.facts" in unknown.stderr


# -- publishing, deleting ----------------------------------------------------------------------

def test_publish_makes_one_log_entry_and_a_second_publish_is_refused(tmp_path):
    data = tmp_path / "data"
    draft_id = add(data, TEXT, "--topic", "Afval", "--platform", "x")
    drafts(data, "dismiss", str(draft_id), "pii.phone", "--reason", "Ons eigen nummer")
    elsewhere = drafts(data, "publish", str(draft_id), "--platform", "linkedin")
    assert elsewhere.returncode == 2 and "bedoeld voor X" in elsewhere.stderr
    bad_address = drafts(data, "publish", str(draft_id), "--platform", "x", "--url", "x.com/1")
    assert bad_address.returncode == 2
    assert log_entries(data) == []

    published = drafts(data, "publish", str(draft_id), "--platform", "x", "--url",
                       "https://x.com/gemeente/status/1")
    assert published.returncode == 0, published.stderr
    open_count = len(shown(data, draft_id)["findings"])
    [entry] = log_entries(data)
    assert (entry["draft_id"], entry["platform"], entry["url"], entry["topic"], entry["kind"],
            entry["direction"], entry["open_findings"]) == \
        (draft_id, "X", "https://x.com/gemeente/status/1", "Afval", "bericht", "out", open_count)
    draft = shown(data, draft_id)
    assert draft["status"] == "published"
    assert draft["published_url"] == "https://x.com/gemeente/status/1"

    again = drafts(data, "publish", str(draft_id), "--platform", "x")
    assert again.returncode == 2
    assert "al gemarkeerd als gepubliceerd" in again.stderr and "Traceback" not in again.stderr
    # Even after its status was changed back by hand.
    drafts(data, "edit", str(draft_id), "--status", "draft")
    assert drafts(data, "publish", str(draft_id), "--platform", "x").returncode == 2
    assert len(log_entries(data)) == 1


def test_copy_makes_a_new_draft_that_can_be_published_again(tmp_path):
    data = tmp_path / "data"
    draft_id = add(data, TEXT, "--topic", "Afval", "--platform", "x", "--platform", "mastodon")
    drafts(data, "dismiss", str(draft_id), "pii.phone", "--reason", "Ons eigen nummer")
    drafts(data, "tick", str(draft_id), "manual.facts")
    assert drafts(data, "publish", str(draft_id), "--platform", "x").returncode == 0

    copied = drafts(data, "copy", str(draft_id))
    assert copied.returncode == 0, copied.stderr
    assert copied.stdout.strip() == f"Concept {draft_id} gekopieerd naar nieuw concept 2."
    again = as_json(drafts(data, "copy", str(draft_id), "--format", "json"))
    assert set(again) == DRAFT_KEYS and again["id"] == 3
    copy = shown(data, 2)
    assert (copy["text"], copy["topic"], copy["platforms"], copy["status"],
            copy["published_at"]) == (TEXT, "Afval", ["x", "mastodon"], "draft", None)
    assert copy["dismissals"] == [] and not any(q["ticked"] for q in copy["checklist"])
    # The point of a copy: the same reply published once more, logged once more.
    published = drafts(data, "publish", "2", "--platform", "mastodon")
    assert published.returncode == 0, published.stderr
    assert sorted(entry["draft_id"] for entry in log_entries(data)) == [draft_id, 2]
    assert shown(data, draft_id)["status"] == "published"

    unknown = drafts(data, "copy", "99")
    assert unknown.returncode == 2 and unknown.stderr.strip() == \
        "ambtenaar20: Er is geen concept 99."
    assert drafts(data, "copy", "nul").returncode == 2


def test_delete_asks_on_a_terminal_and_needs_yes_without_one(tmp_path):
    data = tmp_path / "data"
    draft_id = add(data, "Weg ermee")
    refused = drafts(data, "delete", str(draft_id))
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert shown(data, draft_id)["text"] == "Weg ermee"
    if sys.platform != "win32":
        assert "Er is niets verwijderd." in _on_a_terminal(data, draft_id, "n\n")
        assert shown(data, draft_id)["text"] == "Weg ermee"
        answered = _on_a_terminal(data, draft_id, "j\n")
        assert "“Weg ermee” verwijderen?" in answered
        assert f"Concept {draft_id} verwijderd." in answered
    else:
        assert drafts(data, "delete", str(draft_id), "--yes").returncode == 0
    assert drafts(data, "show", str(draft_id)).returncode == 2


def _on_a_terminal(data: Path, draft_id: int, answer: str) -> str:
    """``drafts delete`` with a terminal as its standard input, answering ``answer``."""
    return run_cli_answering(answer, "--lang", "nl", "--data-dir", str(data), "drafts", "delete",
                             str(draft_id))


# -- the window and the command line share the drafts ----------------------------------------------

def test_the_window_sees_a_command_line_draft_and_the_command_line_deletes_a_window_draft(
        qtbot, data_dir):
    from ambtenaar20.core.app_context import create_app_context
    from tests.conftest import close_after_background_work
    from tests.gui.writing_support import open_area

    context = create_app_context(data_dir, "nl")
    context.store  # noqa: B018 - the app opens the database before the window, so do we
    try:
        area = open_area(qtbot, context)
        area.editor.setPlainText("Geschreven in het venster")
        area.flush()
        window_draft = area.draft.id

        made = add(data_dir, "Gemaakt op de opdrachtregel", "--topic", "Afval", "--platform",
                   "mastodon")
        draft = context.drafting.drafts.get(made)  # the service the window uses
        assert (draft.text, draft.topic, draft.platforms) == \
            ("Gemaakt op de opdrachtregel", "Afval", ("mastodon",))
        area.refresh_list()
        qtbot.waitUntil(lambda: area.drafts_list.draft(made) is not None, timeout=5000)

        listed = as_json(drafts(data_dir, "list", "--format", "json"))
        assert {"Geschreven in het venster", "Gemaakt op de opdrachtregel"} <= \
            {entry["first_line"] for entry in listed}
        deleted = drafts(data_dir, "delete", str(window_draft), "--yes")
        assert deleted.returncode == 0, deleted.stderr
        assert window_draft not in [d.id for d in context.drafting.drafts.list()]
        area.refresh_list()
        qtbot.waitUntil(lambda: area.drafts_list.draft(window_draft) is None, timeout=5000)

        # Published on the command line: the window will not mark it again.
        drafts(data_dir, "publish", str(made), "--platform", "mastodon")
        area.open_draft_id(made)
        qtbot.waitUntil(lambda: area.draft.id == made, timeout=5000)
        assert not area.publish_button.isEnabled()
        assert len(context.logbook.list()) == 1
    finally:
        close_after_background_work(context)
