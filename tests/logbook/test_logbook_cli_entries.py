"""``log show``, ``log edit``, ``log delete``, ``log restore``: the window's Logboek from the shell.

The real ``ambtenaar20`` process, as an officer or a script runs it; its changes must be the ones
the window's service makes, and ``log add``/``log list`` must stay exactly as they were.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from tests.helpers import run_cli

#: The fields ``log list --format json`` (and ``log add --format json``) give: a fixed contract.
LIST_FIELDS = {
    "id", "occurred_at", "platform", "kind", "kind_label", "direction", "direction_label",
    "topic", "counterpart", "url", "summary", "minutes", "outcome", "follow_up", "draft_id",
    "item_id", "open_findings", "source", "created_at", "updated_at",
}


def log(data_dir: Path, *args: str, lang: str = "en", tz: str = "Europe/Amsterdam"):
    return run_cli("--lang", lang, "log", *args,
                   env={"AMBTENAAR20_DATA_DIR": str(data_dir), "TZ": tz})


def one_line_error(result) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def entry(data_dir):
    """Entry 1: a reply logged in UTC at 23:30 on 30 June, 01:30 on 1 July in Amsterdam."""
    added = log(data_dir, "add", "--platform", "X", "--kind", "reactie", "--at",
                "2026-06-30T23:30+00:00", "--topic", "Afval", "--counterpart", "@jan",
                "--url", "https://x.com/jan/status/1", "--minutes", "5", "--summary",
                "eerste versie\nmet een tweede regel", "--follow-up", "2026-07-08", tz="UTC")
    assert added.returncode == 0, added.stderr
    return 1


def shown(data_dir: Path, entry_id: int = 1) -> dict:
    result = log(data_dir, "show", str(entry_id), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_show_gives_every_field_and_the_history_in_local_time(data_dir, entry):
    result = log(data_dir, "show", "1")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    lines = text.splitlines()
    assert lines[0] == "Log entry 1"
    for label, value in (("Date and time", "2026-07-01 01:30"), ("Platform", "X"),
                         ("Kind", "reply"), ("Direction", "outgoing"), ("Topic", "Afval"),
                         ("Counterpart", "@jan"), ("URL", "https://x.com/jan/status/1"),
                         ("Summary", "eerste versie"), ("Minutes", "5"), ("Outcome", "–"),
                         ("Follow-up", "2026-07-08")):
        assert re.search(rf"^  {label} +{re.escape(value)}$", text, re.MULTILINE), (label, text)
    # The summary's second line stands under its first.
    first = next(line for line in lines if line.startswith("  Summary "))
    assert lines[lines.index(first) + 1] == " " * first.index("eerste") + "met een tweede regel"
    history = lines[lines.index("History:") + 1:]
    assert len(history) == 1 and history[0].split()[-1] == "created"
    # The moment of the history line is this computer's clock, as ``log list`` shows times.
    created = json.loads(log(data_dir, "show", "1", "--format", "json").stdout)["created_at"]
    local = datetime.fromisoformat(created).astimezone(_amsterdam()).strftime("%Y-%m-%d %H:%M")
    assert history[0].strip().startswith(local)


def test_show_as_json_is_the_list_entry_with_its_history(data_dir, entry):
    data = shown(data_dir)
    listed = json.loads(log(data_dir, "list", "--format", "json").stdout)
    assert set(data) == LIST_FIELDS | {"deleted_at", "history"}
    assert {key: data[key] for key in LIST_FIELDS} == listed[0]
    assert data["deleted_at"] is None
    assert data["occurred_at"] == "2026-06-30T23:30:00+00:00"  # as stored, like log list
    [created] = data["history"]
    assert set(created) == {"changed_at", "changed_by", "action", "old_values", "new_values"}
    assert created["action"] == "created" and created["old_values"] == {}
    assert created["new_values"]["summary"] == "eerste versie\nmet een tweede regel"
    assert created["new_values"]["follow_up"] == "2026-07-08"


def test_edit_changes_only_the_given_fields_and_records_them(data_dir, entry):
    before = shown(data_dir)
    result = log(data_dir, "edit", "1", "--summary", "tweede versie", "--minutes", "15",
                 "--no-follow-up")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Changed log entry 1: ")
    assert "Summary: eerste versie ↵ met een tweede regel → tweede versie" in result.stdout
    assert "Minutes: 5 → 15" in result.stdout and "Follow-up: 2026-07-08 → –" in result.stdout
    after = shown(data_dir)
    changed = {"summary", "minutes", "follow_up", "updated_at", "history"}
    assert {key: value for key, value in after.items() if key not in changed} == \
        {key: value for key, value in before.items() if key not in changed}
    assert (after["summary"], after["minutes"], after["follow_up"]) == \
        ("tweede versie", 15, None)
    line = after["history"][-1]
    assert line["action"] == "edited"
    assert line["old_values"] == {"minutes": 5, "summary": "eerste versie\nmet een tweede regel",
                                  "follow_up": "2026-07-08"}
    assert line["new_values"] == {"minutes": 15, "summary": "tweede versie", "follow_up": None}
    # The same values again change nothing and write no history.
    again = log(data_dir, "edit", "1", "--summary", " tweede versie ", "--minutes", "15")
    assert again.returncode == 0 and "unchanged" in again.stdout
    assert len(shown(data_dir)["history"]) == 2


def test_edit_takes_every_field_and_can_print_json(data_dir, entry):
    result = log(data_dir, "edit", "1", "--platform", "LinkedIn", "--kind", "vraag beantwoord",
                 "--at", "2026-03-29T03:30", "--direction", "in", "--topic", "Parkeren",
                 "--counterpart", "Petra", "--url", "mailto:petra@example.nl", "--outcome",
                 "Beantwoord", "--follow-up", "05-04-2026", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == LIST_FIELDS  # as log add --format json
    assert (data["platform"], data["kind"], data["occurred_at"], data["direction"],
            data["topic"], data["counterpart"], data["url"], data["outcome"],
            data["follow_up"]) == (
        "LinkedIn", "vraag_beantwoord", "2026-03-29T03:30:00+02:00", "in", "Parkeren", "Petra",
        "mailto:petra@example.nl", "Beantwoord", "2026-04-05")
    # Emptying a text field is a change too.
    assert log(data_dir, "edit", "1", "--topic", "").returncode == 0
    assert shown(data_dir)["topic"] == ""


def test_the_history_of_an_edit_is_the_one_the_window_writes(data_dir):
    from ambtenaar20.core.app_context import create_app_context
    from ambtenaar20.gui.logbook.entry_form import changed_fields

    context = create_app_context(data_dir, "en")
    context.settings.profile.name = "Anna de Vries"
    context.save_settings()
    fields = {"occurred_at": "2026-03-02T10:00+01:00", "platform": "X", "kind": "reactie",
              "topic": "Afval", "summary": "eerste versie", "minutes": 5,
              "follow_up": "2026-03-09"}
    by_shell = context.logbook.add(**fields)
    by_window = context.logbook.add(**fields)
    context.close()

    result = log(data_dir, "edit", str(by_shell.id), "--kind", "correctie", "--direction",
                 "in", "--topic", "Afval", "--summary", "tweede versie", "--minutes", "20",
                 "--outcome", "Gecorrigeerd", "--no-follow-up")
    assert result.returncode == 0, result.stderr

    context = create_app_context(data_dir, "en")
    try:
        service = context.logbook  # the window's LogView uses context.logbook
        # What DetailPane sends when the officer saves: the form's values, only those changed.
        current = service.get(by_window.id)
        form_values = {
            "occurred_at": current.occurred_at.replace(tzinfo=None), "platform": "X",
            "kind": "correctie", "direction": "in", "topic": "Afval", "counterpart": "",
            "url": "", "minutes": 20, "summary": "tweede versie", "outcome": "Gecorrigeerd",
            "follow_up": None,
        }
        service.edit(by_window.id, **changed_fields(current, form_values))

        def comparable(entry_id):
            return [(line.action, line.changed_by, line.old_values, line.new_values)
                    for line in service.history(entry_id)]

        assert comparable(by_shell.id) == comparable(by_window.id)
        window_line = service.history(by_window.id)[-1]
        assert window_line.changed_by == "Anna de Vries"
        assert list(window_line.new_values) == ["kind", "direction", "minutes", "summary",
                                                "outcome", "follow_up"]
        shell_entry, window_entry = service.get(by_shell.id), service.get(by_window.id)
        for name in ("occurred_at", "platform", "kind", "direction", "topic", "summary",
                     "minutes", "outcome", "follow_up"):
            assert getattr(shell_entry, name) == getattr(window_entry, name)
    finally:
        context.close()


EDIT_ERRORS = [
    (("--kind", "tweet"), "kind"),
    (("--at", "2026-02-30T10:00"), "at"),
    (("--at", "2026-03-29T02:30"), "at"),  # never happened in Amsterdam
    (("--at", "0001-01-01T00:00"), "at"),
    (("--follow-up", "2026-13-01"), "follow-up"),
    (("--minutes", "-3"), "minutes"),
    (("--minutes", "veel"), "minutes"),
    (("--platform", " "), "platform"),
    (("--url", "ftp://example.nl/x"), "url"),
]


@pytest.mark.parametrize(("args", "field"), EDIT_ERRORS)
def test_edit_rejects_what_add_rejects_with_the_same_message(data_dir, tmp_path, args, field):
    edited = log(data_dir, "edit", "1", *args)
    message = one_line_error(edited)
    assert message.startswith(f"ambtenaar20: --{field}:")
    added = log(tmp_path / "other", "add", "--platform", "X", "--kind", "reactie", *args)
    assert one_line_error(added) == message
    # As for log add: bad input is rejected before the database is even opened.
    assert not (data_dir / "ambtenaar20.sqlite3").exists()


@pytest.mark.parametrize(("args", "expected"), [
    (("edit", "1"), "ambtenaar20: give at least one field to change"),
    (("edit", "1", "--follow-up", "2026-04-01", "--no-follow-up"),
     "argument --no-follow-up: not allowed with argument --follow-up"),
    (("edit", "1", "--direction", "up"), "argument --direction: invalid choice: 'up'"),
    (("show", "abc"), "argument ID: 'abc' is not the number of a log entry"),
    (("edit", "0", "--topic", "x"), "argument ID: '0' is not the number of a log entry"),
    (("delete", "-1"), "argument ID: '-1' is not the number of a log entry"),
    (("restore", "99999999999999999999"), "argument ID: '99999999999999999999' is not"),
])
def test_bad_usage_exits_2_with_one_line(data_dir, args, expected):
    assert expected in one_line_error(log(data_dir, *args))
    assert not (data_dir / "ambtenaar20.sqlite3").exists()


@pytest.mark.parametrize("action", [("show",), ("edit", "--topic", "Afval"), ("delete",),
                                    ("restore",)])
def test_a_missing_id_exits_2_with_one_line(data_dir, entry, action):
    result = log(data_dir, action[0], "99", *action[1:])
    assert one_line_error(result) == "ambtenaar20: There is no log entry 99."
    assert result.stdout == ""
    assert [line["action"] for line in shown(data_dir)["history"]] == ["created"]


def test_delete_keeps_the_entry_for_the_record_and_restore_brings_it_back(data_dir, entry):
    second = log(data_dir, "add", "--platform", "LinkedIn", "--kind", "bericht", "--at",
                 "2026-07-02T09:00")
    assert second.returncode == 0, second.stderr

    deleted = log(data_dir, "delete", "1")
    assert deleted.returncode == 0, deleted.stderr
    assert "Deleted log entry 1" in deleted.stdout and "kept for the record" in deleted.stdout
    assert "ambtenaar20 log restore 1" in deleted.stdout
    assert [e["id"] for e in json.loads(log(data_dir, "list", "--format", "json").stdout)] == [2]
    assert "1 entry, 0 minutes" in log(data_dir, "list").stdout
    data = shown(data_dir)  # still there, with its history
    assert data["deleted_at"] is not None and data["summary"].startswith("eerste versie")
    assert "Deleted on" in log(data_dir, "show", "1").stdout
    assert "restore it before editing" in one_line_error(log(data_dir, "edit", "1", "--topic",
                                                             "x"))
    again = log(data_dir, "delete", "1")
    assert again.returncode == 0 and "already deleted" in again.stdout

    restored = log(data_dir, "restore", "1")
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.strip() == "Restored log entry 1: 2026-07-01 01:30, reply on X"
    listed = json.loads(log(data_dir, "list", "--format", "json").stdout)
    assert [e["id"] for e in listed] == [1, 2]
    assert all(set(e) == LIST_FIELDS for e in listed)
    history = shown(data_dir)["history"]
    assert [line["action"] for line in history] == ["created", "deleted", "restored"]
    assert history[1]["new_values"]["deleted_at"] == data["deleted_at"]
    assert history[2]["old_values"] == {"deleted_at": data["deleted_at"]}
    assert shown(data_dir)["deleted_at"] is None
    not_deleted = log(data_dir, "restore", "1")
    assert not_deleted.returncode == 0 and "not deleted" in not_deleted.stdout
    assert len(shown(data_dir)["history"]) == 3


def test_the_window_and_the_shell_delete_the_same_way(data_dir, entry):
    """A delete from the shell is what the window's delete writes; its undo restores it."""
    from ambtenaar20.core.app_context import create_app_context

    assert log(data_dir, "add", "--platform", "X", "--kind", "reactie").returncode == 0
    assert log(data_dir, "delete", "1").returncode == 0
    context = create_app_context(data_dir, "en")
    try:
        service = context.logbook
        service.delete(2)  # what LogView.delete_entry runs
        shell, window = service.history(1)[-1], service.history(2)[-1]
        assert (shell.action, set(shell.old_values), set(shell.new_values)) == \
            (window.action, set(window.old_values), set(window.new_values))
        assert service.count() == 0
        service.undo_delete()  # the window's undo
    finally:
        context.close()
    assert log(data_dir, "restore", "1").returncode == 0
    listed = json.loads(log(data_dir, "list", "--format", "json").stdout)
    assert [e["id"] for e in listed] == [1, 2]


def test_dutch_output_says_u_and_shows_local_time(data_dir, entry):
    deleted = log(data_dir, "delete", "1", lang="nl")
    assert deleted.returncode == 0
    assert "bewaard voor het archief" in deleted.stdout and "U zet hem terug" in deleted.stdout
    show = log(data_dir, "show", "1", lang="nl")
    assert "Geschiedenis:" in show.stdout and "Datum en tijd" in show.stdout
    assert "2026-07-01 01:30" in show.stdout and "verwijderd" in show.stdout
    restore_first = log(data_dir, "edit", "1", "--topic", "x", lang="nl")
    assert "zet hem eerst terug" in one_line_error(restore_first)
    assert log(data_dir, "restore", "1", lang="nl").stdout.startswith(
        "Regel 1 van het logboek teruggezet: 2026-07-01 01:30, reactie op X")


def test_log_help_names_the_new_actions(data_dir):
    result = log(data_dir, "--help")
    assert result.returncode == 0
    for action in ("add", "list", "show", "edit", "delete", "restore"):
        assert f"    {action} " in result.stdout


def _amsterdam():
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Amsterdam")
