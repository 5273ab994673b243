"""Webcare empathy and apologies, and the noun "link", are not a negative tone or an opinion;
an opinion about a policy still is."""

from __future__ import annotations

import pytest

from ambtenaar20.core.drafting.tone import tone_text


def _tone(checker, text, lang):
    return sorted({f.rule for f in checker.check(text, lang).findings
                   if f.rule.startswith("tone.")})


@pytest.mark.parametrize("text", [
    "Wat vervelend voor u! Dat is inderdaad lastig. We begrijpen uw frustratie.",
    "Wat vervelend voor u dat uw container deze week niet is geleegd. Wij komen morgen langs.",
    "Vervelend voor u dat het zo lang duurt. We kijken ernaar.",
    "Dit is natuurlijk heel vervelend voor u. We kijken ernaar.",
    "Oh nee, wat vervelend! We kijken ernaar.",
    "Ik begrijp je zorgen. We nemen contact op.",
])
def test_dutch_empathy_is_not_negative(nl_checker, text):
    assert _tone(nl_checker, text, "nl") == []


@pytest.mark.parametrize("text", [
    "Ik vind die regels echt rot en vervelend.",
    "Dat is een lastig en vervelend besluit van de minister.",
])
def test_dutch_opinion_about_a_policy_still_counts(nl_checker, text):
    assert tone_text(text, "nl") == text
    assert "tone.negative" in _tone(nl_checker, text, "nl")


@pytest.mark.parametrize("text", [
    "Sorry to hear that. Please DM us your case number.",
    "We are sorry for the inconvenience.",
    "Sorry, our mistake.",
    "Hi Jane, we are really sorry about the delay with your permit. That is frustrating, we "
    "understand. Our team will call you on Monday. Kind regards, Tom",
    "We understand this is frustrating. We will call you.",
    "That's annoying! We will look into it.",
    "Our apologies, we will fix it.",
])
def test_english_apologies_and_empathy_are_not_negative(en_checker, text):
    assert _tone(en_checker, text, "en") == []


def test_english_opinion_about_a_policy_still_counts(en_checker):
    text = "The new rules are annoying and stupid."
    assert tone_text(text, "en") == text
    assert "tone.negative" in _tone(en_checker, text, "en")


@pytest.mark.parametrize("text", [
    "Bedankt voor uw vraag. Via deze link kunt u een afspraak maken: https://www.utrecht.nl/a",
    "Klik op de link om een afspraak te maken.",
])
def test_the_noun_link_is_not_an_opinion(nl_checker, text):
    assert "link" not in tone_text(text, "nl").split()
    assert _tone(nl_checker, text, "nl") == []


def test_the_adjective_link_still_counts():
    assert "link" in tone_text("Dat is link, pas op.", "nl")
