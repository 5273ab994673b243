"""Tone and readability judge the officer's own wording: not a template's placeholders, not the
words of a marking another rule has already reported, and never an emoticon named as a word."""

from __future__ import annotations

import pytest

from ambtenaar20.core.drafting.templates import builtin_templates
from ambtenaar20.core.drafting.tone import tone_text


def _tone(checker, text, lang):
    return {f.rule: f.message for f in checker.check(text, lang).findings
            if f.rule.startswith("tone.")}


@pytest.mark.parametrize("template", [t for t in builtin_templates()],
                         ids=lambda t: t.id)
def test_an_unfilled_built_in_template_has_no_tone(nl_checker, en_checker, template):
    checker = nl_checker if template.language == "nl" else en_checker
    assert _tone(checker, template.text, template.language) == {}


def test_a_placeholder_left_in_a_filled_template_sets_no_tone(nl_checker):
    text = ("In dit bericht staat iets wat niet klopt: de subsidie stopt. Het juiste is: de "
            "subsidie loopt door tot 2027. Bron: [link naar de bron].")
    assert _tone(nl_checker, text, "nl") == {}
    # The placeholder itself is still reported as not filled in.
    rules = [f.rule for f in nl_checker.check(text, "nl").findings]
    assert rules.count("template.placeholder") == 1


def test_a_markdown_link_s_text_is_still_prose():
    blanked = tone_text("Bron: [link naar de bron].\nLees meer: [de slechte regeling](https://a.nl)",
                        "nl")
    assert "[" not in blanked and "]" not in blanked
    assert "link naar de bron" not in blanked
    assert "de slechte regeling" in blanked


def test_the_named_tone_words_are_never_empty(nl_checker):
    # ":(" counts for the tone, but it is no word to quote: it showed as ''.
    text = "Wat een waardeloze en belachelijke regeling :( Echt slecht."
    message = _tone(nl_checker, text, "nl")["tone.negative"]
    assert "''" not in message
    assert "waardeloze" in message


def test_a_reported_confidentiality_marking_is_not_a_tone_word(nl_checker):
    text = ("Dit is intern en niet voor publicatie: de subsidieregeling wordt per 1 juli "
            "aangepast. Strikt vertrouwelijk tot het persbericht.")
    findings = nl_checker.check(text, "nl").findings
    assert "Strikt vertrouwelijk" in [f.text for f in findings if f.rule == "confidential"]
    assert _tone(nl_checker, text, "nl") == {}


def test_readability_does_not_measure_placeholders(nl_checker):
    text = ("Vanaf 1 mei verandert de regeling voor de parkeervergunning in het centrum. "
            "[Gevolg in één zin, met de hemelwaterafvoerinstallatie en alles wat er voor de "
            "bewoners van de binnenstad verandert.]")
    found = [f for f in nl_checker.check(text, "nl").findings if f.rule == "readability"]
    assert found == []
