"""Personal-data detection: real BSN/IBAN/phone/e-mail/address found, look-alikes not."""

import pytest

from ambtenaar20.core.analysis.pii import find_personal_data, mask_personal_data


def kinds_and_texts(text):
    return [(m.kind, m.text) for m in find_personal_data(text)]


@pytest.mark.parametrize("bsn", ["123456782", "111222333", "1234.56.782", "123 456 782"])
def test_valid_bsn_found(bsn):
    assert kinds_and_texts(f"Mijn BSN is {bsn}.") == [("bsn", bsn)]


@pytest.mark.parametrize("number", ["123456789", "987654321"])
def test_bsn_failing_eleven_check_is_not_reported(number):
    assert [m for m in find_personal_data(f"Zaak {number}") if m.kind == "bsn"] == []


def test_iban_with_and_without_spaces_and_invalid_checksum():
    text = "Op NL91ABNA0417164300 of NL91 ABNA 0417 1643 00, niet NL91ABNA0417164301."
    assert kinds_and_texts(text) == [("iban", "NL91ABNA0417164300"),
                                     ("iban", "NL91 ABNA 0417 1643 00")]


def test_iban_followed_by_capitals_is_trimmed_to_the_valid_number():
    assert kinds_and_texts("IBAN NL91ABNA0417164300 ABCD") == [("iban", "NL91ABNA0417164300")]


def test_phone_numbers_dutch_and_international():
    text = "Bel 06-12345678 of +31 20 123 4567."
    assert kinds_and_texts(text) == [("phone", "06-12345678"), ("phone", "+31 20 123 4567")]


@pytest.mark.parametrize("text", ["In 2024 kreeg 45% van de 1200 mensen 300 euro.",
                                  "Op 15-03-2024 om 12-34 uur", "Kosten: € 1.250.000"])
def test_dates_amounts_and_years_are_not_personal_data(text):
    assert find_personal_data(text) == []


def test_email_and_addresses():
    text = "Mail jan.jansen@example.nl; ik woon Kerkstraat 12a, 1234 AB Amsterdam (of 2511 CV 4)."
    assert kinds_and_texts(text) == [
        ("email", "jan.jansen@example.nl"),
        ("address", "Kerkstraat 12a, 1234 AB Amsterdam"),
        ("address", "2511 CV 4"),
    ]


@pytest.mark.parametrize(("text", "address"), [
    ("Mail jan.jansen [at] gmail [dot] com graag", "jan.jansen [at] gmail [dot] com"),
    ("Stuur het naar jan(at)gemeente.nl.", "jan(at)gemeente.nl"),
    ("j.jansen (at) example (punt) nl", "j.jansen (at) example (punt) nl"),
    ("Of: jan at gmail dot com", "jan at gmail dot com"),
    ("INFO {AT} GEMEENTE {DOT} NL", "INFO {AT} GEMEENTE {DOT} NL"),
])
def test_addresses_written_to_dodge_harvesters_are_still_email(text, address):
    assert kinds_and_texts(text) == [("email", address)]


@pytest.mark.parametrize("text", ["We zijn at home", "Meet at noon. Kijk op rijksoverheid.nl",
                                  "Lees (at) de site", "the cat at the door dot"])
def test_at_in_ordinary_text_is_not_an_address(text):
    assert find_personal_data(text) == []


def test_kinds_filter():
    text = "Mail a@b.nl of bel 0612345678"
    assert [m.kind for m in find_personal_data(text, kinds=["phone"])] == ["phone"]


def test_spans_index_the_original_text():
    text = "Graag naar NL91ABNA0417164300 overmaken, BSN 123456782."
    for match in find_personal_data(text):
        assert text[match.start:match.end] == match.text


def test_mask_replaces_every_match_and_keeps_the_rest():
    masked = mask_personal_data("BSN 123456782, mail a.b@c.nl, niet 123456789.")
    assert masked == "BSN [BSN], mail [e-mailadres], niet 123456789."


@pytest.mark.parametrize("text", ["Look at the dot com era.", "Find us at rijksoverheid dot nl",
                                  "meet me at noon dot"])
def test_at_and_dot_in_an_english_sentence_are_no_address(text):
    assert find_personal_data(text) == []
