"""A surname written after a recognised name never stays readable (``core/surname_owner.py``).

Review: beside "Anne-Marie van den Heuvel", "Anne-Marie Heuvel-Jansen" was exported as "Persoon
2-Jansen", and in the entries of "@klaas_v" "Klaas Bakker belde" as "Persoon 1 Bakker belde".
A double surname goes whole with the person whose half it is; a handle has the surname it spells
("v": "Vermeulen", not "Bakker"), any other is someone else's, with a pseudonym of its own.
"""

from __future__ import annotations

import pytest

from ambtenaar20.core.export.pseudonymize import SOMEONE, Pseudonymizer
from ambtenaar20.core.person_names import SOMEONE_ELSE, PersonNames, words
from ambtenaar20.core.privacy import ErasedName

KEES = "Kees de Vries"


@pytest.mark.parametrize(("counterpart", "text"), [
    ("Anne-Marie van den Heuvel", "Anne-Marie Heuvel-Jansen belde"),
    ("Anne-Marie van den Heuvel", "Anne-Marie van den Heuvel-Jansen belde"),
    ("Anne-Marie van den Heuvel", "Marie van den Heuvel-Jansen belde"),
    ("Anne-Marie van den Heuvel", "A.M. van den Heuvel-Jansen belde"),
    ("Anne-Marie van den Heuvel", "Van den Heuvel-van Dijk belde"),
    ("Anne-Marie van den Heuvel", "ANNE-MARIE HEUVEL-JANSEN belde"),
    ("Petra de Boer", "Petra de Boer-Smit belde"),
    ("Petra de Boer", "Petra Boer-Smit belde"),
    ("Petra de Boer", "De Boer-Smit belde"),
    ("Petra de Boer", "Petra Smit-de Boer belde"),  # her name second, as Dutch marriage has it
    # the reverse: a counterpart with a double surname, written with one half
    ("Anne-Marie Heuvel-Jansen", "Anne-Marie Jansen belde"),
    ("Anne-Marie Heuvel-Jansen", "Anne-Marie Heuvel belde"),
    ("Petra Smit-de Boer", "Petra de Boer belde"),
    ("Petra Smit-de Boer", "Petra Smit belde"),
])
def test_a_double_surname_goes_whole_with_its_person(counterpart, text):
    for own in (1, None):  # in the counterpart's own record and elsewhere
        export = Pseudonymizer([KEES, counterpart])
        assert export.text(text, own) == "Persoon 2 belde", (text, own)


@pytest.mark.parametrize(("counterpart", "text", "expected"), [
    ("Anne-Marie van den Heuvel", "mevrouw Heuvel-Jansen belde", "mevrouw Persoon 1 belde"),
    ("Anne-Marie van den Heuvel", "Mevrouw Van den Heuvel-Jansen", "Mevrouw Persoon 1"),
    ("Petra de Boer", "Wethouder De Boer-Smit belde", "Wethouder Persoon 1 belde"),
    ("Anne-Marie Heuvel-Jansen", "mevrouw Heuvel-Jansen belde", "mevrouw Persoon 1 belde"),
    ("Anne-Marie Heuvel-Jansen", "mevrouw Jansen belde", "mevrouw Persoon 1 belde"),
    ("Petra Smit-de Boer", "mevrouw De Boer belde", "mevrouw Persoon 1 belde"),
])
def test_a_double_surname_after_a_title_goes_whole(counterpart, text, expected):
    assert Pseudonymizer([counterpart]).text(text) == expected


def test_an_erasure_removes_the_whole_double_surname_and_knows_one_half_as_hers():
    heuvel = ErasedName("Anne-Marie van den Heuvel")
    assert heuvel.scrub("Anne-Marie Heuvel-Jansen en mevrouw Van den Heuvel-Jansen belden") == \
        "[verwijderd] en [verwijderd] belden"  # an erasure takes the title with it
    assert heuvel.is_person("Anne-Marie van den Heuvel-Jansen")
    # A name of hers, no longer only a part: also in someone else's record.
    double = ErasedName("Anne-Marie Heuvel-Jansen")
    assert double.scrub("Anne-Marie Jansen en mevrouw Jansen belden") == \
        "[verwijderd] en [verwijderd] belden"
    assert double.scrub("Marie Bakker belde") == "Marie Bakker belde"


