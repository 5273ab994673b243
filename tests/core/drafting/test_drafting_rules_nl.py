"""Every rule of the built-in Dutch pack: what it must find, and look-alikes it must leave alone."""

from __future__ import annotations

import re

import pytest

NEUTRAL = ("De gemeente opent maandag een nieuw loket in het stadhuis. U kunt daar terecht "
           "met vragen over uw paspoort.")


def test_a_plain_post_has_no_findings(found_nl):
    assert found_nl(NEUTRAL, "nl") == {}


@pytest.mark.parametrize(("text", "rule", "match"), [
    ("Mijn BSN is 111222333.", "pii.bsn", "111222333"),
    ("Nummer 1112.22.333 staat erop.", "pii.bsn", "1112.22.333"),
    ("Maak het over naar NL91 ABNA 0417 1643 00 graag.", "pii.iban", "NL91 ABNA 0417 1643 00"),
    ("Bel mij op 06-12345678 morgen.", "pii.phone", "06-12345678"),
    ("Of bel +31 20 123 4567 op kantoor.", "pii.phone", "+31 20 123 4567"),
    ("Mail naar piet.jansen@example.nl voor info.", "pii.email", "piet.jansen@example.nl"),
    ("Hij woont op de Dorpsstraat 12 in Ede.", "pii.address", "Dorpsstraat 12"),
    ("Het adres is 1234 AB 56 toch.", "pii.address", "1234 AB 56"),
])
def test_personal_data_is_found(found_nl, text, rule, match):
    assert match in found_nl(text, "nl").get(rule, [])


@pytest.mark.parametrize("text", [
    "Het kenmerk is 123456789 in ons systeem.",          # fails the 11-check
    "Rekening NL91 ABNA 0417 1643 01 klopt niet.",       # fails mod-97
    "De vergadering is op 12-03-2024 om 14.00 uur.",      # a date, not a phone number
    "Het kost € 1.250.000 en 2.500 euro per jaar.",       # amounts
    "In 2024 waren het 1.234.567 bezoekers.",             # a count
])
def test_look_alikes_are_not_personal_data(found_nl, text):
    found = found_nl(text, "nl")
    assert not [rule for rule in found if rule.startswith("pii.")], found


def test_confidential_markings_and_phrases(found_nl):
    found = found_nl("Dit stuk is Stg. Geheim en valt onder embargo tot vrijdag. Dep. V. ook.",
                     "nl")
    assert found["confidential"] == ["Stg. Geheim", "Dep. V."] or set(found["confidential"]) >= {
        "Stg. Geheim", "Dep. V."}
    assert "confidential" not in found_nl("De geheimzinnige bezoeker kwam niet.", "nl")


def test_jargon_offers_plain_words_and_keeps_the_capital(nl_checker):
    result = nl_checker.check("Indien u vragen heeft, bel ons. Wij komen reeds morgen.", "nl")
    jargon = [f for f in result.findings if f.rule == "jargon"]
    assert [(f.text, f.suggestions) for f in jargon] == [("Indien", ("Als",)),
                                                         ("reeds", ("al",))]
    assert jargon[0].severity == "warning"


def test_jargon_matches_whole_words_and_phrases(found_nl):
    assert "jargon" not in found_nl("De medewerker van de gemeente helpt u graag.", "nl")
    assert found_nl("Dit doen we met betrekking tot de  regels.", "nl")["jargon"] == [
        "met betrekking tot"]


def test_context_dependent_jargon_is_only_a_hint(nl_checker):
    result = nl_checker.check("Welke dag komt u langs op het stadhuis?", "nl")
    jargon = [f for f in result.findings if f.rule == "jargon"]
    assert jargon and jargon[0].severity == "info"


def test_readability_long_sentence_and_long_word(found_nl):
    long_sentence = ("De gemeente heeft besloten dat alle inwoners die in de afgelopen twee jaar "
                     "een aanvraag hebben gedaan voor een vergunning voor het plaatsen van een "
                     "dakkapel opnieuw een brief krijgen.")
    found = found_nl(long_sentence, "nl")
    assert long_sentence in found["readability"]
    assert "hemelwaterafvoerinstallatie" in found_nl(
        "De hemelwaterafvoerinstallatie is kapot.", "nl")["readability"]
    assert "readability" not in found_nl(NEUTRAL, "nl")


def test_tone_negative_and_subjective(found_nl):
    found = found_nl("Dit is echt verschrikkelijk slecht en ontzettend dom, heel erg slecht.",
                     "nl")
    assert "tone.negative" in found
    assert "tone.negative" not in found_nl(NEUTRAL, "nl")
    assert "tone.subjective" in found_nl("Ik vind het prachtig, geweldig en heerlijk mooi!",
                                         "nl")


