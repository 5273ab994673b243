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


@pytest.mark.parametrize("text", [
    "De Kerkstraat 1 t/m 20 is afgesloten.",
    "Werkzaamheden Kerkstraat 2-14: de stoep is dicht.",
    "Bewoners van de huisnummers 1 tot en met 9 krijgen een brief.",
    "Rioleringswerk Laan van Meerdervoort 100 tot en met 180 duurt tot eind mei.",
    "Afsluiting Marktstraat 5 t/m 11 en Kerkplein 1 t.m. 4 op zaterdag.",
    "Let op: Molenweg 3 - 27 is afgesloten.",
    "Herinrichting Oudegracht 45\u201379: fietsers worden omgeleid.",  # en dash
    "Wegwerkzaamheden Hoofdweg 120 tot 140.",
    "Kerkstraat 1 to 20 will be closed on Monday.",
    "Roadworks on Kerkstraat 2-14 until Friday.",
    "Dorpsstraat 12 through 48 (even numbers) is closed.",
])
def test_a_range_of_house_numbers_is_a_stretch_of_street_not_an_address(text):
    assert find_personal_data(text, ["address"]) == []


@pytest.mark.parametrize(("text", "address"), [
    ("De bewoner van Prinsengracht 263-1 belde.", "Prinsengracht 263-1"),  # number, floor
    ("Stuur het naar Kerkstraat 2-14, 2511 CV Den Haag.", "Kerkstraat 2-14, 2511 CV Den Haag"),
    ("Hij woont op Kerkstraat 12 tot 2026.", "Kerkstraat 12"),  # a year, not a last number
    ("Zij woont op Kerkstraat 12 tot 20 mei.", "Kerkstraat 12"),  # a date
    ("Het adres is 2511 CV 1-20 toch.", "2511 CV 1"),  # a postcode narrows it to a home
])
def test_a_house_number_with_an_apartment_or_a_postcode_is_still_an_address(text, address):
    assert kinds_and_texts(text) == [("address", address)]


@pytest.mark.parametrize(("text", "address"), [
    ("Uw melding over Eikenlaan 4a betreft de losse tegel.", "Eikenlaan 4a"),
    ("Het pakket ligt klaar voor Eikenlaan 4 A, zegt de bezorger.", "Eikenlaan 4 A"),
    ("Is de klacht over Dorpsstraat 12-bis behandeld?", "Dorpsstraat 12-bis"),
    ("De melding gaat over Molenweg 3 hs, de benedenwoning.", "Molenweg 3 hs"),
    ("Wij sturen iemand naar Kerkstraat 12 III voor de lekkage.", "Kerkstraat 12 III"),
    ("Wij komen langs op Vijverweg 8-II.", "Vijverweg 8-II"),
    ("Post voor Kerkstraat 12bis ligt hier.", "Kerkstraat 12bis"),
    ("The complaint about Eikenlaan 4a concerns a loose tile.", "Eikenlaan 4a"),
    ("We will visit Molenweg 3 hs tomorrow.", "Molenweg 3 hs"),
])
def test_house_number_additions_are_part_of_the_address(text, address):
    assert kinds_and_texts(text) == [("address", address)]


@pytest.mark.parametrize("text", [
    "Artikel 4a van de Participatiewet regelt de taaleis.",
    "We zitten nu in fase 2b van het project.",
    "Zoals Wet 12 al zei, gaan we verder.",
    "Bijlage 3b staat online; hoofdstuk 2a gaat over bouwregels.",
    "De Stationsweg is 4 a 5 dagen dicht.",
    "Fietspad 3 a 4 km afgesloten.",
    "Leerpad 2a betreft de basisvaardigheden.",
    "Kerkstraat 12 ter hoogte van de kerk is glad.",
    "De subsidie is € 4,50 per inwoner vanaf 1 april 2025.",
    "Article 4a of the act applies from phase 2b.",
    "At Kerkstraat 4 A new playground opens.",
])
def test_numbers_with_letters_in_ordinary_sentences_are_no_address(text):
    assert find_personal_data(text, ["address"]) == []


