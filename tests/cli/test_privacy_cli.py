"""``erase-person`` and ``privacy-requests``: confirmation, counts, no name in the record."""


import pytest

from ambtenaar20.cli.main import main
from ambtenaar20.core.app_context import AppContext, create_app_context
from tests.helpers import run_cli

NAME = "Pieter Zwanenburg"


class Notes:
    kind = "log_entries"

    def __init__(self, context):
        self.context = context

    def erase_counterpart(self, name):
        return self.context.store.db.execute(
            "update test_notes set counterpart = '[persoon]' where counterpart = ?",
            [name]).rowcount


@pytest.fixture
def data(tmp_path, monkeypatch, root_logger):  # main() sets up file logging in-process
    data = tmp_path / "data"
    context = create_app_context(data, "nl")
    context.store.db.execute("create table test_notes (id integer primary key, counterpart)")
    context.store.db.execute("insert into test_notes (counterpart) values (?), (?), ('Els')",
                             [NAME, NAME])
    context.store.db.conn.commit()
    context.close()
    built = AppContext.__dict__["privacy"].func

    def with_provider(self):
        service = built(self)
        service.register_erasure(Notes(self))
        return service

    monkeypatch.setattr(AppContext, "privacy", property(with_provider))
    return data


def test_erase_person_pseudonymises_and_records_counts(data, capsys):
    assert main(["--data-dir", str(data), "erase-person", NAME, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "logboekregels: 2" in out
    assert main(["--data-dir", str(data), "privacy-requests"]) == 0
    listed = capsys.readouterr().out
    assert "logboekregels: 2" in listed and NAME not in listed
    context = create_app_context(data, "nl")
    try:
        names = [r[0] for r in context.store.db.execute("select counterpart from test_notes")]
    finally:
        context.close()
    assert names == ["[persoon]", "[persoon]", "Els"]


def test_erase_person_needs_yes_without_a_terminal(data, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["--data-dir", str(data), "erase-person", NAME]) == 2
    assert "--yes" in capsys.readouterr().err


@pytest.mark.parametrize("name", [NAME, "@"])
def test_a_person_found_nowhere_is_not_recorded_and_exits_1(tmp_path, name):
    added = run_cli("--data-dir", str(tmp_path / "d"), "log", "add", "--platform", "X",
                    "--kind", "reactie", "--counterpart", "Els Bakker")
    assert added.returncode == 0, added.stderr
    result = run_cli("--data-dir", str(tmp_path / "d"), "erase-person", name, "--yes")
    # A misspelt name must not look like a completed erasure, nor be recorded as one.
    assert result.returncode == 1, result.stderr
    assert "Klaar" not in result.stdout and "verzoek" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "spelling" in lines[0] and "niets vastgelegd" in lines[0]
    assert "Traceback" not in result.stderr
    listed = run_cli("--data-dir", str(tmp_path / "d"), "privacy-requests")
    assert listed.returncode == 0
    assert "Er zijn nog geen verzoeken" in listed.stdout
    context = create_app_context(tmp_path / "d", "nl")
    try:
        assert context.privacy.requests() == []
        assert [e.counterpart for e in context.logbook.list()] == ["Els Bakker"]
    finally:
        context.close()


@pytest.mark.parametrize("lang,says,not_says", [
    ("nl", "er valt niets te kiezen", "verwijderen of pseudonimiseren"),
    ("en", "there is nothing to choose", "delete or pseudonymise"),
])
def test_erase_person_help_says_what_happens_instead_of_offering_a_choice(tmp_path, lang, says,
                                                                          not_says):
    result = run_cli("--data-dir", str(tmp_path), "--lang", lang, "erase-person", "--help")
    text = " ".join(result.stdout.split()).lower()
    assert result.returncode == 0
    assert says in text and "[verwijderd]" in text and not_says not in text
