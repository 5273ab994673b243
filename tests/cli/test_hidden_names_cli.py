"""Names to hide on the command line: ``export --hide-name``, the saved list of ``hidden-names``,
and that ``export --pseudonymize`` applies the saved list, as the window does."""

from __future__ import annotations

import json

from tests.helpers import run_cli

SUMMARY = "Gesprek over de aanvraag van Jan de Vries en Piet Paulusma"


def cli(data, *args: str, lang: str = "en"):
    return run_cli("--data-dir", str(data), "--lang", lang, *args)


def export(data, *args: str):
    result = cli(data, "export", "--from", "2026-03-01", "--to", "2026-03-31", "--format",
                 "json", "-o", "-", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["interactions"][0]["summary"]


def logged(tmp_path):
    data = tmp_path / "data"
    added = cli(data, "log", "add", "--platform", "X", "--kind", "reactie", "--at",
                "2026-03-05T10:00", "--counterpart", "@buurman", "--summary", SUMMARY)
    assert added.returncode == 0, added.stderr
    return data


def test_hide_name_hides_that_person_in_this_export(tmp_path):
    data = logged(tmp_path)
    assert export(data, "--pseudonymize") == SUMMARY
    assert export(data, "--pseudonymize", "--hide-name", "Jan de Vries", "--hide-name",
                  "Piet Paulusma") == "Gesprek over de aanvraag van Persoon 2 en Persoon 3"
    # For that export only: nothing was saved.
    assert json.loads(cli(data, "hidden-names", "list", "--format", "json").stdout) == []


def test_hide_name_without_pseudonymize_is_refused(tmp_path):
    data = logged(tmp_path)
    target = tmp_path / "maart.csv"
    for lang in ("en", "nl"):
        result = cli(data, "export", "--from", "2026-03-01", "--to", "2026-03-31", "--format",
                     "csv", "-o", str(target), "--hide-name", "Jan de Vries", lang=lang)
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1
        assert "--hide-name" in result.stderr and "--pseudonymize" in result.stderr
        assert not target.exists()


def test_the_saved_list_round_trips_and_applies_to_pseudonymised_exports(tmp_path):
    data = logged(tmp_path)
    assert cli(data, "hidden-names", "add", " Jan  de Vries ").returncode == 0
    again = cli(data, "hidden-names", "add", "jan de vries")
    assert again.returncode == 0 and "already" in again.stdout
    assert cli(data, "hidden-names", "add", "Zoë Berg").returncode == 0
    listed = cli(data, "hidden-names", "list")
    assert listed.stdout.splitlines() == ["Jan de Vries", "Zoë Berg", "2 names to hide"]
    assert json.loads(cli(data, "hidden-names", "list", "--format", "json").stdout) == \
        ["Jan de Vries", "Zoë Berg"]

    assert export(data, "--pseudonymize") == \
        "Gesprek over de aanvraag van Persoon 2 en Piet Paulusma"
    assert export(data, "--pseudonymize", "--hide-name", "Piet Paulusma") == \
        "Gesprek over de aanvraag van Persoon 2 en Persoon 3"
    assert export(data) == SUMMARY  # not pseudonymised: the list does not apply

    removed = cli(data, "hidden-names", "remove", "ZOE BERG")
    assert removed.returncode == 0 and "Zoë Berg" in removed.stdout
    unknown = cli(data, "hidden-names", "remove", "Piet", lang="nl")
    assert unknown.returncode == 2 and "'Piet'" in unknown.stderr
    assert json.loads(cli(data, "hidden-names", "list", "--format", "json").stdout) == \
        ["Jan de Vries"]
    assert cli(data, "hidden-names", "add", "  ").returncode == 2
