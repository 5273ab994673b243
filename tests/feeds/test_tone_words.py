"""The words behind an item's tone: the reader shows why an item counts as negative or positive."""

from __future__ import annotations

from ambtenaar20.core.analysis.sentiment import SentimentAnalyser
from tests.feeds.feed_server import rss

ITEMS = [
    {"title": "Nieuwe regeling", "link": "https://example.org/1", "guid": "n1",
     "description": "De regeling is echt slecht en onduidelijk. Belachelijk!",
     "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"},
    {"title": "Wegwerkzaamheden", "link": "https://example.org/2", "guid": "n2",
     "description": "De weg is van maandag tot vrijdag dicht.",
     "pubDate": "Tue, 07 Sep 2021 08:00:00 +0000"},
]


def test_words_driving_a_tone_strongest_first():
    analyser = SentimentAnalyser()
    text = "De regeling is echt slecht en onduidelijk, maar de uitleg was goed. Belachelijk!"
    # Sentence by sentence: "goed" does not end up among the negative words.
    assert analyser.driving_words(text, "nl", "negative") == ["belachelijk",
                                                             "echt slecht onduidelijk"]
    assert analyser.driving_words(text, "nl", "positive") == ["goed"]
    english = "This awful decision is stupid, although the staff were great."
    assert analyser.driving_words(english, "en", "negative") == ["awful", "stupid"]
    assert analyser.driving_words(english, "en", "positive") == ["great"]
    assert analyser.driving_words(english, "unknown", "negative") == []


def test_an_items_tone_words_come_from_its_own_text(context, feed_server):
    url = feed_server.add("/tone.xml", rss("Gemeente", ITEMS))
    context.feeds.add_feed(url)
    context.feeds.refresh()
    context.items.analyse_pending()
    by_title = {item["title"]: item for item in context.items.list_items()}
    negative, neutral = by_title["Nieuwe regeling"], by_title["Wegwerkzaamheden"]
    assert negative["sentiment"] == "negative"
    words = context.items.tone_words(negative["id"])
    assert words and any("slecht" in w or "belachelijk" in w for w in words)
    assert context.items.tone_words(neutral["id"]) == []  # neutral: nothing to explain


GREETING = [{"title": "Vraag over afval", "link": "https://example.org/3", "guid": "g1",
             "description": "Beste Anna, dank voor uw vraag. De bak wordt dinsdag geleegd. "
                            "Met vriendelijke groet, Team Afval",
             "pubDate": "Wed, 08 Sep 2021 08:00:00 +0000"}]


def test_a_greeting_under_a_title_is_not_scored(context, feed_server):
    url = feed_server.add("/greeting.xml", rss("Gemeente", GREETING))
    context.feeds.add_feed(url)
    context.feeds.refresh()
    context.items.analyse_pending()
    item = context.items.list_items()[0]
    assert (item["sentiment"], item["polarity"]) == ("neutral", 0.0)
