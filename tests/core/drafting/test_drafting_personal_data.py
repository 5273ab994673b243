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


ORGANISATION = '''[pack]
id = "gemeente-test"
name = "Gemeente Test"
version = "1"
extends = "{base}"

[overrides."pii.phone"]
allow = ["14 070", "070 123 4567"]

[overrides."pii.email"]
allow = ["@voorbeeldgemeente.nl"]
add_allow = ["pers@rijksoverheid.nl"]

[overrides."pii.address"]
allow = ["Stadhuisplein 1"]

[overrides."pii.iban"]
allow = ["NL91 ABNA 0417 1643 00"]

[[rules]]
id = "gemeente.zaaknummer"
kind = "pii"
pattern = 'Z/\\d{{2}}/\\d{{6}}'
severity = "error"
message = "zaaknummer"
allow = ["Z/00/000000"]
'''


@pytest.fixture(scope="module")
def own_pack_found():
    from ambtenaar20.core.analysis.sentiment import SentimentAnalyser
    from ambtenaar20.core.drafting.checker import Checker
    from ambtenaar20.core.drafting.pack_library import builtin_packs
    from ambtenaar20.core.drafting.packs import parse_pack

    def found(text: str, base: str) -> dict[str, list[str]]:
        pack = parse_pack(ORGANISATION.format(base=base), "gemeente.toml", builtin_packs().get)
        result = Checker(pack, SentimentAnalyser()).check(text, pack.language)
        found: dict[str, list[str]] = {}
        for finding in result.findings:
            if finding.rule.startswith(("pii.", "gemeente.")):
                found.setdefault(finding.rule, []).append(finding.text)
        return found

    return found


@pytest.mark.parametrize(("base", "text"), [
    ("rijksoverheid-standaard",
     "Vragen? Bel ons op 070-123 45 67 of 14 070, mail info@voorbeeldgemeente.nl of "
     "pers@rijksoverheid.nl. Vanuit het buitenland: +31 70 123 4567."),
    ("rijksoverheid-standaard",
     "Mail meldingen [at] voorbeeldgemeente [dot] nl of kom naar het stadhuis, Stadhuisplein 1, "
     "2511 BT Den Haag. Betalen op NL91ABNA0417164300 o.v.v. Z/00/000000."),
    ("rijksoverheid-standard-en",
     "Questions? Call us on (070) 123 4567 or email info@wonen.voorbeeldgemeente.nl."),
])
def test_the_organisations_own_contact_details_allowed_by_the_pack_are_no_error(
        own_pack_found, base, text):
    assert own_pack_found(text, base) == {}


@pytest.mark.parametrize(("base", "text", "expected"), [
    ("rijksoverheid-standaard",
     "Bel mij op 070 123 4568 of mail info@rijksoverheid.nl of "
     "jan@voorbeeldgemeente.nl.example.com.",
     {"pii.phone": ["070 123 4568"],
      "pii.email": ["info@rijksoverheid.nl", "jan@voorbeeldgemeente.nl.example.com"]}),
    ("rijksoverheid-standaard",
     "De buren op Stadhuisplein 12 en Stadhuisplein 1a betalen op BE68539007547034, zaak "
     "Z/24/123456.",
     {"pii.address": ["Stadhuisplein 12", "Stadhuisplein 1a"], "pii.iban": ["BE68539007547034"],
      "gemeente.zaaknummer": ["Z/24/123456"]}),
    ("rijksoverheid-standard-en",
     "Call me on 06-12345678 or email jan@notvoorbeeldgemeente.nl.",
     {"pii.phone": ["06-12345678"], "pii.email": ["jan@notvoorbeeldgemeente.nl"]}),
])
def test_look_alikes_of_allowed_contact_details_are_still_reported(own_pack_found, base, text,
                                                                   expected):
    assert own_pack_found(text, base) == expected


@pytest.mark.parametrize("text", [
    "Heeft u vragen? Bel ons op 14 070 of de Rijksoverheid op 1400.",
    "Bel 14 020 in Amsterdam of 14 0578 in Deventer; UWV: 088 - 898 92 94.",
])
def test_short_government_numbers_are_no_error_in_the_builtin_pack(found_nl, text):
    assert pii(found_nl(text, "nl")) == {}


def test_short_government_numbers_are_no_error_in_the_english_pack(found_en):
    assert pii(found_en("Questions? Call us on 14 070 or call 1400.", "en")) == {}


@pytest.mark.parametrize("text", [
    "Werkzaamheden: de Kerkstraat 1 t/m 20 en de Molenweg 3 - 27 zijn maandag afgesloten.",
    "Bewoners van de Schoolstraat 1 tot en met 15 krijgen deze week een brief.",
])
def test_road_works_notices_pass_the_dutch_pack(found_nl, text):
    assert pii(found_nl(text, "nl")) == {}


def test_road_works_notices_pass_the_english_pack(found_en):
    assert pii(found_en("Kerkstraat 1 to 20 and Molenweg 3-27 are closed on Monday.", "en")) == {}


def _address_findings(checker, text, language):
    return [(f.severity, f.text, f.message) for f in checker.check(text, language).findings
            if f.rule == "pii.address"]


def test_a_possible_range_is_a_warning_that_says_so_in_both_packs(nl_checker, en_checker):
    [(severity, text, message)] = _address_findings(
        nl_checker, "Het pakket is bezorgd op Kerkstraat 1-3, zegt de bezorger.", "nl")
    assert (severity, text) == ("warning", "Kerkstraat 1-3")
    assert "reeks huisnummers" in message
    [(severity, text, message)] = _address_findings(
        en_checker, "The parcel was delivered to Kerkstraat 1-3 on Monday.", "en")
    assert (severity, text) == ("warning", "Kerkstraat 1-3")
    assert "range of house numbers" in message


@pytest.mark.parametrize(("text", "language"), [
    ("Ik woon op Kerkstraat 1-3 en mijn container is niet geleegd.", "nl"),
    ("Uw bericht over Eikenlaan 4 A betreft de aanvraag voor een parkeervergunning.", "nl"),
    ("I live at Kerkstraat 1-3 and my bin was not emptied.", "en"),
])
def test_a_home_with_floor_or_letter_is_an_address_error(nl_checker, en_checker, text,
                                                         language):
    checker = nl_checker if language == "nl" else en_checker
    [(severity, _text, _message)] = _address_findings(checker, text, language)
    assert severity == "error"


def test_a_pack_may_word_the_possible_range_itself_and_a_lower_severity_stays():
    from ambtenaar20.core.analysis.sentiment import SentimentAnalyser
    from ambtenaar20.core.drafting.checker import Checker
    from ambtenaar20.core.drafting.pack_library import builtin_packs
    from ambtenaar20.core.drafting.packs import parse_pack

    pack = parse_pack(
        '[pack]\nid = "qa"\nname = "QA"\nversion = "1"\nextends = "rijksoverheid-standaard"\n'
        '[overrides."pii.address"]\nseverity = "info"\n'
        'range_message = "Reeks of woning: {match}"\n', "qa.toml", builtin_packs().get)
    checker = Checker(pack, SentimentAnalyser())
    assert _address_findings(checker, "Het pakket ligt op Kerkstraat 1-3.", "nl") == [
        ("info", "Kerkstraat 1-3", "Reeks of woning: Kerkstraat 1-3")]
