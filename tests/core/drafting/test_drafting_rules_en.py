"""The English counterpart pack: the same rule ids, English words and dictionaries."""

from __future__ import annotations

import pytest

from ambtenaar20.core.drafting.rule_context import CheckOptions

NEUTRAL = "The council opens a new office on Monday. You can ask questions about your passport."


def test_plain_english_post_has_no_findings(found_en):
    assert found_en(NEUTRAL, "en") == {}


def test_personal_data_in_english_text(found_en):
    found = found_en("Call me on +31 6 12345678 or mail jane.doe@example.com, BSN 111222333.",
                     "en")
    assert found["pii.phone"] == ["+31 6 12345678"]
    assert found["pii.email"] == ["jane.doe@example.com"]
    assert found["pii.bsn"] == ["111222333"]
    assert not [r for r in found_en("Reference 123456789 on 12-03-2024 costs 1,250 euro.",
                                    "en") if r.startswith("pii.")]


def test_english_jargon_and_confidential(en_checker):
    result = en_checker.check("Prior to the meeting we will utilise the confidential report. "
                              "It is marked NATO SECRET.", "en")
    pairs = {(f.rule, f.text): f.suggestions for f in result.findings}
    assert pairs[("jargon", "Prior to")] == ("Before",)
    assert pairs[("jargon", "utilise")] == ("use",)
    # The word alone is ordinary English too: a hint; a marking is an error.
    assert ("confidential.word", "confidential") in pairs
    assert ("confidential", "NATO SECRET") in pairs


def test_english_spelling(found_en):
    assert found_en("The goverment will publsh the report.", "en")["spelling"] == [
        "goverment", "publsh"]


def test_english_tone_and_restraint(found_en):
    found = found_en("I think the cabinet should resign, this terrible policy is ridiculous.",
                     "en")
    assert "tone.negative" in found
    assert "I think" in found["restraint"]


@pytest.mark.parametrize(("text", "rule"), [
    ("Read more #digitalaccessibility", "hashtag.case"),
    ("STOP THIS NOW PLEASE friends", "caps"),
    ("Read https://tinyurl.com/abc", "link.shortener"),
    ("Unemployment rose by 12 per cent this year.", "link.source"),
])
def test_english_form_rules(found_en, text, rule):
    assert rule in found_en(text, "en")


def test_english_camel_case_hashtag_passes(found_en):
    assert "hashtag.case" not in found_en("Read more #DigitalAccessibility", "en")


def test_english_readability_uses_flesch(en_checker):
    result = en_checker.check(NEUTRAL, "en", CheckOptions())
    assert result.metrics.readability is not None and result.metrics.readability > 60
    assert result.language == "en"


def test_british_spelling_is_not_a_mistake(found_en):
    text = ("The organisation will utilise the programme to analyse the centre's colour, "
            "behaviour and licence; we travelled, apologise and endeavour to recognise it. "
            "The goverment will publsh the report.")
    assert found_en(text, "en").get("spelling") == ["goverment", "publsh"]
