"""Review of pseudonymised exports: the genitive -s, names a text tells apart, lower-case handles.

- "Van den Heuvels klacht. Jansens brief. De Groots motie." kept all three surnames readable,
  and "Marie Jansens brief" got a pseudonym other than "marie jansen" (``core/genitive.py``);
- "Marie van den Heuvel is niet Anne-Marie van den Heuvel." became "Persoon 1 is niet Persoon
  1" (``core/told_apart.py``);
- in an entry of "@pietdevries", "Piet de Vries", "Piet" and "P. de Vries" stayed readable
  (``core/handle_split.py``).
"""

from __future__ import annotations

import pytest

from ambtenaar20.core.export.pseudonymize import SOMEONE, Pseudonymizer
from ambtenaar20.core.handle_split import splits
from ambtenaar20.core.person_names import AMBIGUOUS, PersonNames
from ambtenaar20.core.privacy import ErasedName

PEOPLE = ["Anne-Marie van den Heuvel", "Marie Jansen", "Sanne de Groot"]


def test_a_name_with_the_genitive_s_is_that_person():
    export = Pseudonymizer(PEOPLE)
    assert export.text("Van den Heuvels klacht. Jansens brief. De Groots motie.") == \
        "Persoon 1's klacht. Persoon 2's brief. Persoon 3's motie."
    # written with an apostrophe the genitive looks the same: "'s" after the pseudonym
    assert export.text("Anne-Marie's mail, Anne-Maries mail") == \
        "Persoon 1's mail, Persoon 1's mail"
    # one person, one pseudonym, with or without the genitive
    assert export.text("Marie Jansens brief; marie jansen belde; MARIE JANSENS brief") == \
        "Persoon 2's brief; Persoon 2 belde; Persoon 2's brief"


def test_someone_else_with_the_genitive_s_keeps_their_pseudonym():
    """"Marie Jansens" beside Anne-Marie and Kees Jansen is the "Marie Jansen" of the text."""
    export = Pseudonymizer(["Anne-Marie van den Heuvel", "Kees Jansen"])
    assert export.text("Marie Jansen belde over Marie Jansens brief") == \
        "Persoon 3 belde over Persoon 3's brief"


def test_ordinary_words_that_are_a_name_plus_s_stay():
    export = Pseudonymizer([*PEOPLE, "Klaas Vries"])
    text = "een groots plan, de heuvels, een boers gezin; Klaas en Vries"
    assert export.text(text) == "een groots plan, de heuvels, een boers gezin; Persoon 4 en Vries"
    # a name that ends on "s" is itself, not a genitive of "Klaa" or "Vrie"
    assert PersonNames(["Klaas Vries"]).names_in("Klaas Vries belde")[0].genitive is False
    # "Groots" alone is no name elsewhere, as "Groot" alone is not: it needs "De"
    assert export.text("Groots!") == "Groots!"


def test_an_erasure_removes_the_genitive_too():
    heuvel = ErasedName("Anne-Marie van den Heuvel")
    assert heuvel.scrub("Van den Heuvels klacht en Anne-Marie van den Heuvels mail") == \
        "Van den Heuvels klacht en [verwijderd]'s mail"
    assert heuvel.scrub("Van den Heuvels klacht", own=True) == "[verwijderd]'s klacht"


@pytest.mark.parametrize("people", [
    ["Marie Jansen", "Anne-Marie van den Heuvel"], ["Anne-Marie van den Heuvel"]])
def test_half_a_double_first_name_beside_the_whole_one_is_not_merged(people):
    export = Pseudonymizer(people)
    her = export.pseudonym("Anne-Marie van den Heuvel")
    assert export.text("Marie van den Heuvel is niet Anne-Marie van den Heuvel.") == \
        f"{SOMEONE} is niet {her}."
    assert export.text("Anne-Marie belde; Marie van den Heuvel ook") == \
        f"{her} belde; {SOMEONE} ook"
    # alone, or beside other halves only, "Marie van den Heuvel" is still hers
    assert export.text("Marie van den Heuvel belde; Marie Heuvel ook") == \
        f"{her} belde; {her} ook"
    first, second = PersonNames(people).names_in("Marie van den Heuvel en Anne-Marie")
    assert first.person == AMBIGUOUS and second.person >= 0


def test_an_erasure_leaves_the_person_the_text_tells_apart():
    heuvel = ErasedName("Anne-Marie van den Heuvel")
    for own in (True, False):  # in her records, where "Marie" alone is hers too, and elsewhere
        assert heuvel.scrub("Marie van den Heuvel is niet Anne-Marie van den Heuvel.", own) == \
            "Marie van den Heuvel is niet [verwijderd]."
    assert heuvel.scrub("Marie van den Heuvel belde.", own=True) == "[verwijderd] belde."


def test_a_lower_case_handle_run_together_is_the_name_written_apart():
    export = Pseudonymizer(["@pietdevries", "Kees de Vries"])
    text = "Piet de Vries reageerde. Piet zegt dat P. de Vries gelijk heeft; Kees de Vries niet."
    assert export.text(text, own=0) == \
        "Persoon 1 reageerde. Persoon 1 zegt dat Persoon 1 gelijk heeft; Persoon 2 niet."
    # elsewhere the full name and its initials are his too; "Piet" alone may be anyone
    assert export.text(text) == \
        "Persoon 1 reageerde. Piet zegt dat Persoon 1 gelijk heeft; Persoon 2 niet."
    # in his entries another surname is someone else, and ordinary words stay
    assert export.text("Piet Bakker belde over de piet en een piet", own=0) == \
        "Persoon 3 belde over de piet en een piet"
    assert ErasedName("@pietdevries").scrub("Piet de Vries en P. de Vries") == \
        "[verwijderd] en [verwijderd]"


def test_a_run_together_handle_is_read_at_its_particles():
    assert [split.words for split in splits("pietdevries")] == [("piet", "de", "vries")]
    assert ("annemarie", "van", "den", "heuvel") in \
        [split.words for split in splits("annemarievandenheuvel")]
    assert splits("pietbakker") == [] and splits("klaas_v") == []
    # an ordinary word as a handle is not split into a name ("@gemeentedenhaag" is)
    export = Pseudonymizer(["@opdeweg"])
    assert export.text("Op de weg naar huis, op de weg terug", own=0) == \
        "Op de weg naar huis, op de weg terug"
