"""Words without tone: proper names, the built-in words and the officer's own list are left out
of the tone of feed items and drafts (QA report s6/qa-a, item 4: a climate-adaptation officer)."""

from __future__ import annotations

import pytest

from ambtenaar20.core.analysis.sentiment import SentimentAnalyser
from ambtenaar20.core.analysis.toneless_words import (
    add_words,
    clean_words,
    parse_words,
    remove_words,
    word_forms,
)
from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.settings import Settings, SettingsStore


@pytest.fixture(scope="module")
def analyser():
    return SentimentAnalyser()


@pytest.fixture
def context(data_dir):
    ctx = create_app_context(data_dir, "nl")
    yield ctx
    ctx.close()


def tone(analyser, text, lang=None):
    result = analyser.analyse(text, lang)
    words = (analyser.driving_words(text, result.lang, result.label)
             if result.label != "neutral" else [])
    return result.label, words


# The QA items as the feeds had them: the title, then the text on a line of its own.
ZWARTE_WATER = "Waterschap start met dijkversterking Zwarte Water\nDe werkzaamheden duren tot 2028."
KOELE = ("Koele plekken kaart online\nOp de kaart vindt u koele plekken in de stad tijdens een "
         "hittegolf.")
NATTE = "Grondwaterstand weer op peil\nNa de natte herfst is het grondwater weer aangevuld."
DRUK = ("Wateroverlast na onweersbui: kelders ondergelopen\nIn Holtenbroek liepen tientallen "
        "kelders onder. De brandweer had het druk.")
GREEN = "Green roofs: costs and benefits\nA balanced look at the costs."


def test_a_river_named_zwarte_water_gives_no_tone(analyser):
    assert tone(analyser, ZWARTE_WATER) == ("neutral", [])
    assert tone(analyser, "De dijk langs het Zwarte Water wordt versterkt.", "nl")[0] == "neutral"
    # Mid-sentence elsewhere in the text, the name is a name at a sentence's start too.
    assert tone(analyser, "Zwarte Water treedt buiten de oevers. Het Zwarte Water stijgt nog.",
                "nl")[0] == "neutral"


def test_names_keep_the_tone_of_the_other_words(analyser):
    label, words = tone(analyser, "Boze bewoners over Zwarte Water-plan\nDe avond liep uit.")
    assert (label, words) == ("negative", ["boze"])  # the first word of a title is no name
    label, words = tone(analyser, "Wethouder De Vries: 'Een belangrijk moment voor de stad.'",
                        "nl")
    assert label == "positive" and words == ["belangrijk"]  # after a quote: no name either
    # Capitals that shout are no name.
    assert tone(analyser, "Dit plan is SLECHT, zegt de wethouder.", "nl")[0] == "negative"


@pytest.mark.parametrize("text", [
    "@gemeentezwolle Teleurstellend dat de bus weer niet rijdt.",
    "#hittestress Teleurstellend dat de bus weer niet rijdt.",
    "@jan@mastodon.social @ns_online #bus Teleurstellend dat de bus weer niet rijdt.",
    "https://www.zwolle.nl/bus Teleurstellend dat de bus weer niet rijdt.",
    "@gemeentezwolle 😡 Teleurstellend dat de bus weer niet rijdt.",
])
def test_handles_and_tags_before_a_sentence_do_not_make_its_first_word_a_name(analyser, text):
    # QA s6/qa-d 1: a reply opens with a handle; the word after it is no name.
    assert tone(analyser, text, "nl") == ("negative", ["teleurstellend"])


@pytest.mark.parametrize("text", [
    "Wachten op de bus… Teleurstellend dat niemand iets zegt.",
    "Wachten op de bus... Teleurstellend dat niemand iets zegt.",
    "Hij zei: 'Dat is goed.' Teleurstellend dat niemand iets zegt.",
    "Wachten op de bus (lijn 5.) Teleurstellend dat niemand iets zegt.",
])
def test_an_ellipsis_or_a_closing_quote_ends_a_sentence(analyser, text):
    # QA s6/qa-d 2: the capital after "…" opens a sentence, it names nothing; and the words
    # of two sentences are not named together ("goed teleurstellend").
    assert tone(analyser, text, "nl") == ("negative", ["teleurstellend"])


