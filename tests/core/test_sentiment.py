"""Language detection and sentiment labels for Dutch and English text."""

import pytest

from ambtenaar20.core.analysis.sentiment import (
    NEGATIVE_THRESHOLD,
    POSITIVE_THRESHOLD,
    SentimentAnalyser,
    detect_language,
    label_for,
)


@pytest.fixture(scope="module")
def analyser():
    return SentimentAnalyser()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De gemeente heeft het plan voor de nieuwe brug gepubliceerd.", "nl"),
        ("The council has published the plan for the new bridge.", "en"),
        ("ok 👍", "unknown"),
        ("", "unknown"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_dutch_positive_and_negative(analyser):
    good = analyser.analyse("Dit is een heel goed en mooi plan van de gemeente, fantastisch!")
    bad = analyser.analyse("Wat een slecht en belachelijk idee van het kabinet, verschrikkelijk.")
    assert (good.lang, good.label) == ("nl", "positive")
    assert good.polarity > POSITIVE_THRESHOLD
    assert (bad.lang, bad.label) == ("nl", "negative")
    assert bad.polarity < NEGATIVE_THRESHOLD
    assert bad.subjectivity > 0.5


def test_english_uses_english_lexicon(analyser):
    result = analyser.analyse("This is a terrible and stupid plan from the ministry.")
    assert result.lang == "en"
    assert result.label == "negative"


def test_factual_dutch_is_neutral(analyser):
    result = analyser.analyse("De gemeente heeft het plan op dinsdag gepubliceerd.")
    assert result.label == "neutral"


def test_unknown_language_is_neutral_not_guessed(analyser):
    result = analyser.analyse("👍👍")
    assert (result.lang, result.polarity, result.label) == ("unknown", 0.0, "neutral")


def test_explicit_language_overrides_detection(analyser):
    assert analyser.analyse("goed", lang="nl").polarity > 0


@pytest.mark.parametrize(("polarity", "label"), [(0.1, "positive"), (0.09, "neutral"),
                                                  (-0.1, "negative"), (0.0, "neutral")])
def test_label_thresholds(polarity, label):
    assert label_for(polarity) == label
