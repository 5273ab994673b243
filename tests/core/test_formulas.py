"""Greetings and sign-offs are politeness: they do not make a factual reply an opinion."""

from __future__ import annotations

import pytest

from ambtenaar20.core.analysis.formulas import without_formulas
from ambtenaar20.core.analysis.sentiment import SentimentAnalyser


@pytest.mark.parametrize(("text", "lang"), [
    ("Beste meneer Jansen,\nDe brief is gisteren verstuurd.\nMet vriendelijke groet,\nTeam Webcare",
     "nl"),
    ("Geachte mevrouw De Boer, de aanvraag is ontvangen. Hartelijke groeten, Piet", "nl"),
    ("Hoi Anna, het formulier staat online. Fijne dag!", "nl"),
    ("Dear Mr Smith,\nThe letter was sent yesterday.\nKind regards,\nPiet", "en"),
    ("Hi Anna, the form is online now. Best wishes", "en"),
])
def test_a_factual_reply_with_greetings_is_neutral(text, lang):
    result = SentimentAnalyser().analyse(text, lang)
    assert (result.polarity, result.subjectivity, result.label) == (0.0, 0.0, "neutral")


@pytest.mark.parametrize(("text", "lang"), [
    ("Dit is de beste oplossing.", "nl"),
    ("Wat een vriendelijke medewerker!", "nl"),
    ("This is the best plan.", "en"),
])
def test_the_same_words_in_a_sentence_still_count(text, lang):
    assert without_formulas(text, lang) == text
    assert SentimentAnalyser().analyse(text, lang).label == "positive"


def test_offsets_stay_put():
    text = "Beste Anna, dank u. Met vriendelijke groet"
    blanked = without_formulas(text, "nl")
    assert len(blanked) == len(text) and blanked.split() == ["Anna,", "dank", "u.", "Met",
                                                           "groet"]


def test_a_polite_factual_draft_is_not_called_an_opinion():
    from ambtenaar20.core.drafting.checker import Checker
    from ambtenaar20.core.drafting.pack_library import builtin_packs

    reply = ("Beste meneer Jansen,\n\nDe vergunning is op 3 maart verleend. U krijgt de brief "
             "deze week.\n\nMet vriendelijke groet,\nTeam Vergunningen")
    result = Checker(builtin_packs()["rijksoverheid-standaard"]).check(reply, "nl")
    assert not [f for f in result.findings if f.rule.startswith("tone.")]


@pytest.mark.parametrize("text", [
    "Hartelijk dank voor uw bericht. Wij zoeken het voor u uit.",
    "Het formulier staat online. Prettig weekend!",
    "Het formulier staat online. Prettige dag nog!",
    "Het formulier staat online. Fijn weekend!",
    "@jdevries Beste Jan, dank voor uw bericht. Uw aanvraag is in behandeling.",
    "@jdevries @gemeente Beste Jan, uw aanvraag is in behandeling.",
    "Beste Jan. Uw aanvraag is in behandeling.",
])
def test_more_dutch_formulas_are_politeness(text):
    result = SentimentAnalyser().analyse(text, "nl")
    assert result.subjectivity <= 0.5, without_formulas(text, "nl")


def test_a_sentence_that_starts_with_beste_after_a_handle_still_counts():
    text = "@jdevries Beste manier is langskomen op het stadhuis."
    assert without_formulas(text, "nl") == text
