"""A finding is worded in the officer's language, while the rules are those of the text's.

An officer reading the app in English who replies to a Dutch item has the Dutch rules check the
Dutch text and reads every finding in English; the other way round as well. A rule without
words in the officer's language is worded wholly in its pack's language, never half.
"""

from __future__ import annotations

import pytest

from ambtenaar20.core import i18n
from ambtenaar20.core.analysis.sentiment import SentimentAnalyser
from ambtenaar20.core.drafting.pack_library import builtin_packs
from ambtenaar20.core.drafting.packs import PackError, parse_pack
from ambtenaar20.core.drafting.service import DraftingService
from ambtenaar20.core.drafting.wording import word_rule

NL, EN = "rijksoverheid-standaard", "rijksoverheid-standard-en"
DUTCH = ("Wij zullen dit derhalve oppakken, bijv. in een meeting. Heeft u vragen? Bel je ons "
         "gerust.")
ENGLISH = "We will utilise the funds in order to help. This is TERRIBLE!!!"


@pytest.fixture
def service(tmp_path) -> DraftingService:
    return DraftingService(tmp_path, tmp_path / "packs", SentimentAnalyser)


def by_rule(result) -> dict:
    """Rule id -> its first finding."""
    found: dict = {}
    for finding in result.findings:
        found.setdefault(finding.rule, finding)
    return found


def test_english_interface_reads_dutch_rules_in_english(service):
    i18n.set_language("en")  # conftest sets Dutch back afterwards
    result = service.check(DUTCH, language="nl")
    found = by_rule(result)
    assert result.language == "nl" and result.pack_id == NL
    # Dutch rules found Dutch things, including rules only the Dutch pack has...
    assert {"jargon", "loanword", "abbreviation", "consistency.address-form"} <= set(found)
    assert found["jargon"].suggestions == ("daarom", "dus")
    # ...and every word of every finding and question is English.
    assert found["jargon"].message == "'derhalve' is officialese. Plainer: 'daarom', 'dus'."
    assert found["loanword"].message == "'meeting' is English. A common Dutch word: 'overleg'."
    assert found["abbreviation"].why.startswith("Abbreviations of ordinary words")
    assert "Choose one form and adjust the sentence" in found["consistency.address-form"].message
    assert {finding.language for finding in result.findings} == {"en"}
    assert {question.language for question in result.checklist} == {"en"}
    assert "Have you checked the facts and figures?" in [q.question for q in result.checklist]


def test_dutch_interface_reads_english_rules_in_dutch(service):
    result = service.check(ENGLISH, language="en")
    found = by_rule(result)
    assert result.language == "en" and result.pack_id == EN
    assert found["jargon"].text == "utilise" and found["jargon"].suggestions == ("use",)
    assert found["jargon"].message == "'utilise' is ambtelijke taal. Schrijf liever: 'use'."
    assert "hooguit één uitroepteken" in by_rule(service.check("Help!!!", language="en"))[
        "caps"].message
    # A number in a Dutch message has a decimal comma, also for an English text.
    assert "score -1,00" in found["tone.negative"].message
    assert {finding.language for finding in result.findings} == {"nl"}
    assert "Hebt u de feiten en cijfers gecontroleerd?" in [q.question for q in result.checklist]


def test_the_wording_can_be_asked_for_whatever_the_interface(service):
    found = by_rule(service.check(DUTCH, language="nl", wording="en"))
    assert found["jargon"].message.startswith("'derhalve' is officialese")
    found = by_rule(service.check(DUTCH, language="nl"))
    assert found["jargon"].message.startswith("'derhalve' is ambtelijke taal")
    assert found["jargon"].language == "nl"


@pytest.mark.parametrize(("own", "other"), [(NL, "en"), (EN, "nl")])
def test_every_built_in_rule_has_words_in_the_other_language(own, other):
    packs = builtin_packs()
    counterpart = next(pack for pack in packs.values() if pack.language == other)
    untranslated = [rule.id for rule in packs[own].rules
                    if word_rule(rule, packs[own].language, other, counterpart)[1] != other]
    assert untranslated == []


def test_a_context_dependent_word_keeps_its_own_kind_of_message(service):
    # The Dutch rule's "context_message" has English words in the pack itself.
    found = by_rule(service.check("Wij dienen dit te regelen.", language="nl", wording="en"))
    assert found["jargon"].message.startswith("'dienen' may be officialese")


ORG = """
[pack]
id = "gemeente-test"
name = "Gemeente"
version = "1"
extends = "rijksoverheid-standaard"

[[rules]]
id = "gemeente.zaak"
kind = "words"
severity = "warning"
message = "'{match}' is een intern zaaknummer."
why = "Zaaknummers zijn intern."
patterns = ['Z-\\d{4}']
"""


def test_a_rule_without_words_in_the_interface_language_is_wholly_in_its_own(service, tmp_path):
    source = tmp_path / "gemeente-test.toml"
    source.write_text(ORG, encoding="utf-8")
    service.library.install(source)
    result = service.check("Uw zaak Z-1234 loopt nog, zie de meeting.", language="nl",
                           wording="en")
    found = by_rule(result)
    own = found["gemeente.zaak"]
    assert (own.message, own.why, own.language) == (
        "'Z-1234' is een intern zaaknummer.", "Zaaknummers zijn intern.", "nl")
    # The rules it builds on have English words, and use them.
    assert found["loanword"].language == "en"
    assert {question.language for question in result.checklist} == {"en"}


def test_a_pack_can_give_its_rule_words_in_the_other_language(service, tmp_path):
    source = tmp_path / "gemeente-test.toml"
    source.write_text(ORG + """
[rules.translations.en]
message = "'{match}' is an internal case number."

[overrides.loanword.translations.en]
message = "Own words: '{match}'."
""", encoding="utf-8")
    service.library.install(source)
    found = by_rule(service.check("Uw zaak Z-1234 loopt nog, zie de meeting.", language="nl",
                                  wording="en"))
    own = found["gemeente.zaak"]
    # No English "why": left out rather than shown in Dutch beside an English message.
    assert (own.message, own.why, own.language) == (
        "'Z-1234' is an internal case number.", None, "en")
    assert found["loanword"].message == "Own words: 'meeting'."
    assert found["loanword"].why.startswith("Use a Dutch word")  # the built-in's, kept


@pytest.mark.parametrize(("addition", "where", "says"), [
    ("[rules.translations.de]\nmessage = 'x'\n", 16, "unknown name 'de'"),
    ("[rules.translations.en]\nwords = ['x']\n", 17, "unknown name 'words'"),
    ("[rules.translations.en]\nmessage = 3\n", 17, "must be text"),
])
def test_pack_validation_reports_bad_translations(addition, where, says):
    i18n.set_language("en")
    with pytest.raises(PackError) as raised:
        parse_pack(ORG + "\n" + addition, "org.toml", builtin_packs().get)
    problem = raised.value.problems[0]
    assert problem.line == where and says in problem.message