def test_a_word_right_before_an_ellipsis_keeps_its_tone(analyser):
    # The lexicon's tokeniser kept "…" on "jammer", which then went unscored.
    assert tone(analyser, "Het is echt jammer…", "nl") == ("negative", ["echt jammer"])


def test_names_after_a_handle_are_still_names(analyser):
    assert tone(analyser, "@waterschap Zwarte Water treedt buiten de oevers bij de "
                "dijkversterking Zwarte Water.", "nl") == ("neutral", [])
    assert tone(analyser, "@gemeentezwolle de dijk langs het Zwarte Water wordt versterkt.",
                "nl") == ("neutral", [])


@pytest.mark.parametrize(("text", "word"), [(KOELE, "koele"), (NATTE, "natte"), (DRUK, "druk")])
def test_dutch_weather_words_give_no_tone(analyser, text, word):
    assert word in text.lower()
    assert tone(analyser, text) == ("neutral", [])


@pytest.mark.parametrize("text", [
    "De gemeente heeft een plan gemaakt voor de wijk.",
    "Het rapport is vandaag openbaar gemaakt.",
    "De resultaten zijn gemaakt.",
])
def test_the_participle_gemaakt_gives_no_tone(analyser, text):
    # QA s6/qa-f 4: the lexicon only knows "gemaakt" as "onecht" (-0.6, 0.9 subjective).
    assert tone(analyser, text, "nl") == ("neutral", [])
    assert analyser.analyse(text, "nl").subjectivity < 0.5
    # The other words of the sentence keep their tone.
    assert tone(analyser, text.rstrip(".") + ", en dat is schandalig.", "nl")[0] == "negative"


@pytest.mark.parametrize("text", [
    "Uitstapje naar Bad Bentheim voor ouderen uit Holtenbroek.",
    "Bewoners gaan naar de gemeente met hun vragen.",
    "Lees het plan via deze link.",
    "De afvalpas is geregeld.",
])
def test_the_preposition_naar_the_noun_link_and_geregeld_give_no_tone(analyser, text):
    # QA s7 7: "naar" was read as the adjective (nasty, -0.65), "link" as "risky", and
    # "geregeld" as "regelmatig" (+0.15).
    assert tone(analyser, text, "nl") == ("neutral", [])


@pytest.mark.parametrize(("text", "expected"), [
    ("Dit is echt slecht geregeld met de afvalpas.", "negative"),
    ("Het is goed geregeld met de afvalpas.", "positive"),
    ("Een nare situatie voor de bewoners.", "negative"),
    ("De bewoners vinden het naar.", "negative"),
])
def test_the_words_around_them_and_the_adjective_keep_their_tone(analyser, text, expected):
    # "slecht geregeld" was positive: the lexicon took "slecht" as an intensifier of
    # "geregeld". "naar" after a copula is the adjective, and an opinion.
    assert tone(analyser, text, "nl")[0] == expected


def test_english_green_is_not_negative(analyser):
    assert tone(analyser, GREEN) == ("neutral", [])
    assert analyser.analyse("The city is going green with parks and green roofs.").polarity == 0
    # Title case capitalises every word: no word is taken for a name, the tone still counts.
    assert tone(analyser, "Green Roofs Are a Terrible Idea, Residents Say", "en") == (
        "negative", ["terrible"])


@pytest.mark.parametrize(("text", "label"), [
    ("De gemeente is Waardeloos en Incompetent, ik ben het Spuugzat.", "negative"),
    ("Ik vind het Schandalig dat niemand reageert.", "negative"),
    ("Dank voor de Snelle en Vriendelijke hulp, Geweldig!", "positive"),
])
def test_a_capitalised_word_alone_is_emphasis_and_keeps_its_tone(analyser, text, label):
    # QA s6/qa-e 1: every capitalised word mid-sentence was taken for a name, and an angry
    # text lost its tone. A name is capitalised words side by side ("Zwarte Water").
    assert tone(analyser, text, "nl")[0] == label


