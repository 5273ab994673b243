"""Findings of the second pseudonymisation review (``core/export/pseudonymize.py``)."""

from __future__ import annotations

from datetime import datetime

from ambtenaar20.core.export.pseudonymize import Pseudonymizer
from ambtenaar20.core.logbook.model import Interaction


def _entry(summary: str, outcome: str = "", counterpart: str = "") -> Interaction:
    return Interaction(id=1, occurred_at=datetime(2026, 1, 1), platform="X", kind="reactie",
                       counterpart=counterpart, summary=summary, outcome=outcome)


def test_people_told_apart_in_the_summary_stay_apart_in_the_outcome():
    """Finding 4: the outcome gave "Marie van den Heuvel" Anne-Marie's pseudonym although the
    summary of the same entry tells the two apart: the letter read as Anne-Marie's."""
    export = Pseudonymizer(["Piet", "Anne-Marie van den Heuvel"])
    out = export.apply(_entry("Marie van den Heuvel belde; Anne-Marie belde ook.",
                              "Marie van den Heuvel krijgt een brief. "
                              "Marie van den Heuvels verzoek genoteerd."))
    assert out.summary == "[persoon] belde; Persoon 2 belde ook."
    assert out.outcome == "[persoon] krijgt een brief. [persoon]'s verzoek genoteerd."
    # Without "Anne-Marie" in the entry the shortened name stays hers.
    alone = export.apply(_entry("Marie van den Heuvel belde.", "Marie van den Heuvel krijgt "
                                "een brief."))
    assert (alone.summary, alone.outcome) == ("Persoon 2 belde.", "Persoon 2 krijgt een brief.")


def test_the_genitive_apostrophe_and_a_handles_particles_go_with_the_name():
    """Finding 6: "Kees' vraag" became "Persoon 4' vraag", and for a handle counterpart the
    particles stayed before the pseudonym ("mevrouw Van der Persoon 5", "De Persoon 7's")."""
    export = Pseudonymizer(["Kees", "Hans Claes", "@pietdevries", "@bernadettevanderdijk",
                            "@frederiquedevos"])
    for text, expected in [
            ("Kees' vraag", "Persoon 1's vraag"),
            ("Hans Claes' zoon; Claes\u2019 klacht", "Persoon 2's zoon; Persoon 2's klacht"),
            ("De Vries' vraag", "Persoon 3's vraag"),
            ("mevrouw Van der Dijk belde", "mevrouw Persoon 4 belde"),
            ("De Vos's reactie; Mevr. De Vos belt", "Persoon 5's reactie; Mevr. Persoon 5 belt"),
            ("'Kees' zei het", "'Persoon 1' zei het")]:  # a quote, no genitive
        assert export.text(text) == expected, text


def test_a_handles_surname_is_hidden_as_a_typed_names_is():
    """Finding 3: "Mevrouw De Vos", "De Vos sprak in" stayed readable for "@frederiquedevos"
    while "Mevrouw Van der Berg" of "Sanne van der Berg" was hidden."""
    export = Pseudonymizer(["@bernadettevandijk", "@frederiquedevos", "@mariadekoning",
                            "Sanne van der Berg"])
    assert export.text("De Vos sprak in. Mevrouw Van Dijk belde. Mevrouw De Vos belde.") == \
        "Persoon 2 sprak in. Mevrouw Persoon 1 belde. Mevrouw Persoon 2 belde."
    assert export.text("De Koning sprak als eerste") == "Persoon 3 sprak als eerste"
    assert export.text("Mevrouw Van der Berg belde") == "Mevrouw Persoon 4 belde"


def test_a_hyphenated_word_or_a_lower_case_word_is_no_surname():
    """Finding 5: "de Groot-Britse ambassade" became "Persoon 3 ambassade"."""
    export = Pseudonymizer(["Maria de Koning", "Kees de Groot", "@mariekedegroot"])
    for text, expected in [
            ("de Groot-Britse ambassade", "de Groot-Britse ambassade"),
            ("de koning van Nederland", "de koning van Nederland"),
            ("Groot-Brittannië", "Groot-Brittannië"),
            ("De Groot-Smit belde", "[persoon] belde"),  # a double surname: hers or his
            ("Kees de Groot-Britse", "Persoon 2"),
            ("De Koning sprak", "Persoon 1 sprak")]:
        assert export.text(text) == expected, text


def test_a_first_name_before_a_known_surname_goes_with_it():
    """Finding 2: "@evandebeek" gave "Eva van de Persoon 4" in her own entry and "Eva van de
    Beek" readable elsewhere: nothing may stay readable beside a pseudonym."""
    export = Pseudonymizer(["@evandebeek", "Sanne van der Berg", "Maria de Koning"])
    own = export.index.person("@evandebeek")
    assert export.text("Eva van de Beek vroeg het. E. van de Beek wil reactie; Eva belt.",
                       own) == "Persoon 1 vroeg het. Persoon 1 wil reactie; Persoon 1 belt."
    assert export.text("Eva van de Beek, Sanne van der Berg en Maria de Koning zaten er.") == \
        "Persoon 1, Persoon 2 en Persoon 3 zaten er."
    # Another first name with her surname is someone else, not Sanne.
    assert export.text("Eva van der Berg belde; Eva van der Berg mailde") == \
        "Persoon 4 belde; Persoon 4 mailde"
    # A whole name after a particle-like preposition takes no word before it.
    assert Pseudonymizer(["@PetraDeBoer"]).text("Vraag van PetraDeBoer over afval") == \
        "Vraag van Persoon 1 over afval"