@pytest.mark.parametrize(("text", "address"), [
    ("Mail Jan op jan @ gmail . com als u vragen heeft.", "jan @ gmail . com"),
    ("Reageer via p.jansen @ ziggo . nl graag.", "p.jansen @ ziggo . nl"),
    ("Haar adres is k.bakker@ outlook.com volgens de melding.", "k.bakker@ outlook.com"),
    ("Of jan [at] gmail . com als dat makkelijker is.", "jan [at] gmail . com"),
    ("His address is JAN @ BBC . CO . UK apparently.", "JAN @ BBC . CO . UK"),
    ("Write to jan.jansen @ gmail.com instead.", "jan.jansen @ gmail.com"),
    ("Stuur het naar a.smit@ hotmail.com graag.", "a.smit@ hotmail.com"),
])
def test_spaced_out_email_addresses_are_found(text, address):
    assert kinds_and_texts(text) == [("email", address)]


@pytest.mark.parametrize("text", [
    "Kijk @ de site . nl voor het laatste nieuws.",
    "Zie @ rijksoverheid . nl voor meer.",
    "Ik ben @ school . In de pauze bel ik.",
    "Ik ben @ school . in de pauze bel ik.",
    "De score was 5 @ 3 . nl won.",
    "Dank @gemeente.bsky.social voor de samenwerking!",
    "Dank @gemeente . nl voor de hulp",
    "Thanks @jan. See rijksoverheid.nl",
    "Meet me @ noon . com era",
    "Look @ the site . nl for news.",
])
def test_spaced_at_and_dots_in_ordinary_text_are_no_address(text):
    assert find_personal_data(text, ["email"]) == []


@pytest.mark.parametrize("text", [
    "Bel ons op 14 070 of 14070.",
    "Bel 14 020 in Amsterdam of 14 0578 in Deventer.",
    "Bel de Rijksoverheid op 1400.",
    "UWV is bereikbaar via 088 - 898 92 94.",
    "Call us on 14 070 or the central government on 1400.",
])
def test_municipal_government_and_company_numbers_are_not_personal(text):
    assert find_personal_data(text, ["phone"]) == []


def test_a_bracketed_phone_number_is_found_without_its_bracket():
    assert kinds_and_texts("Mevrouw De Vries (020-1234567) belde.") == [("phone", "020-1234567")]
    assert kinds_and_texts("Mr Smith (+31 20 123 4567) called.") == [("phone", "+31 20 123 4567")]


@pytest.mark.parametrize(("text", "address"), [
    ("Eikenlaan 4 A betreft de aanvraag voor een vergunning.", "Eikenlaan 4 A"),
    ("De klacht over Lindelaan 7 C gaat over geluidsoverlast.", "Lindelaan 7 C"),
    ("Het lek bij Dorpsstraat 3 a lijkt verholpen, meldt de aannemer.", "Dorpsstraat 3 a"),
    ("Mevrouw belde over Kastanjelaan 3 D namens haar moeder.", "Kastanjelaan 3 D"),
    ("The tenant of Marnixstraat 40 C reported mould.", "Marnixstraat 40 C"),
    ("Our reply about Lindelaan 7 B concerns the noise complaint.", "Lindelaan 7 B"),
    # "A" before a verb is no article.
    ("Our reply about Eikenlaan 4 A concerns the noise complaint.", "Eikenlaan 4 A"),
    ("The tenant says Eikenlaan 4 A has had mould for a year.", "Eikenlaan 4 A"),
])
def test_a_separate_house_number_letter_before_ordinary_words_is_an_address(text, address):
    assert kinds_and_texts(text) == [("address", address)]


def test_the_checked_language_decides_a_lone_a_only_when_the_words_do_not():
    text = "Eikenlaan 4 A betreft de aanvraag"  # too few function words to tell the language
    assert [m.text for m in find_personal_data(text, ["address"], "nl")] == ["Eikenlaan 4 A"]
    # A Dutch check of an English sentence: the sentence's own words show "A" is an article.
    english = "At Kerkstraat 4 A new playground opens next month."
    assert find_personal_data(english, ["address"], "nl") == []


