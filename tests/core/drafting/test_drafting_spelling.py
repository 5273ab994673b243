"""Spelling: real typos from comments under government posts are caught, ordinary Dutch is not."""

from __future__ import annotations

import pytest

from ambtenaar20.core.drafting.spelling import WordList

# Ordinary Dutch government text, in the style of rijksoverheid.nl pages.
GOVERNMENT_TEXT = (
    "Huurt u een woning en heeft u een laag inkomen? Dan kunt u misschien huurtoeslag krijgen. "
    "Dit is een bijdrage in de kosten van uw huur. De Belastingdienst/Toeslagen beoordeelt of u "
    "recht heeft op huurtoeslag. Hoeveel huurtoeslag u krijgt, hangt af van uw inkomen, uw "
    "vermogen, de hoogte van de huur en de samenstelling van uw huishouden. Vanaf 1 januari "
    "gelden nieuwe bedragen. Gaat u verhuizen of verandert uw inkomen? Geef dat dan direct door, "
    "zo voorkomt u dat u later moet terugbetalen. Door de klimaatverandering wordt het weer "
    "extremer. Waterschappen versterken daarom de dijken. Vervang tegels in de tuin door "
    "planten, zodat regenwater beter in de bodem zakt. Het wetsvoorstel over betaalbare "
    "huurwoningen ligt nu bij de Tweede Kamer; de woningcorporaties bouwen extra sociale "
    "huurwoningen."
)


@pytest.mark.parametrize(("typo", "fix"), [
    ("termijjn", "termijn"),
    ("willekeuriig", "willekeurig"),
    ("menseliijks", None),
])
def test_typos_from_real_comments_are_caught(nl_checker, typo, fix):
    text = f"Ik vind de {typo} van de gemeente niet goed."
    spelling = [f for f in nl_checker.check(text, "nl").findings if f.rule == "spelling"]
    assert [f.text for f in spelling] == [typo]
    if fix:
        assert fix in spelling[0].suggestions


def test_ordinary_dutch_is_not_flagged(nl_checker):
    spelling = [f.text for f in nl_checker.check(GOVERNMENT_TEXT, "nl").findings
                if f.rule == "spelling"]
    assert spelling == []


def test_names_and_abbreviations_are_left_alone(nl_checker):
    text = "Vandaag sprak staatssecretaris Van Huffelen met de VNG over Wmo-zorg in Zoetermeer."
    assert not [f for f in nl_checker.check(text, "nl").findings if f.rule == "spelling"]


def test_own_word_list_accepts_a_word(nl_checker, tmp_path):
    from ambtenaar20.core.drafting.rule_context import CheckOptions

    words = WordList(tmp_path / "wordlist.txt")
    text = "De stikstofkaartjes komen later."
    assert "stikstofkaartjes" not in {f.text for f in nl_checker.check(text, "nl").findings} or \
        True  # compounds may already be known; the list must work either way
    words.add("Blorpwerk")
    assert words.words() == frozenset({"blorpwerk"})
    text = "Het blorpwerk is klaar."
    before = [f.text for f in nl_checker.check(text, "nl").findings if f.rule == "spelling"]
    after = [f.text for f in nl_checker.check(text, "nl", CheckOptions(
        own_words=words.words())).findings if f.rule == "spelling"]
    assert before == ["blorpwerk"] and after == []
    words.remove("blorpwerk")
    assert words.words() == frozenset()


def test_stress_accents_are_not_spelling_mistakes(nl_checker):
    text = "Eén ding is zeker: vóór de zomer komt er één nieuwe regeling, dát beloven we."
    assert not [f.text for f in nl_checker.check(text, "nl").findings if f.rule == "spelling"]


def test_english_contractions_are_words(en_checker):
    text = ("We didn't receive it and it wasn't sent. We couldn’t reach you, so we haven't "
            "closed it. It doesn't matter, you shouldn't worry; they aren't open and weren't "
            "told. Isn't it? We can't, we won't, we're here, we've seen it, we'll call, "
            "they'd know, I'm sure, it's fine.")
    result = en_checker.check(text, "en")
    assert [f.text for f in result.findings if f.rule == "spelling"] == []


def test_a_fix_never_breaks_a_contraction(en_checker):
    result = en_checker.check("We shoudn't wait and dind't call.", "en")
    fixes = {f.text: f.suggestions for f in result.findings if f.rule == "spelling"}
    assert "should" in fixes["shoud"]  # only the stem is replaced: "shouldn't"
    assert fixes["dind't"] == ("didn't",)


def test_old_genitive_after_s_is_dutch(nl_checker):
    text = ("Wij zijn op donderdag ook 's avonds open, 's ochtends vanaf 8 uur, 's nachts "
            "niet. ’s Winters en 's zomers anders. Ons kantoor in 's-Hertogenbosch en "
            "'s-Gravenhage.")
    result = nl_checker.check(text, "nl")
    assert [f.text for f in result.findings if f.rule == "spelling"] == []
    typo = nl_checker.check("Wij zijn 's avnds open.", "nl")
    assert [f.text for f in typo.findings if f.rule == "spelling"] == ["avnds"]


def test_words_of_a_hidden_email_address_are_skipped(nl_checker):
    text = "Mail me op piet.jansen [at] hotmail [dot] com of bel ons."
    found = {f.rule: f.text for f in nl_checker.check(text, "nl").findings}
    assert "spelling" not in found
    assert found["pii.email"] == "piet.jansen [at] hotmail [dot] com"


@pytest.mark.parametrize("name", ["WhatsApp", "LinkedIn", "YouTube", "iPhone", "DigiD"])
def test_names_with_an_inner_capital_are_names(nl_checker, name):
    result = nl_checker.check(f"{name} ons gerust. Of gebruik {name} later.", "nl")
    assert [f.text for f in result.findings if f.rule == "spelling"] == []
