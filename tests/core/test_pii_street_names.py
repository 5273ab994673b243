"""A street name with a first name and the Latin "a" is found whole: masking leaves none of it."""

from __future__ import annotations

import pytest

from ambtenaar20.core.analysis.pii import find_personal_data, mask_personal_data


@pytest.mark.parametrize(("text", "address"), [
    ("De vergunning wordt opgestuurd naar Thomas a Kempisstraat 12, 8021 BD Zwolle.",
     "Thomas a Kempisstraat 12, 8021 BD Zwolle"),
    ("Mijn adres is Thomas à Kempislaan 3.", "Thomas à Kempislaan 3"),
    ("Ik woon op de Jan van Galenstraat 5 in Amsterdam.", "Jan van Galenstraat 5"),
    ("Burgemeester de Withstraat 3 is mijn adres.", "Burgemeester de Withstraat 3"),
    ("Mijn adres is Van Ostadelaan 12.", "Van Ostadelaan 12"),
])
def test_the_whole_street_name_is_found(text, address):
    assert [m.text for m in find_personal_data(text, ["address"])] == [address]


def test_masking_leaves_nothing_of_the_street_name():
    masked = mask_personal_data("Stuur het naar Thomas a Kempisstraat 12, 8021 BD Zwolle.")
    assert "Thomas" not in masked and "Kempis" not in masked


@pytest.mark.parametrize(("text", "address"), [
    ("Het kost 3 a 4 euro aan de Kerkstraat 12.", "Kerkstraat 12"),
    ("Bel a Kerkstraat 12, 8021 BD Zwolle.", "Kerkstraat 12, 8021 BD Zwolle"),
])
def test_a_word_before_a_that_opens_a_sentence_is_no_part_of_the_street(text, address):
    assert [m.text for m in find_personal_data(text, ["address"])] == [address]
