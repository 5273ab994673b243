"""Wording that marks information as internal or not yet public, in Dutch and English: certain
markings are errors, wording that is often innocent a warning, a bare word a hint."""

from __future__ import annotations

import pytest


def _confidential(found, text, lang):
    return {rule: texts for rule, texts in found(text, lang).items()
            if rule.startswith("confidential")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Uitsluitend voor intern gebruik: de nieuwe tarieven.",
     {"confidential": ["Uitsluitend voor intern gebruik"]}),
    ("Dit is alleen voor intern gebruik.", {"confidential": ["alleen voor intern gebruik"]}),
    ("Dit is strikt intern.", {"confidential": ["strikt intern"]}),
    ("Zie de interne notitie van het college.", {"confidential.internal": ["interne notitie"]}),
    ("Dit is nog niet openbaar, maar de regeling stopt.",
     {"confidential.internal": ["nog niet openbaar"]}),
    ("Het dossiernummer is Z/2026/004512, dit is intern.",
     {"confidential.internal": ["dit is intern"]}),
    ("Deze cijfers zijn voor intern gebruik.", {"confidential.internal": ["voor intern gebruik"]}),
    ("Het embargo op wapens blijft.", {"confidential.word": ["embargo"]}),
    ("Dit persbericht staat onder embargo tot maandag.", {"confidential": ["onder embargo"]}),
])
def test_dutch_internal_wording(found_nl, text, expected):
    assert _confidential(found_nl, text, "nl") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("For internal use only: the new rates.", {"confidential": ["For internal use only"]}),
    ("This is only for internal use.", {"confidential": ["only for internal use"]}),
    ("See the internal memo of the board.", {"confidential.internal": ["internal memo"]}),
    ("This is not yet public, but the scheme ends.",
     {"confidential.internal": ["not yet public"]}),
    ("It's still internal.", {"confidential.internal": ["It's still internal"]}),
    ("The arms embargo continues.", {"confidential.word": ["embargo"]}),
])
def test_english_internal_wording(found_en, text, expected):
    assert _confidential(found_en, text, "en") == expected


@pytest.mark.parametrize("text", [
    "De internationale afspraken zijn openbaar en staan op onze website.",
    "De vergadering van de gemeenteraad is openbaar, u bent welkom.",
    "Wij hebben intern navraag gedaan en bellen u morgen terug.",
    "Het Internet is voor iedereen: kijk op www.zwolle.nl/intern-begeleiding.",
    "Het zwembad is nog niet openbaar toegankelijk.",  # a building, no secret
    "Dit pad is niet openbaar toegankelijk; het terrein is niet openbaar gebied.",
])
def test_ordinary_sentences_are_no_confidentiality_finding(found_nl, text):
    assert _confidential(found_nl, text, "nl") == {}


@pytest.mark.parametrize("text", [
    "The council meeting is public, everyone is welcome.",
    "We checked internally and will call you tomorrow.",
    "Our international partners publish the figures.",
    "The new pool is not yet open, and the path is not public land.",
])
def test_ordinary_english_sentences_are_no_confidentiality_finding(found_en, text):
    assert _confidential(found_en, text, "en") == {}