def test_hashtag_case_suggests_camel_case(nl_checker):
    result = nl_checker.check("Lees meer #digitaletoegankelijkheid", "nl")
    tag = [f for f in result.findings if f.rule == "hashtag.case"]
    assert tag[0].suggestions == ("#DigitaleToegankelijkheid",)


@pytest.mark.parametrize("text", [
    "Lees meer #DigitaleToegankelijkheid",   # already CamelCase
    "Lees meer #klimaat",                    # one word
    "Lees meer #woo2024",                    # with digits
])
def test_hashtag_case_leaves_good_hashtags(found_nl, text):
    assert "hashtag.case" not in found_nl(text, "nl")


def test_hashtag_count(found_nl):
    assert found_nl("Nieuws #Een #Twee #Drie #Vier", "nl")["hashtag.count"] == ["#Vier"]
    assert "hashtag.count" not in found_nl("Nieuws #Een #Twee #Drie", "nl")


def test_emoji_too_many_repeated_between_words_fancy(nl_checker):
    result = nl_checker.check("Ik 👍 Utrecht. Top 🎉🎉 en 😀 😀 mooi. 𝐁𝐞𝐥𝐚𝐧𝐠𝐫𝐢𝐣𝐤 nieuws.", "nl")
    emoji = [f for f in result.findings if f.rule == "emoji"]
    texts = [f.text for f in emoji]
    assert "👍" in texts          # between words
    assert "🎉" in texts          # repeated in a row (and more than three in total)
    fancy = [f for f in emoji if f.text == "𝐁𝐞𝐥𝐚𝐧𝐠𝐫𝐢𝐣𝐤"]
    assert fancy and fancy[0].suggestions == ("Belangrijk",)
    assert "emoji" not in {f.rule for f in nl_checker.check("Fijn weekend! 🌞", "nl").findings}


def test_caps_and_exclamation_marks(found_nl):
    found = found_nl("LET OP DIT IS BELANGRIJK voor iedereen!!!", "nl")
    assert found["caps"] == ["LET OP DIT IS BELANGRIJK", "!!!"]
    assert "caps" not in found_nl("De NVWA en de RVO werken samen aan de AVG!", "nl")


def test_link_shortener_and_source(found_nl):
    assert found_nl("Lees https://bit.ly/abc123 nu.", "nl")["link.shortener"] == [
        "https://bit.ly/abc123"]
    assert "link.shortener" not in found_nl("Lees https://www.rijksoverheid.nl/abc nu.", "nl")
    assert found_nl("Het aantal daklozen steeg met 12,5% in een jaar.", "nl")["link.source"] == [
        "12,5%"]
    assert "link.source" not in found_nl(
        "Het aantal steeg met 12,5% (zie https://www.cbs.nl/cijfers).", "nl")


def test_address_form_consistency(nl_checker):
    result = nl_checker.check("Heeft u een vraag? Stuur je vraag naar ons, dan helpen wij u.",
                              "nl")
    mixed = [f for f in result.findings if f.rule == "consistency.address-form"]
    # "je vraag" needs "uw", not "u": the form is named in the message, not offered as a fix.
    assert [(f.text, f.suggestions) for f in mixed] == [("je", ())]
    assert "'u'" in mixed[0].message
    assert not [f for f in nl_checker.check(NEUTRAL, "nl").findings
                if f.rule == "consistency.address-form"]


def test_restraint_needs_an_opinion_about_politics_or_own_topic(found_nl):
    assert found_nl("Ik vind het plan van het kabinet belachelijk.", "nl")["restraint"] == [
        "Ik vind", "belachelijk"]
    assert "restraint" not in found_nl("Ik vind de nieuwe bibliotheek mooi.", "nl")
    own_topic = found_nl("Ik vind die stikstofregels onzin.", "nl",
                         topic_words=("stikstof", "stikstofregels"))
    assert own_topic["restraint"] == ["Ik vind", "onzin"]


def test_mention_watchlist(found_nl):
    found = found_nl("Goed punt @jan_kamerlid en @piet@mastodon.example!", "nl",
                     watchlist=("jan_kamerlid", "@piet@mastodon.example"))
    assert found["mention.watchlist"] == ["@jan_kamerlid", "@piet@mastodon.example"]
    assert "mention.watchlist" not in found_nl("Dank @gemeente!", "nl", watchlist=("jan",))


def test_mandate_phrase(found_nl):
    assert found_nl("Namens de minister laat ik weten dat het doorgaat.", "nl")["mandate"] == [
        "Namens de minister"]


def test_length_per_platform(nl_checker):
    text = "a" * 281
    result = nl_checker.check(text, "nl", options=None)
    assert result.length.limit is None
    from ambtenaar20.core.drafting.rule_context import CheckOptions

    over = nl_checker.check(text, "nl", CheckOptions(platforms=("x",)))
    length = [f for f in over.findings if f.rule == "length"]
    assert length and length[0].severity == "error" and length[0].start == 280
    assert (over.length.count, over.length.limit) == (281, 280)
    fits = nl_checker.check(text, "nl", CheckOptions(platforms=("mastodon",)))
    assert not [f for f in fits.findings if f.rule == "length"]