@pytest.mark.parametrize("text", [
    "Kerkstraat 4 A4-papier is genoeg voor het formulier.",  # a paper size, not a place
    "Vul het formulier voor de Stationsstraat 2 A4 formaat in.",
    "Leerpad 2 B behandelt de basisvaardigheden.",  # a noun, not a street
    "Graag 4 a 5 exemplaren van het besluit.",
    "At Kerkstraat 4 A new playground opens next month.",
    "On Stationsweg 2 a new bike shed has been built.",
    "A new bench was placed at Kerkplein 2 today.",
])
def test_a_paper_size_or_an_english_article_after_a_number_is_no_address_letter(text):
    assert find_personal_data(text, ["address"]) == []


@pytest.mark.parametrize(("text", "address"), [
    ("Ik woon op Kerkstraat 1-3 en mijn container is niet geleegd.", "Kerkstraat 1-3"),
    ("Wij wonen op Prinsenstraat 4-6 en horen elke nacht lawaai.", "Prinsenstraat 4-6"),
    ("Mijn adres is Lindelaan 5-12, daar woon ik sinds maart.", "Lindelaan 5-12"),
    ("Haar adres: Lindelaan 1-5. Zij vraagt om een terugbelverzoek.", "Lindelaan 1-5"),
    # Home words win over road-works words in the same sentence.
    ("Bij mij op Nieuwstraat 2-4 is de stoep al weken afgesloten.", "Nieuwstraat 2-4"),
    ("Stuur het naar Kerkstraat 1-3, Utrecht.", "Kerkstraat 1-3"),
    ("I live at Kerkstraat 1-3 and my bin was not emptied.", "Kerkstraat 1-3"),
    ("My address is Molenstraat 3-7, please send the form there.", "Molenstraat 3-7"),
])
def test_number_and_floor_where_someone_lives_is_an_address(text, address):
    [match] = find_personal_data(text)
    assert (match.kind, match.text, match.maybe_range) == ("address", address, False)


@pytest.mark.parametrize("text", [
    "Kerkstraat 1-3 is van maandag tot vrijdag afgesloten.",
    "Bewoners van de Lindelaan 1-11 krijgen een brief over de bomenkap.",
    "De panden Hoogstraat 10-16 worden gesloopt voor nieuwbouw.",
    "Vanaf maandag is de Kerkweg 2-20 alleen bereikbaar voor bestemmingsverkeer.",
    "The Kerkstraat 1-3 will be closed for roadworks on Monday.",
    "The houses at Hoogstraat 10-16 will be demolished next year.",
])
def test_a_dash_range_in_a_road_works_sentence_is_no_address(text):
    assert find_personal_data(text, ["address"]) == []


@pytest.mark.parametrize("text", ["Het pakket is bezorgd op Kerkstraat 1-3, zegt de bezorger.",
                                  "The parcel was delivered to Kerkstraat 1-3 on Monday."])
def test_a_dash_pair_nothing_explains_is_a_possible_address(text):
    [match] = find_personal_data(text)
    assert (match.kind, match.text, match.maybe_range) == ("address", "Kerkstraat 1-3", True)
    # Exports hide it: a hidden stretch of street costs less than a shown home.
    assert "Kerkstraat 1-3" not in mask_personal_data(text)


@pytest.mark.parametrize(("text", "address"), [
    ("Mail Jan op jan @ telenet . be als u vragen heeft.", "jan @ telenet . be"),
    ("Zijn adres is k.mueller @ web . de volgens de melding.", "k.mueller @ web . de"),
    ("Of piet [at] gmx . de als dat makkelijker is.", "piet [at] gmx . de"),
    ("Lotte is bereikbaar op lotte @ hotmail . be voor vragen.", "lotte @ hotmail . be"),
    ("Contact: tom.b @ posteo . de", "tom.b @ posteo . de"),
    ("Anna schreef ons vanaf anna @ gmx . at over haar vergunning.", "anna @ gmx . at"),
    ("Write to m.schulz @ t-online . de instead.", "m.schulz @ t-online . de"),
    ("Email sam @ proton . me for the minutes.", "sam @ proton . me"),
    ("You can reach her at j.peeters @ skynet . be apparently.", "j.peeters @ skynet . be"),
    ("His address is JAN @ WEB . DE apparently.", "JAN @ WEB . DE"),
    ("Schrijf naar jan @ gemeente . amsterdam of bel.", "jan @ gemeente . amsterdam"),
])
def test_spaced_out_addresses_with_other_endings_are_found(text, address):
    assert kinds_and_texts(text) == [("email", address)]


