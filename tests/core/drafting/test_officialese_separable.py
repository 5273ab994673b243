"""Officialese (the jargon rule): the "mede" of a split "mededelen" is not "ook", and the common
letter phrases have plain alternatives."""

from __future__ import annotations

import pytest

from ambtenaar20.core.drafting.pack_library import builtin_packs
from ambtenaar20.core.drafting.packs import PackError, parse_pack


def _jargon(checker, text):
    return [(f.text, f.suggestions, f.severity, f.message) for f in
            checker.check(text, "nl").findings if f.rule == "jargon"]


@pytest.mark.parametrize("text", [
    "Hierbij delen wij u mede dat uw aanvraag is toegekend.",
    "Ik deel u mede dat de vergunning klaar is.",
    "De gemeente deelde hem gisteren mede dat het niet doorgaat.",
])
def test_mede_of_a_split_mededelen_is_not_ook(nl_checker, text):
    [(matched, suggestions, severity, message)] = _jargon(nl_checker, text)
    assert matched == "mede"
    # Replacing the particle alone ("delen wij u ook") would break the sentence: named only.
    assert suggestions == ()
    assert "'laten weten'" in message and "mededelen" in message and "'ook'" not in message
    assert severity == "warning"


def test_mede_on_its_own_still_suggests_ook(nl_checker):
    [(matched, suggestions, severity, _message)] = _jargon(
        nl_checker, "Dit besluit is mede namens de wethouder genomen. Wij delen de kosten.")
    assert (matched, suggestions, severity) == ("mede", ("ook",), "info")


@pytest.mark.parametrize(("text", "word", "alternatives"), [
    ("Naar aanleiding van uw vraag bellen wij u.", "Naar aanleiding van", ("Na", "Door", "Over")),
    ("Dank voor uw schrijven over de subsidie.", "uw schrijven", ("uw brief", "uw bericht")),
    ("Wij besluiten met inachtneming van de regels.", "met inachtneming van",
     ("rekening houdend met", "met")),
    ("Onverminderd de regels kunt u een aanvraag doen.", "Onverminderd", ("Toch", "Ondanks")),
    ("Wij willen u mededelen dat het klaar is.", "mededelen", ("laten weten", "vertellen")),
])
def test_more_letter_phrases_have_plain_alternatives(nl_checker, text, word, alternatives):
    assert (word, alternatives) in [(m, s) for m, s, _sev, _msg in _jargon(nl_checker, text)]


def test_the_english_wording_of_the_split_verb_message(nl_checker):
    from ambtenaar20.core.drafting.checker import Checker

    packs = builtin_packs()
    english = Checker(packs["rijksoverheid-standaard"], wording="en",
                      counterpart=packs["rijksoverheid-standard-en"])
    [finding] = [f for f in english.check("Wij delen u mede dat het klaar is.", "nl").findings
                 if f.rule == "jargon"]
    assert finding.message.startswith("'mede' belongs to 'mededelen' here")


def test_a_bad_separable_entry_is_a_pack_error():
    source = ('[pack]\nid = "qa"\nname = "QA"\nversion = "1"\n'
              'extends = "rijksoverheid-standaard"\n\n'
              '[overrides.jargon]\nadd_separable = { "op" = ["opbellen"], "af" = ["x", "(bad"] }\n')
    with pytest.raises(PackError) as caught:
        parse_pack(source, "qa.toml", builtin_packs().get)
    messages = [p.message for p in caught.value.problems]
    assert len(messages) == 2 and all(p.line == 8 for p in caught.value.problems)