def test_manual_checklist_is_listed(nl_checker):
    ids = [q.id for q in nl_checker.check(NEUTRAL, "nl").checklist]
    assert {"manual.facts", "manual.public", "manual.capacity", "manual.consent",
            "manual.alt-text"} <= set(ids)


def test_a_single_dutch_compound_hashtag_is_one_word(found_nl):
    assert "hashtag.case" not in found_nl("Lees meer over het #klimaatakkoord", "nl")


def test_hashtag_split_uses_whole_dictionary_words(nl_checker):
    result = nl_checker.check("Nieuws #wonenvoorouderen", "nl")
    assert [f.suggestions for f in result.findings if f.rule == "hashtag.case"] == [
        ("#WonenVoorOuderen",)]


@pytest.mark.parametrize("text", [
    "Ga naar de website.",
    "Wij begrijpen dat dit lastig is.",
    "Vervelend dat uw aanvraag nog niet is afgehandeld.",
    "@janjansen Vervelend dat uw aanvraag nog niet is afgehandeld. Stuur ons een DM met uw "
    "naam en aanvraagnummer, dan zoeken we het voor u uit. ^Sanne",
])
def test_preposition_naar_and_empathy_are_not_a_negative_tone(nl_checker, text):
    result = nl_checker.check(text, "nl")
    assert "tone.negative" not in {f.rule for f in result.findings}
    assert result.metrics.polarity == 0.0


def test_naar_as_an_adjective_is_still_negative(nl_checker):
    assert nl_checker.check("Dat is naar.", "nl").metrics.polarity < 0


@pytest.mark.parametrize("text", [
    "Lees https://www.example.nl/inzake-subsidie-conform-regels voor de regels.",
    "Mail reeds@example.nl voor de regels.",
    "Mail bijv.jansen@example.nl of kijk op www.je-gemeente.nl als u vragen heeft.",
])
def test_words_inside_links_and_email_addresses_get_no_replacement(nl_checker, text):
    result = nl_checker.check(text, "nl")
    assert [f for f in result.findings if f.suggestions] == []


def test_jargon_outside_a_link_is_still_found(found_nl):
    found = found_nl("Zie www.example.nl/inzake, reeds bekend.", "nl")
    assert found["jargon"] == ["reeds"]


@pytest.mark.parametrize(("text", "about"), [
    ("Ik vind het besluit van de regering belachelijk.", "regering"),
    ("De burgemeester moet aftreden.", "burgemeester"),
    ("De premier faalt.", "premier"),
    ("Ik vind dit kabinetsbeleid onzin.", "kabinetsbeleid"),
    ("Ik vind Volt belachelijk.", "Volt"),
])
def test_restraint_knows_common_political_words(nl_checker, text, about):
    findings = [f for f in nl_checker.check(text, "nl").findings if f.rule == "restraint"]
    assert findings and all(f"over {about}." in f.message for f in findings)


@pytest.mark.parametrize("text", ["Ik vind 230 volt belachelijk veel.",
                                  "Ik vind het onzin, denk ik."])
def test_party_names_that_are_ordinary_words_match_only_as_written(found_nl, text):
    assert "restraint" not in found_nl(text, "nl")


def test_final_line_break_is_not_part_of_the_post(nl_checker):
    from ambtenaar20.core.drafting.rule_context import CheckOptions

    result = nl_checker.check("a" * 280 + "\n", "nl", CheckOptions(platforms=("x",)))
    assert (result.length.count, result.length.limit) == (280, 280)
    assert not [f for f in result.findings if f.rule == "length"]
    assert nl_checker.check("a" * 280 + " \r\n\n", "nl").length.count == 280


def test_mastodon_counts_a_link_without_protocol_as_written(nl_checker):
    from ambtenaar20.core.drafting.rule_context import CheckOptions

    text = "x" * 470 + " www.rijksoverheid.nl/onderwerpen/huurtoeslag"
    result = nl_checker.check(text, "nl", CheckOptions(platforms=("mastodon",)))
    assert (result.length.count, result.length.limit) == (515, 500)
    assert [f.rule for f in result.findings if f.rule == "length"] == ["length"]


def test_everyday_online_words_are_not_spelling_mistakes(found_nl):
    text = ("Download de app of stuur onze webcare een bericht. De retweet, de podcast en de "
            "livestream staan online; deel de hashtag en tweet erover. De termijjn loopt af.")
    assert found_nl(text, "nl").get("spelling") == ["termijjn"]


