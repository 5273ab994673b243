"""Personal data in drafts (analysis/pii.py): what officers paste, and look-alikes.

The texts are the reproductions from the QA pass of the drafting checker.
"""

from __future__ import annotations

import pytest

from ambtenaar20.core.analysis.pii import find_personal_data


def pii(found: dict[str, list[str]]) -> dict[str, list[str]]:
    return {rule: texts for rule, texts in found.items() if rule.startswith("pii.")}


@pytest.mark.parametrize("text", [
    "Uw BSN 123\u00a0456\u00a0782",   # non-breaking spaces, pasted from Word
    "Uw BSN 123\u202f456\u202f782",   # narrow non-breaking spaces
    "Uw BSN 123-456-782",
    "Uw BSN 1234 56 782",
    "Uw BSN 12 34 56 782",
])
def test_bsn_with_other_separators_is_found_at_its_place(found_nl, text):
    assert pii(found_nl(text, "nl")) == {"pii.bsn": [text[7:]]}
    [match] = find_personal_data(text, ["bsn"])
    assert (match.start, match.end, match.text) == (7, len(text), text[7:])


@pytest.mark.parametrize("iban", [
    "nl91abna0417164300",
    "NL91 abna 0417 1643 00",
    "NL 91 ABNA 0417 1643 00",
    "NL91-ABNA-0417-1643-00",
    "BE68539007547034",           # valid mod-97; python-stdnum's Belgian bank check rejects it
])
def test_iban_in_any_case_and_grouping_is_found(found_nl, iban):
    assert pii(found_nl(f"Betaal op {iban} graag.", "nl")) == {"pii.iban": [iban]}


def test_iban_failing_mod_97_is_not_found(found_nl):
    assert pii(found_nl("Betaal op nl91abna0417164301 graag.", "nl")) == {}


def test_two_ibans_in_a_row_are_both_found():
    text = "Op NL91ABNA0417164300 en BE68539007547034."
    assert [m.text for m in find_personal_data(text)] == ["NL91ABNA0417164300",
                                                           "BE68539007547034"]


@pytest.mark.parametrize("text", ["@redactie@mastodon.nl Dank voor uw vraag.",
                                  "Volg @minbzk@social.overheid.nl"])
def test_fediverse_handle_is_not_an_email_address(found_nl, text):
    assert pii(found_nl(text, "nl")) == {}


def test_email_address_is_still_found(found_nl):
    assert pii(found_nl("Mail redactie@mastodon.nl voor vragen.", "nl")) == {
        "pii.email": ["redactie@mastodon.nl"]}


@pytest.mark.parametrize("text", [
    "In Amsterdam 3 nieuwe scholen",
    "in Rotterdam 5 nieuwe sporthallen",
    "Vergadering 14 mei",
    "Invoering 2027",
    "Regering 2024",
    "Arbeidsmarkt 2025: meer banen",
    "Windpark 12 turbines",
    "Fietspad 3 km afgesloten",
    "Zaandam 12 nieuwe woningen",
    "In Amsterdam 3, Rotterdam 5 en Utrecht 2.",
    "In Amsterdam 3 nieuwe scholen en in Rotterdam 5 nieuwe sporthallen. De Vergadering 14 mei "
    "gaat over de Invoering 2027 van de nieuwe wet.",
])
def test_ordinary_sentences_are_not_addresses(found_nl, text):
    assert pii(found_nl(text, "nl")) == {}


@pytest.mark.parametrize(("text", "address"), [
    ("Wij komen langs op Kerkstraat 12.", "Kerkstraat 12"),
    ("Wij komen langs op Kerkstraat 12, 1234 AB Amsterdam om te kijken.",
     "Kerkstraat 12, 1234 AB Amsterdam"),
    ("Het kantoor aan de Laan van Meerdervoort 12 is dicht.", "Laan van Meerdervoort 12"),
    ("Kom naar Van Nelleweg 1 in Rotterdam.", "Van Nelleweg 1"),
    ("Het ministerie zit op Korte Voorhout 7.", "Korte Voorhout 7"),
    ("Hij woont op de Dorpsstraat 12 in Ede.", "Dorpsstraat 12"),
    ("Ons adres: Oudegracht 12a, Utrecht.", "Oudegracht 12a"),
    ("Het adres is 1234 AB 56 toch.", "1234 AB 56"),
])
def test_street_addresses_are_found(found_nl, text, address):
    assert pii(found_nl(text, "nl")) == {"pii.address": [address]}


@pytest.mark.parametrize("text", [
    "Het kabinet trekt € 123.456.782 uit voor betere fietspaden.",
    "Het kabinet trekt 123.456.782 euro uit.",
    "Het kabinet trekt EUR 123456782 uit.",
    "Lees https://www.example.nl/doc/123456782 voor meer.",
    "Zie https://www.overheid.nl/contact/0201234567 voor contact.",
])
def test_amounts_and_numbers_in_links_are_not_personal_data(found_nl, text):
    assert pii(found_nl(text, "nl")) == {}


def test_public_service_numbers_are_not_personal_phone_numbers(found_nl):
    text = ("Vragen over uw aanslag? Bel de BelastingTelefoon 0800-0543 of de gemeente via "
            "14 020. In nood: bel 112. Of bel 0900-1234567.")
    assert pii(found_nl(text, "nl")) == {}
    assert pii(found_nl("Bel mij op 06-12345678 of 020-1234567.", "nl")) == {
        "pii.phone": ["06-12345678", "020-1234567"]}