def test_the_halves_of_two_people_stay_two_people():
    """A first name, a sentence or a spaced dash is no half of a double surname."""
    export = Pseudonymizer(["Anne-Marie van den Heuvel", "Petra de Boer", "Sanne Smit"])
    for text, expected in [
            ("Anne-Marie-Petra en Heuvel-Anne", "Persoon 1-Persoon 2 en Heuvel-Persoon 1"),
            ("Petra de Boer - Smit; Petra de Boer. Smit", "Persoon 2 - Persoon 3; Persoon 2. "
             "Persoon 3"),
            ("Petra de Boer-Smit en Sanne Smit", "Persoon 2 en Persoon 3"),
            # no surname: an abbreviation, a lower-case word
            ("Anne-Marie Heuvel-GGD, Petra de Boer-achtig", "Persoon 1-GGD, Persoon 2-achtig")]:
        assert export.text(text) == expected, text


def test_a_surname_after_a_handles_first_name_is_theirs_only_when_the_handle_spells_it():
    """Review: in an entry of "@klaas_v", "Klaas Bakker belde" became "Persoon 1 Bakker"."""
    names = PersonNames(["@klaas_v"])
    export = Pseudonymizer(["@klaas_v"])
    for text, expected in [
            ("Klaas Bakker belde", "Persoon 2 belde"),  # "v" is not Bakker: someone else
            ("Klaas Vermeulen belde", "Persoon 1 belde"),  # "klaas_v" is Klaas V…
            ("Klaas van Dijk belde", "Persoon 1 belde"),
            ("Klaas belde, Klaas Bakker ook", "Persoon 1 belde, Persoon 2 ook")]:
        assert export.text(text, own=0) == expected, text
        spans = names.names_in(text, own=0)
        assert not set(words(text)) - {"belde", "ook"} - {
            word for span in spans for word in words(text[span.start:span.end])}, text
    # Elsewhere "Klaas" is no name of his: nothing replaced, nothing half-read.
    assert export.text("Klaas Bakker belde") == "Klaas Bakker belde"
    # An erasure of @klaas_v leaves someone else's name; his spelled name goes.
    klaas = ErasedName("@klaas_v")
    assert klaas.scrub("Klaas Bakker belde; Klaas Vermeulen ook", own=True) == \
        "Klaas Bakker belde; [verwijderd] ook"


@pytest.mark.parametrize(("handle", "text", "in_own_record"), [
    ("@mia@mastodon.nl", "Mia Jansen belde", False),  # "Mia" is a part of hers everywhere
    ("@mia@mastodon.nl", "Mia van Dijk belde", True),
    ("@klaas", "Klaas Bakker belde", True),  # a handle without a surname says nothing of one
    ("@klaas_1975", "Klaas Bakker belde", True),
    ("@PetraDeBoer", "Petra Smit belde", True),
    ("@jan-willem.bsky.social", "Jan-Willem Bakker belde", False),
])
def test_a_first_name_of_a_handle_with_another_surname_is_someone_else(handle, text,
                                                                       in_own_record):
    export = Pseudonymizer([KEES, handle])
    own = export.index.person(handle) if in_own_record else None
    assert export.text(text, own) == "Persoon 3 belde"
    assert export.text(f"{text}; {text}", own) == "Persoon 3 belde; Persoon 3 belde"
    (span,) = PersonNames([handle]).names_in(text, own=0 if in_own_record else None)
    assert span.person == SOMEONE_ELSE and text[span.start:span.end] == text[:-len(" belde")]


def test_a_handle_that_spells_the_surname_keeps_its_person():
    export = Pseudonymizer(["@PetraDeBoer", "@JanJansen"])
    assert export.text("Petra de Boer-Smit, Petra Boer en Jan Jansen-Smit", own=0) == \
        "Persoon 1, Persoon 1 en Persoon 2"


def test_a_shared_first_name_with_a_handles_initial_is_nobody_in_particular():
    """Outside his records, "Klaas" is the shared first name of others: "Klaas Vos" is not
    attributed to @klaas_v there, nor left readable."""
    export = Pseudonymizer(["@klaas_v", "Klaas Bakker", "Klaas de Wit"])
    assert export.text("Klaas Bakker, Klaas de Wit, Klaas Vos; Klaas") == \
        f"Persoon 2, Persoon 3, Persoon 4; {SOMEONE}"
    assert export.text("Klaas Vos en Klaas", own=0) == "Persoon 1 en Persoon 1"