def test_a_word_without_suggestions_gets_no_empty_did_you_mean(nl_checker):
    findings = [f for f in nl_checker.check("De hjkqwxz is raar.", "nl").findings
                if f.rule == "spelling"]
    assert [f.message for f in findings] == ["'hjkqwxz' staat niet in het woordenboek."]
    assert findings[0].suggestions == ()


def test_numbers_in_dutch_messages_have_a_decimal_comma(nl_checker, en_checker):
    opinion = "Het kabinet moet aftreden, dit is BELACHELIJK! Ik vind het echt schandalig."
    dutch = next(f for f in nl_checker.check(opinion, "nl").findings
                 if f.rule == "tone.subjective")
    assert re.search(r"\d,\d\d", dutch.message) and not re.search(r"\d\.\d\d", dutch.message)
    english = next(f for f in en_checker.check("I think this is a truly wonderful, beautiful "
                                               "and great plan!", "en").findings
                   if f.rule == "tone.subjective")
    assert re.search(r"\d\.\d\d", english.message)


def test_a_tone_finding_names_the_words_that_set_the_tone(nl_checker, en_checker):
    text = "Dit is waardeloos en belachelijk. De uitleg was helder."
    negative = next(f for f in nl_checker.check(text, "nl").findings if f.rule == "tone.negative")
    assert "'waardeloos belachelijk'" in negative.message
    assert "helder" not in negative.message  # a positive word does not explain a negative tone
    english = next(f for f in en_checker.check("This awful decision is stupid.", "en").findings
                   if f.rule == "tone.negative")
    assert "'awful', 'stupid'" in english.message


@pytest.mark.parametrize(("checker", "text"), [
    ("nl", "Uw gegevens behandelen wij vertrouwelijk."),
    ("nl", "Bij Veilig Thuis kunt u gratis en vertrouwelijk advies vragen."),
    ("nl", "Uw pincode en wachtwoord zijn geheim. Deel ze nooit."),
    ("en", "We treat your data as confidential."),
])
def test_ordinary_use_of_confidential_words_is_a_hint_not_an_error(nl_checker, en_checker,
                                                                   checker, text):
    result = (nl_checker if checker == "nl" else en_checker).check(text, checker)
    assert [f.severity for f in result.findings if f.rule.startswith("confidential")] == ["info"]


@pytest.mark.parametrize("text", ["Dit stuk is Stg. Geheim.", "Departementaal Vertrouwelijk",
                                  "Dit is strikt vertrouwelijk, niet voor publicatie."])
def test_markings_stay_errors_without_a_second_hint(nl_checker, text):
    found = [(f.rule, f.severity) for f in nl_checker.check(text, "nl").findings
             if f.rule.startswith("confidential")]
    assert found and all(rule == "confidential" and severity == "error"
                         for rule, severity in found)


@pytest.mark.parametrize(("text", "marked", "fixes"), [
    ("Bedankt voor je vraag! Heeft u nog vragen? Wij helpen u graag.", "je", ()),
    ("Heeft u een vraag? Heeft je nog vragen? Bel u ons.", "je", ()),
    ("Heeft u een vraag? Stuur ons uw vraag. Wij helpen u. Bedankt voor jouw bericht.",
     "jouw", ("uw",)),
    ("Heeft u een vraag? Stuur ons uw vraag. Wij helpen u. Kun jij dat doen?", "jij", ("u",)),
    ("Heb je een vraag? Stuur je vraag. Wij helpen je graag. Heeft u die?", "u", ()),
])
def test_address_form_offers_only_safe_replacements(nl_checker, text, marked, fixes):
    findings = [f for f in nl_checker.check(text, "nl").findings
                if f.rule == "consistency.address-form"]
    assert [(f.text, f.suggestions) for f in findings] == [(marked, fixes)]


@pytest.mark.parametrize("text", [
    "Heb je een U-pas? Dan krijg je korting.",
    "Lijn U rijdt niet. Pak je de bus?",
    "Neem de u-bocht en je bent er.",
])
def test_the_letter_u_is_no_form_of_address(found_nl, text):
    assert "consistency.address-form" not in found_nl(text, "nl")


@pytest.mark.parametrize("text", [
    "Ik vind het motief van de dader onbegrijpelijk.",
    "Ik vind de motieven belachelijk.",
])
def test_words_that_only_start_like_a_political_word_are_not_political(found_nl, text):
    assert "restraint" not in found_nl(text, "nl")


@pytest.mark.parametrize("text", [
    "Ik vind die moties belachelijk.",
    "Ik vind het kabinetsbeleid belachelijk.",
    "Ik vind de kabinetten belachelijk.",
    "Ik vind dat motievoorstel belachelijk.",
])
def test_political_words_and_their_compounds_still_count(found_nl, text):
    assert "restraint" in found_nl(text, "nl")
