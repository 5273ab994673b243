"""Pseudonymisation knows everyone in the log and attributes each mention to the right person.

QA's cases: a person from another month named in this month's text, the topic filter on the
cover, "@mia" for "@mia@mastodon.nl", "?user=li" for "Li", "Omer Celik" for "Ömer Çelik",
handles of people who are no counterpart, and first names shared by several people.
"""

from __future__ import annotations

import json
import re

import openpyxl
import pypdf

from ambtenaar20.core.export.json_format import write_json
from ambtenaar20.core.export.pseudonymize import SOMEONE, Pseudonymizer
from ambtenaar20.core.export.xlsx_format import write_xlsx
from ambtenaar20.render.pdf_report import write_pdf
from tests.logbook.export_fixtures import document


def add(logbook, counterpart="", at="2026-03-05T10:00", **fields):
    return logbook.add(occurred_at=at, platform="X", kind="reactie", counterpart=counterpart,
                       **fields)


def one(logbook, entry, *others):
    """``entry`` pseudonymised as an export with the log's ``others`` as known people."""
    known = [other.counterpart for other in others]
    return Pseudonymizer.for_entries([entry], known).apply(entry)


def test_person_from_another_month_is_hidden_in_this_months_text(logbook, context):
    add(logbook, "Petra de Boer", at="2026-02-10T10:00")
    add(logbook, "@buurman", summary="Petra de Boer belde ook; @PetraDeBoer en Mevrouw De Boer",
        outcome="Doorgestuurd naar Petra")
    entry = document(logbook, context, pseudonymize=True).entries[0]
    text = entry.summary + " " + entry.outcome
    assert "petra" not in text.casefold() and "boer" not in text.casefold()
    assert entry.counterpart == "Persoon 1"
    assert entry.summary == "Persoon 2 belde ook; Persoon 2 en Mevrouw Persoon 2"
    assert entry.outcome == "Doorgestuurd naar Persoon 2"


def test_person_of_a_deleted_entry_is_still_hidden(logbook, context):
    secret = add(logbook, "Geheim Persoon")
    add(logbook, "Zichtbaar", summary="Geheim Persoon genoemd")
    logbook.delete(secret.id)
    entries = document(logbook, context, pseudonymize=True).entries
    assert [entry.summary for entry in entries] == ["Persoon 2 genoemd"]