@pytest.mark.parametrize(("text", "lang", "label", "words"), [
    ("Wat een Belachelijke Vertoning van de gemeente!", "nl", "negative", ["belachelijke"]),
    ("Zo'n Geweldige Actie van de buurt!", "nl", "positive", ["geweldige"]),
    ("Het plan van de wethouder is Echt Waardeloos.", "nl", "negative", ["echt waardeloos"]),
    ("What a Ridiculous Display by the council.", "en", "negative", ["ridiculous"]),
    ("The council did a Wonderful Job today.", "en", "positive", ["wonderful"]),
    ("The new parking rules are Absolutely Terrible for residents.", "en", "negative",
     ["absolutely terrible"]),
])
def test_capitals_side_by_side_that_stress_a_judgement_keep_its_tone(analyser, text, lang,
                                                                      label, words):
    # Two capitalised words after "een"/"a", or words that all carry tone, stress an opinion;
    # they were taken for a name and the item scored neutral.
    assert tone(analyser, text, lang) == (label, words)


@pytest.mark.parametrize(("text", "lang"), [
    ("Waterschap start met dijkversterking Zwarte Water.", "nl"),
    ("Mevrouw De Goede opende de vergadering.", "nl"),
    ("Op de Grote Markt staat vandaag een kraam.", "nl"),
    ("Het is een Zwarte Water-project van het waterschap.", "nl"),
    ("She is a Green Party councillor.", "en"),
    ("The Good Friday agreement was signed in Belfast.", "en"),
    ("He moved to Great Britain last year.", "en"),
    ("We have a New York office.", "en"),
])
def test_names_that_hold_tone_words_stay_names(analyser, text, lang):
    # Names hold a word the lexicon does not score ("Water", "Party", "Markt") or a mild one
    # ("zwarte", "new"); without an announcing word before them they name, not judge.
    assert tone(analyser, text, lang) == ("neutral", [])


def test_ordinary_tone_words_still_count(analyser):
    assert tone(analyser, "Bewoners boos over kap van bomen\nDit is echt belachelijk.")[0] == \
        "negative"
    assert tone(analyser, "Regenton-actie groot succes\nFantastisch resultaat!", "nl")[0] == \
        "positive"


def test_the_officers_own_words_leave_items_and_inflections_out():
    text = "Lage grondwaterstand in Salland\nHet waterschap meet de grondwaterstand elke week."
    own: list[str] = []
    analyser = SentimentAnalyser(lambda: own)
    assert tone(analyser, text) == ("negative", ["lage"])
    own.append("Laag")  # asked for every text: the next one counts without it
    assert tone(analyser, text) == ("neutral", [])
    assert {"lage", "lager", "laagste"} <= word_forms("laag", "nl")
    assert {"natte", "natter"} <= word_forms("nat", "nl")
    assert {"greener", "greens"} <= word_forms("green", "en")


def test_a_drafts_tone_finding_leaves_out_the_officers_words(context):
    text = "De lage grondwaterstand is een zorg. We meten elke week."
    before = context.drafting.check(text, language="nl")
    assert before.metrics.polarity < 0
    context.settings.tone.toneless_words = ["laag"]
    after = context.drafting.check(text, language="nl")
    assert after.metrics.polarity == 0


def test_the_list_is_cleaned_and_refuses_what_is_no_word():
    assert parse_words("hitte\nDroogte, hitte ; nat") == ["hitte", "Droogte", "hitte", "nat"]
    assert clean_words(["Hitte", "hitte", " droogte "]) == ("hitte", "droogte")
    with pytest.raises(UsageError):
        clean_words(["#klimaat"])
    saved, added = add_words(["hitte"], ["Hitte", "droogte"])
    assert (saved, added) == (["hitte", "droogte"], ["droogte"])
    assert remove_words(saved, ["HITTE"]) == (["droogte"], ["hitte"])
    with pytest.raises(UsageError):
        remove_words(saved, ["regen"])


def test_settings_keep_the_words_without_tone(tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    settings = Settings()
    settings.tone.toneless_words = ["hitte", "droogte"]
    store.save(settings)
    assert store.load().settings.tone.toneless_words == ["hitte", "droogte"]
    (tmp_path / "settings.json").write_text('{"tone": {"toneless_words": "hitte"}}')
    assert store.load().settings.tone.toneless_words == []  # wrong type: the default
