"""A short reply is checked in its own language, not in the pack's, when its language is clear."""

from __future__ import annotations

import pytest

from ambtenaar20.core.drafting.text_language import draft_language


@pytest.mark.parametrize(("text", "expected"), [
    # Too few function words for detect_language: the word frequencies decide.
    ("Good point. See our website.", "en"),
    ("Yes, it is.", "en"),
    ("Sorry, fixed now.", "en"),
    ("Great, see you Monday", "en"),
    ("Correction: deadline is 1 March", "en"),
    # Names of places and organisations are no evidence: they are Dutch in English replies too.
    ("Great work, Politie Utrecht!", "en"),
    ("Good luck, Gemeente Utrecht team!", "en"),
    ("Goed punt. Kijk op onze website.", "nl"),
    ("Tot maandag!", "nl"),
    ("Klopt. Zie rijksoverheid.nl", "nl"),
    # Long enough for function words.
    ("Thanks for your question! We will look into it.", "en"),
    ("Dank je wel, we kijken ernaar.", "nl"),
    # "Hi" is no evidence (Dutch officers write it too); "bedankt" is Dutch.
    ("Hi Anna, bedankt", "nl"),
])
def test_a_clear_language_is_named_whatever_the_fallback(text, expected):
    assert draft_language(text, "nl") == expected
    assert draft_language(text, "en") == expected


@pytest.mark.parametrize("text", [
    "Anna",  # a name
    "OK",  # Dutch officers write it too: one word never decides
    "Top!",
    "Super",
    "Sorry!",
    "Nice!",
    "Hi Anna!",
    "John",  # a name that is in the English word list
    "Mike!",
    "Yes!",  # common in Dutch too: too little evidence alone
    "@anna https://www.rijksoverheid.nl/onderwerpen #zorg",  # no words of either language
    "",
])
def test_too_little_evidence_keeps_the_fallback(text):
    assert draft_language(text, "nl") == "nl"
    assert draft_language(text, "en") == "en"


def test_a_short_english_reply_is_not_spell_checked_as_dutch(nl_checker):
    result = nl_checker.check("Good point. See our website.")
    assert result.language == "en"
    assert [f.text for f in result.findings if f.rule == "spelling"] == []


def test_the_pack_for_a_short_english_reply_is_the_english_pack(tmp_path):
    from ambtenaar20.core.analysis.sentiment import SentimentAnalyser
    from ambtenaar20.core.drafting.service import DraftingService

    service = DraftingService(tmp_path, tmp_path / "packs", SentimentAnalyser, lambda: None)
    assert service.pack_for("Good point. See our website.", None).language == "en"
    assert service.pack_for("Goed punt. Kijk op onze website.", None).language == "nl"


@pytest.mark.parametrize(("text", "expected"), [
    # One word or a few: a word that the other language lacks decides on its own.
    ("Thanks!", "en"),
    ("Agreed.", "en"),
    ("Noted, thanks.", "en"),
    ("Fixed.", "en"),
    ("OK, thanks", "en"),
    ("Bedankt!", "nl"),
    ("Akkoord.", "nl"),
    ("Top, bedankt", "nl"),
    ("Gefeliciteerd!", "nl"),
])
def test_a_draft_of_one_clear_word_is_in_that_words_language(text, expected):
    assert draft_language(text, "nl") == expected
    assert draft_language(text, "en") == expected


def test_a_one_word_english_reply_is_checked_as_english(nl_checker):
    result = nl_checker.check("Thanks!")
    assert result.language == "en"
    assert [f for f in result.findings if f.rule == "spelling"] == []
    assert nl_checker.check("OK").language == "nl"


@pytest.mark.parametrize(("text", "expected"), [
    # A house-number letter is no English article "a": with "is", which both languages have,
    # it made these sentences English.
    ("Mijn adres is Eikenlaan 4a.", "nl"),
    ("Mijn adres is Eikenlaan 4 A.", "nl"),
    ("Mijn adres is Kerkstraat 1 a.", "nl"),
    ("Flat 3 a is leeg.", "nl"),
    ("Het loket is a.s. maandag dicht.", "nl"),
    ("Uw adres is Lindelaan 7 C.", "nl"),
    ("Wij zijn er morgen.", "nl"),
    ("Het klopt.", "nl"),
    ("Uw melding is in behandeling.", "nl"),
    ("It is closed.", "en"),
    ("My address is Elm Street 4a.", "en"),
    ("Thanks!", "en"),
])
def test_a_house_number_letter_does_not_decide_the_language(text, expected):
    assert draft_language(text, "nl") == expected
    assert draft_language(text, "en") == expected


def test_a_short_dutch_address_is_checked_as_dutch(en_checker):
    # The English pack's fallback is English: the text's own words must say it is Dutch.
    result = en_checker.check("Mijn adres is Eikenlaan 4a.")
    assert result.language == "nl"
    assert [f.text for f in result.findings if f.rule == "spelling"] == []
