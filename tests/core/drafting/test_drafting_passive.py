"""Passive voice is pointed out as a hint, in both packs, without flagging look-alike nouns."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "match"), [
    ("De brief wordt morgen verstuurd.", "wordt morgen verstuurd"),
    ("De aanvragen worden door de gemeente beoordeeld.", "worden door de gemeente beoordeeld"),
    ("Er werd besloten om te stoppen.", "werd besloten"),
    ("Het formulier wordt aangevraagd via de site.", "wordt aangevraagd"),
    ("Ik weet niet of de brief al verstuurd wordt.", "verstuurd wordt"),
    ("De subsidie werd vorig jaar toegekend.", "werd vorig jaar toegekend"),
    ("Dat wordt morgen gedaan.", "wordt morgen gedaan"),
])
def test_dutch_passive_is_a_hint(found_nl, nl_checker, text, match):
    assert found_nl(text, "nl").get("passive") == [match]
    finding = next(f for f in nl_checker.check(text, "nl").findings if f.rule == "passive")
    assert finding.severity == "info"
    assert "lijdende vorm" in finding.message


@pytest.mark.parametrize("text", [
    "We sturen u de brief morgen.",
    "De gemeente beoordeelt de aanvragen.",
    "Het wordt tijd voor de gemeenten.",  # a noun that looks like a participle
    "De gevolgen worden groter.",
    "Het wordt een mooie dag.",
    "Hij wordt ambtenaar bij de gemeente.",
    "Ik heb het formulier verstuurd.",  # perfect tense, active
    "Het worden er steeds meer.",
])
def test_active_dutch_is_left_alone(found_nl, text):
    assert "passive" not in found_nl(text, "nl")


@pytest.mark.parametrize(("text", "match"), [
    ("The letter will be sent tomorrow.", "be sent"),
    ("Applications are assessed by the council.", "are assessed"),
    ("This is not allowed.", "is not allowed"),
    ("The form has been updated.", "been updated"),
    ("It is being reviewed.", "is being reviewed"),
])
def test_english_passive_is_a_hint(found_en, text, match):
    assert found_en(text, "en").get("passive") == [match]


@pytest.mark.parametrize("text", [
    "We will send the letter tomorrow.",
    "It is indeed true.",
    "We need more time.",
    "There were a hundred people.",
    "I am happy to help.",
])
def test_active_english_is_left_alone(found_en, text):
    assert "passive" not in found_en(text, "en")


@pytest.mark.parametrize("text", [
    "Het beleid wordt strenger. Twee jaar geleden werd ik ambtenaar.",
    "Het gebied wordt groter.",
    "Het verbod wordt strenger.",
    "De gemeenteraad werd boos.",
    "De regelingen worden strenger.",
    "Het wordt bewolkt.",
    "Dit wordt een belangrijk jaar voor de gemeenteraad.",
    "Wat wordt het volgende besluit?",
    "Het wordt tijd om te beginnen.",  # an infinitive after "te", not a participle
    "Het worden spannende verkiezingen.",
])
def test_dutch_copula_worden_and_look_alikes_are_active(found_nl, text):
    assert "passive" not in found_nl(text, "nl")


@pytest.mark.parametrize(("text", "match"), [
    # The span is the passive itself, not the noun before the worden-form.
    ("Het besluit wordt op 1 juli bekendgemaakt.", "wordt op 1 juli bekendgemaakt"),
    ("Uw bericht wordt doorgestuurd.", "wordt doorgestuurd"),
    # Webcare passives: strong participles in -en, onder-, separable prefixes.
    ("Uw melding wordt bekeken.", "wordt bekeken"),
    ("De storing wordt zo snel mogelijk verholpen.", "wordt zo snel mogelijk verholpen"),
    ("Het probleem wordt onderzocht.", "wordt onderzocht"),
    ("Uw vraag wordt besproken.", "wordt besproken"),
    ("U wordt doorverwezen naar de balie.", "wordt doorverwezen"),
    ("Het bedrag wordt terugbetaald.", "wordt terugbetaald"),
    ("De toeslag wordt uitbetaald.", "wordt uitbetaald"),
    ("Het bezwaar werd verworpen.", "werd verworpen"),
    ("We zorgen dat de kosten vergoed worden.", "vergoed worden"),
    ("De brieven die verstuurd worden, liggen klaar.", "verstuurd worden"),
])
def test_dutch_passive_spans_and_webcare_participles(found_nl, text, match):
    assert found_nl(text, "nl").get("passive") == [match]


def test_dutch_webcare_passives_in_one_reply(found_nl):
    text = ("Uw melding wordt bekeken. De storing wordt zo snel mogelijk verholpen. "
            "Het probleem wordt onderzocht.")
    assert found_nl(text, "nl").get("passive") == [
        "wordt bekeken", "wordt zo snel mogelijk verholpen", "wordt onderzocht"]


@pytest.mark.parametrize("text", [
    "My name is Ahmed. We are pleased to help and are committed to a quick answer.",
    "This is Fred.",
    "We are tired.",
    "I am excited about it.",
    "Are you interested?",
    "We are based in Utrecht.",
    "The office is closed on Monday.",
])
def test_english_names_and_adjectival_participles_are_not_passive(found_en, text):
    assert "passive" not in found_en(text, "en")


def test_english_passive_still_found_next_to_a_name(found_en):
    assert found_en("This is Fred. Your request was approved.", "en").get("passive") == [
        "was approved"]