def test_topic_filter_is_pseudonymised_in_json_xlsx_and_pdf(logbook, context, tmp_path):
    add(logbook, "Petra de Boer", topic="Klacht Petra de Boer")
    doc = document(logbook, context, pseudonymize=True, topics=("Klacht Petra de Boer",))
    assert doc.topics == ("Klacht Persoon 1",)
    data = json.loads(write_json(doc, tmp_path / "t.json").read_text(encoding="utf-8"))
    assert data["topics"] == ["Klacht Persoon 1"]
    assert data["summary"]["by_topic"] == {"Klacht Persoon 1": 1}
    workbook = openpyxl.load_workbook(write_xlsx(doc, tmp_path / "t.xlsx"))
    cells = [str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert "Klacht Persoon 1" in cells
    pdf = " ".join(page.extract_text() for page in
                   pypdf.PdfReader(str(write_pdf(doc, tmp_path / "t.pdf"))).pages)
    assert "Klacht Persoon 1" in re.sub(r"\s+", " ", pdf.replace("\u200b", ""))
    for text in (json.dumps(data), " ".join(cells), pdf):
        assert "petra" not in text.casefold() and "boer" not in text.casefold()


def test_fediverse_handle_without_its_server(logbook):
    mia = add(logbook, "@mia@mastodon.nl", summary="mia@mastodon.nl vroeg; @mia bedankt",
              url="https://mastodon.nl/@mia/1111")
    result = one(logbook, mia)
    assert result.summary == "Persoon 1 vroeg; Persoon 1 bedankt" and result.url == ""


def test_short_name_in_a_link_segment_or_parameter_drops_the_link(logbook):
    li = add(logbook, "Li")
    for url in ("https://gemeente.nl/nieuws?user=li", "https://gemeente.nl/wijk/li",
                "https://gemeente.nl/nieuws?q=li"):
        entry = add(logbook, "Li", url=url)
        assert one(logbook, entry, li).url == "", url
    # "li" inside a longer word or segment is chance, not Li.
    own = logbook.add(occurred_at="2026-03-05T10:00", platform="LinkedIn", kind="bericht",
                      url="https://www.linkedin.com/feed/update/urn:li:activity:1")
    assert one(logbook, own, li).url == own.url
    page = add(logbook, "Kees", url="https://gemeente.nl/nieuws/lindeboom")
    assert one(logbook, page, li).url == page.url


def test_names_are_compared_without_accents_and_case(logbook):
    omer = add(logbook, "Ömer Çelik", summary="Omer Celik bedankt; OMER belde, Çelik tevreden",
               url="https://forum.gemeente.nl/t/ömer-celik-vraag/55")
    result = one(logbook, omer)
    assert result.summary == "Persoon 1 bedankt; Persoon 1 belde, Persoon 1 tevreden"
    assert result.url == ""


def test_every_handle_is_replaced_known_or_not(logbook):
    entry = add(logbook, "Ömer Çelik",
                summary="@klaas_v meldde het, @burger12 ook; later weer @Klaas_V (mail "
                        "klaas@example.nl)")
    result = one(logbook, entry).summary
    assert "klaas" not in result.casefold() and "burger12" not in result
    assert result == ("Persoon 2 meldde het, Persoon 3 ook; later weer Persoon 2 (mail "
                      "[e-mail address])")


def test_full_name_wins_over_a_shared_first_name(logbook):
    first = add(logbook, "Piet Achternaam1")
    third = add(logbook, "Piet Achternaam3")
    entry = add(logbook, "@handle_2", summary="Reactie aan Piet Achternaam2 en Piet Achternaam3")
    result = one(logbook, entry, first, third).summary
    # Persoon 1 is @handle_2; Piet Achternaam1 is not named, so his pseudonym must not appear.
    # "Piet Achternaam2" is neither Piet: someone else, whose surname does not stay readable.
    assert result == "Reactie aan Persoon 2 en Persoon 3"
    assert "Piet" not in result and "Achternaam" not in result


def test_dotted_handle_matches_the_written_name(logbook):
    jan = add(logbook, "jan.jansen", summary="Jan Jansen tevreden; jan.jansen again")
    assert one(logbook, jan).summary == "Persoon 1 tevreden; Persoon 1 again"


def test_shared_surname_is_hidden_but_not_attributed(logbook):
    petra = add(logbook, "Petra de Boer")
    kees = add(logbook, "Kees de Boer", summary="Kees de Boer en Petra de Boer; familie De Boer")
    result = one(logbook, kees, petra).summary
    assert result == f"Persoon 1 en Persoon 2; familie {SOMEONE}"


def test_handles_in_bare_links_after_punctuation_and_with_hyphens_are_hidden(logbook):
    """QA: "mastodon.nl/@mia", "cc:@mia", "RT@PetraDeBoer", "@jan-willem.bsky.social" leaked."""
    people = [add(logbook, name) for name in
              ("Petra de Boer", "@mia@mastodon.nl", "@jan-willem.bsky.social")]
    entry = add(logbook, "Kees", summary="mastodon.nl/@mia, x.com/@mia, cc:@mia, RT@PetraDeBoer, "
                "tiktok.com/@petraboer; @jan-willem.bsky.social vroeg het aan Jan-Willem")
    result = one(logbook, entry, *people).summary
    assert result == ("[link removed], [link removed], cc:Persoon 2, RT Persoon 3, "
                      "[link removed]; Persoon 4 vroeg het aan Persoon 4")


def test_names_run_together_in_running_text_are_hidden(logbook):
    people = [add(logbook, name) for name in ("Anne-Marie van den Heuvel", "Petra de Boer")]
    entry = add(logbook, "Kees", summary="AnneMarieVdHeuvel en petradeboer1975 reageerden")
    assert one(logbook, entry, *people).summary == "Persoon 2 en Persoon 3 reageerden"


def test_erased_people_are_nobody_in_a_later_export(logbook, context):
    """After an erasure "[verwijderd]" is no counterpart: not one "Persoon 1" for all of them."""
    add(logbook, "Petra de Boer", summary="mailt vanaf petra.deboer@ziggo.nl")
    add(logbook, "Ömer Çelik", at="2026-03-06T10:00", summary="Omer belde")
    add(logbook, "Kees", at="2026-03-07T10:00",
        summary="Petra de Boer en Ömer Çelik; verwijderd is een gewoon woord")
    context.privacy.erase_counterpart("Petra de Boer")
    context.privacy.erase_counterpart("Ömer Çelik")
    assert "[verwijderd]" not in logbook.counterparts()
    entries = document(logbook, context, pseudonymize=True).entries
    assert [entry.counterpart for entry in entries] == ["[verwijderd]", "[verwijderd]", "Persoon 1"]
    assert [entry.summary for entry in entries] == [
        "mailt vanaf [e-mail address]", "[verwijderd] belde",
        "[verwijderd] en [verwijderd]; verwijderd is een gewoon woord"]


def test_half_of_a_double_first_name_with_another_surname_is_someone_else(logbook, context):
    """Review: beside "Anne-Marie van den Heuvel", "Marie Jansen" was exported as "Persoon 2
    Jansen": Anne-Marie's pseudonym, and the other person's surname readable."""
    add(logbook, "Anne-Marie van den Heuvel", at="2026-03-02T10:00",
        summary="Marie van den Heuvel belde; Marie Jansen ook")
    add(logbook, "Kees de Vries", at="2026-03-03T10:00",
        summary="Kees Bakker en Kees de Vries; Anne Jansen en Marie Jansen belden Kees",
        outcome="Doorgestuurd naar Marie Jansen en Marie")
    entries = document(logbook, context, pseudonymize=True).entries
    assert [entry.counterpart for entry in entries] == ["Persoon 1", "Persoon 2"]
    assert [entry.summary for entry in entries] == [
        "Persoon 1 belde; Persoon 3 ook",
        "Persoon 4 en Persoon 2; Persoon 5 en Persoon 3 belden Persoon 2"]
    assert entries[1].outcome == "Doorgestuurd naar Persoon 3 en Persoon 1"
    text = " ".join(entry.summary + entry.outcome for entry in entries)
    assert "jansen" not in text.casefold() and "bakker" not in text.casefold()


def test_double_surnames_and_a_handles_first_name_leave_no_surname_readable(logbook, context,
                                                                          tmp_path):
    """Review: "Anne-Marie Heuvel-Jansen" was exported as "Persoon 2-Jansen", and in an entry
    of "@klaas_v" "Klaas Bakker belde" as "Persoon 1 Bakker belde"."""
    add(logbook, "Anne-Marie van den Heuvel", at="2026-03-02T10:00",
        summary="Anne-Marie Heuvel-Jansen belde; mevrouw Van den Heuvel-Jansen ook")
    add(logbook, "Petra de Boer", at="2026-03-03T10:00", summary="Petra de Boer-Smit belde")
    add(logbook, "@klaas_v", at="2026-03-04T10:00", summary="Klaas Bakker belde, later Klaas",
        outcome="Klaas Vermeulen teruggebeld")
    doc = document(logbook, context, pseudonymize=True)
    assert [(entry.summary, entry.outcome) for entry in doc.entries] == [
        ("Persoon 1 belde; mevrouw Persoon 1 ook", ""), ("Persoon 2 belde", ""),
        ("Persoon 4 belde, later Persoon 3", "Persoon 3 teruggebeld")]
    text = write_json(doc, tmp_path / "t.json").read_text(encoding="utf-8").casefold()
    for name in ("jansen", "heuvel", "smit", "boer", "klaas", "bakker", "vermeulen"):
        assert name not in text, name


def test_genitives_two_marie_and_a_lower_case_handle_leave_no_name(logbook, context, tmp_path):
    """Review: "Jansens brief" and "De Groots motie" kept their surnames, "Marie van den Heuvel
    is niet Anne-Marie van den Heuvel" became "Persoon 1 is niet Persoon 1", and in an entry of
    "@pietdevries" "Piet de Vries", "Piet" and "P. de Vries" stayed readable."""
    add(logbook, "Anne-Marie van den Heuvel", at="2026-03-02T10:00",
        summary="Van den Heuvels klacht. Jansens brief. De Groots motie. Een groots plan.")
    add(logbook, "Marie Jansen", at="2026-03-03T10:00",
        summary="Marie Jansens brief; marie jansen belde",
        outcome="Marie van den Heuvel is niet Anne-Marie van den Heuvel.")
    add(logbook, "Sanne de Groot", at="2026-03-04T10:00")
    add(logbook, "@pietdevries", at="2026-03-05T10:00",
        summary="Piet de Vries reageerde. Piet zegt dat P. de Vries gelijk heeft.")
    doc = document(logbook, context, pseudonymize=True)
    assert [(entry.summary, entry.outcome) for entry in doc.entries] == [
        ("Persoon 1's klacht. Persoon 2's brief. Persoon 3's motie. Een groots plan.", ""),
        ("Persoon 2's brief; Persoon 2 belde", f"{SOMEONE} is niet Persoon 1."),
        ("", ""),
        ("Persoon 4 reageerde. Persoon 4 zegt dat Persoon 4 gelijk heeft.", "")]
    # the file as written, but for the officer who exports it (Anna de Vries)
    exported = json.loads(write_json(doc, tmp_path / "t.json").read_text(encoding="utf-8"))
    del exported["officer"]
    text = json.dumps(exported).casefold()
    for name in ("heuvel", "jansen", "groot ", "marie", "piet", "vries"):
        assert name not in text, name
