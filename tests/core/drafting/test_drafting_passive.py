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