@pytest.mark.parametrize("text", [
    "Zie punt 3 . Daarna volgt de uitleg.",
    "Zie artikel 2 . de uitleg staat in bijlage 1.",
    "Ik ben @ school . de pauze begint om tien uur.",
    "Wij zijn @ het stadhuis . de deur staat open tot vijf uur.",
    "Vandaag @ Ahoy . de zaal zit vol.",
    "Dank @ de gemeente voor de snelle reactie!",
    "Dank @ de gemeente . be",
    "We are @ work . be patient with us.",
    "Great to be @ the event . in Utrecht today!",
    "Volg ons ook op @gemeente@social.overheid.nl voor updates.",
    "Dank @jan@web.de voor het delen.",
    "Groeten van jan @ mastodon . social",
])
def test_sentences_and_fediverse_handles_with_word_like_endings_are_no_address(text):
    assert find_personal_data(text, ["email"]) == []


@pytest.mark.parametrize(("text", "address"), [
    # A sentence's first word, a preposition or a form of address is no part of the street name.
    ("Vanaf Kerkstraat 12-14 is de stoep smal.", "Kerkstraat 12-14"),
    ("Naast Kerkstraat 5 staat een boom.", "Kerkstraat 5"),
    ("Tegenover Kerkstraat 1-3 is een park.", "Kerkstraat 1-3"),
    ("Mevrouw van Kastanjelaan 3 D belde over haar aanslag.", "Kastanjelaan 3 D"),
    ("Bewoners van de Lindelaan 5 en 7 krijgen een brief.", "Lindelaan 5"),
    ("Dhr. Jansen, Kerkstraat 5, 1234 AB Utrecht", "Kerkstraat 5, 1234 AB Utrecht"),
    ("Opposite Kerkstraat 5 is a park.", "Kerkstraat 5"),
    ("Dear resident, Kerkstraat 5 in Utrecht is yours.", "Kerkstraat 5"),
    # Street names of several words keep them all.
    ("Burgemeester de Withstraat 5 is ons kantoor.", "Burgemeester de Withstraat 5"),
    ("Ik woon op Nieuwe Binnenweg 12.", "Nieuwe Binnenweg 12"),
    ("Van Heemstralaan 3 is mijn adres.", "Van Heemstralaan 3"),
    ("Oude Gracht 12 is verkocht.", "Oude Gracht 12"),
    ("Mr. Visserplein 5, 1011 RD Amsterdam", "Mr. Visserplein 5, 1011 RD Amsterdam"),
    ("Burg. A. Colijnstraat 5 is dicht.", "Burg. A. Colijnstraat 5"),
])
def test_an_address_starts_at_its_street_name(text, address):
    assert [m.text for m in find_personal_data(text, ["address"], "nl")] == [address]


@pytest.mark.parametrize("works", [
    "de riolering", "de bestrating", "de herinrichting", "wegwerkzaamheden", "het asfalt",
    "een omleiding", "glasvezel", "het riool",
])
def test_road_works_words_make_a_dash_pair_a_stretch(works):
    text = f"Bij Kerkstraat 12-14 wordt gewerkt aan {works}."
    assert find_personal_data(text, ["address"], "nl") == []


@pytest.mark.parametrize("text", [
    "Vanaf Kerkstraat 12-14 tot en met 20 wordt gewerkt aan de riolering.",
    "Kerkstraat 12-14 is opgebroken.",
    "Stremming op Kerkstraat 2-8 tot vrijdag.",
    "Kerkstraat 2-8 will be repaved next week.",
])
def test_road_works_sentences_have_no_address(text):
    assert find_personal_data(text, ["address"], "nl") == []
