"""People the officer listed to hide: a pseudonymised export hides them like counterparts.

QA's case: "Gesprek over de aanvraag van Jan de Vries", where Jan de Vries is no counterpart
anywhere in the log, stayed readable. Listed, he is hidden in every spelling a counterpart's
name is hidden in; not listed, he stays (nothing guesses names).
"""

from __future__ import annotations

import csv
import json

import pytest

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.export.csv_format import write_csv
from ambtenaar20.core.export.json_format import write_json
from ambtenaar20.core.export.progress import ExportSteps
from ambtenaar20.core.hidden_names import add_hidden_name, clean_names, remove_hidden_name
from ambtenaar20.core.settings import PrivacySettings
from tests.logbook.export_fixtures import document

SUMMARY = "Gesprek over de aanvraag van Jan de Vries"


def add(logbook, counterpart="", at="2026-03-05T10:00", **fields):
    return logbook.add(occurred_at=at, platform="X", kind="reactie", counterpart=counterpart,
                       **fields)


def csv_text(path) -> str:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return "\n".join(";".join(row) for row in csv.reader(handle, delimiter=";"))


def test_a_listed_name_is_hidden_in_csv_and_json(logbook, context, tmp_path):
    add(logbook, "@buurman", summary=SUMMARY, outcome="Jan de Vries gebeld")
    doc = document(logbook, context, pseudonymize=True, hidden_names=("Jan de Vries",))
    for text in (csv_text(write_csv(doc, tmp_path / "p.csv")),
                 json.dumps(json.loads(write_json(doc, tmp_path / "p.json").read_text("utf-8")),
                            ensure_ascii=False)):
        # The officer of the sample context is Anna de Vries: her name is on the cover.
        assert "vries" not in text.casefold().replace("anna de vries", "")
        assert "Gesprek over de aanvraag van Persoon 2" in text
        assert "Persoon 2 gebeld" in text
    # The metadata says only that it is pseudonymised, as before: not who was listed.
    data = json.loads((tmp_path / "p.json").read_text("utf-8"))
    assert data["pseudonymized"] is True


def test_a_name_not_listed_stays(logbook, context, tmp_path):
    add(logbook, "@buurman", summary=SUMMARY)
    doc = document(logbook, context, pseudonymize=True)
    assert "Jan de Vries" in csv_text(write_csv(doc, tmp_path / "p.csv"))
    # Listed, but the export is not pseudonymised: nothing is hidden.
    plain = document(logbook, context, hidden_names=("Jan de Vries",))
    assert plain.entries[0].summary == SUMMARY


def test_every_spelling_of_a_listed_name_is_hidden(logbook, context):
    add(logbook, "@buurman", summary="J. de Vries belde; later De Vries en mevrouw Vries")
    add(logbook, "@buurvrouw", summary="Sanne belde namens Sanne Visser", at="2026-03-06T10:00")
    entries = document(logbook, context, pseudonymize=True,
                       hidden_names=("Jan de Vries", "Sanne Visser")).entries
    # Numbered after the exported counterparts, in order of first mention.
    assert [entry.counterpart for entry in entries] == ["Persoon 1", "Persoon 2"]
    assert entries[0].summary == "Persoon 3 belde; later Persoon 3 en mevrouw Persoon 3"
    assert entries[1].summary == "Persoon 4 belde namens Persoon 4"


def test_a_listed_surname_that_is_a_word_is_hidden_after_a_role(logbook, context):
    # "Groen" alone is an ordinary word: it needs its first name or a title before it, and the
    # roles a text puts there count as titles too.
    add(logbook, "@buurman", summary="Wethouder Groen en collega Groen; Dr. Groen belde. "
                                     "Het groen in de wijk.")
    [entry] = document(logbook, context, pseudonymize=True, hidden_names=("Eva Groen",)).entries
    assert entry.summary == ("Wethouder Persoon 2 en collega Persoon 2; Dr. Persoon 2 belde. "
                             "Het groen in de wijk.")


def test_a_listed_counterpart_keeps_its_pseudonym(logbook, context):
    add(logbook, "Jan de Vries", summary="Jan de Vries vroeg het zelf")
    entries = document(logbook, context, pseudonymize=True,
                       hidden_names=("jan de vries",)).entries
    assert entries[0].counterpart == "Persoon 1"
    assert entries[0].summary == "Persoon 1 vroeg het zelf"


def test_listed_names_are_cleaned_and_counted_while_recognising_people(logbook, context,
                                                                       monkeypatch):
    add(logbook, "@buurman", summary=SUMMARY)
    totals = []
    original = ExportSteps.__init__

    def record(steps, total, what, *args, **kwargs):
        totals.append((what, total))
        original(steps, total, what, *args, **kwargs)

    monkeypatch.setattr(ExportSteps, "__init__", record)
    entries = document(logbook, context, pseudonymize=True,
                       hidden_names=("  Jan  de Vries ", "", "   ", "JAN DE VRIES",
                                     "Sanne Visser")).entries
    assert entries[0].summary == "Gesprek over de aanvraag van Persoon 2"
    # One entry, one counterpart, two people listed (the blank and repeated ones dropped).
    assert ("Recognising people", 4) in totals


def test_clean_names():
    assert clean_names(["  Jan  de Vries ", "", " ", "jan de vries", "@", "Zoë Berg",
                        "zoe berg", "@mia"]) == ("Jan de Vries", "Zoë Berg", "@mia")


def test_add_and_remove_a_saved_name():
    privacy = PrivacySettings()
    assert add_hidden_name(privacy, " Jan de Vries ")
    assert not add_hidden_name(privacy, "JAN DE VRIES")  # the same person
    assert add_hidden_name(privacy, "Zoë Berg")
    assert privacy.hidden_names == ["Jan de Vries", "Zoë Berg"]
    with pytest.raises(UsageError):
        add_hidden_name(privacy, "  ")
    assert remove_hidden_name(privacy, "zoe berg") == "Zoë Berg"
    assert privacy.hidden_names == ["Jan de Vries"]
    with pytest.raises(UsageError, match="Piet"):
        remove_hidden_name(privacy, "Piet")
    assert privacy.hidden_names == ["Jan de Vries"]
