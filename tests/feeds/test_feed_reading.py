"""What is read from a feed: JSON Feed, relative links, control characters, dates and titles.

Real feed files from ``files/`` served over loopback and refreshed (or looked at) as the app
does; the date cases are also parsed by both parsers directly, which must agree.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.feeds import parsing
from tests.helpers import run_cli

FILES = Path(__file__).parent / "files"
CONTROL = {chr(code) for code in [*range(0x00, 0x09), *range(0x0b, 0x20), *range(0x7f, 0xa0),
                                   *range(0x202a, 0x202f), *range(0x2066, 0x206a)]}


def serve(feed_server, name: str, path: str | None = None,
          content_type: str = "application/rss+xml") -> str:
    return feed_server.add(path or "/" + name, FILES.joinpath(name).read_bytes(),
                           content_type=content_type)


def refreshed(context, url: str) -> dict[str, dict]:
    """The items of the feed at ``url`` after following and refreshing it, by title."""
    feed = context.feeds.add_feed(url)
    report = context.feeds.refresh(feed_ids=[feed["id"]])
    assert [outcome.status for outcome in report.feeds] == ["ok"], report.feeds[0].error
    return {item["title"]: item for item in context.items.list_items(feed_id=feed["id"])}


# -- JSON Feed --------------------------------------------------------------------------------

def test_a_json_feed_with_an_untitled_item_is_added_and_read(context, feed_server):
    url = serve(feed_server, "micro.json", content_type="application/feed+json")
    found = context.feeds.discover(url)  # was refused as "not a feed"
    assert found.kind == "feed" and found.checked
    items = refreshed(context, url)
    assert sorted(items) == ["", "Met titel"]
    assert items[""]["text"] == "Vandaag overleg over jeugdzorg."
    assert items[""]["link"] == "http://example.org/m1"
    assert items[""]["published"] == "2025-06-01T10:00:00Z"
    assert items["Met titel"]["html"] == "<p>Tweede</p>"


def test_json_feed_1_0_is_read_fully(context, feed_server):
    url = serve(feed_server, "jsonfeed10.json", path="/raad/feed.json",
                content_type="application/json")
    items = refreshed(context, url)
    assert sorted(items) == ["", "Alleen een titel", "Relatieve url"]
    agenda = items[""]  # content_text only: its text is text, not markup
    assert agenda["text"] == "Agenda <commissie> Ruimte op 3 juni."
    assert "&lt;commissie&gt;" in agenda["html"] and "<br" in agenda["html"]
    assert agenda["author"] == "Griffie"  # the feed's author (JSON Feed 1.0 'author')
    assert agenda["published"] == "2025-06-02T08:00:00Z"
    decision = context.items.list_items(query="besloot")[0]
    assert decision["author"] == "Woordvoerder"
    assert decision["link"] == "https://nieuws.example/raad"  # only an external_url
    assert decision["published"] == "2025-06-03T08:00:00Z"  # date_modified alone
    assert "script" not in decision["html"]
    assert 'href="' + feed_server.url("/besluiten/7") + '"' in decision["html"]
    assert items["Relatieve url"]["link"] == feed_server.url("/nieuws/3")


def test_a_json_document_that_is_no_feed_is_refused(context, feed_server):
    url = serve(feed_server, "notafeed.json", content_type="application/json")
    with pytest.raises(UsageError, match="not a feed"):
        context.feeds.discover(url)
    with pytest.raises(parsing.NotAFeedError):
        parsing.parse_feed(b'{"items": {"a": 1}}', datetime.now(UTC))
    with pytest.raises(parsing.NotAFeedError):
        parsing.parse_feed(b"[" * 100_000 + b"]" * 100_000, datetime.now(UTC))


# -- relative links ---------------------------------------------------------------------------

def test_relative_item_links_are_resolved_against_the_feed_address(context, feed_server):
    atom = refreshed(context, serve(feed_server, "relative.atom", path="/feeds/relative.atom",
                                    content_type="application/atom+xml"))
    entry = atom["Relatieve link"]
    assert entry["link"] == feed_server.url("/artikel/1")
    assert 'href="' + feed_server.url("/artikel/1") + '"' in entry["html"]
    item = refreshed(context, serve(feed_server, "relative.xml", path="/feeds/relative.xml"))
    assert item["Relatief RSS"]["link"] == feed_server.url("/nieuws/2")


def test_relative_links_follow_xml_base(context, feed_server):
    items = refreshed(context, serve(feed_server, "xmlbase.atom",
                                     content_type="application/atom+xml"))
    assert items["Eerste"]["link"] == "https://blog.example/weblog/2025/eerste"
    assert 'href="https://blog.example/over"' in items["Eerste"]["html"]
    assert 'href="#noot"' in items["Eerste"]["html"]  # a place in the text itself stays
    assert items["Tweede"]["link"] == "https://elders.example/abs"
    entries = refreshed(context, serve(feed_server, "entrybase.atom",
                                       content_type="application/atom+xml"))
    assert entries["A"]["link"] == "https://a.example/map/stuk"
    assert 'href="https://a.example/map/bijlage.pdf"' in entries["A"]["html"]
    assert entries["B"]["link"] == feed_server.url("/los")


def test_relative_links_are_resolved_whichever_parser_reads_the_feed(monkeypatch):
    body = FILES.joinpath("relative.xml").read_bytes()
    base = "https://www.gemeente.example/feeds/rss"
    fast = parsing.parse_feed(body, datetime.now(UTC), base_url=base)
    monkeypatch.setattr(parsing, "_try_fast", lambda *_args, **_kw: None)
    slow = parsing.parse_feed(body, datetime.now(UTC), base_url=base)
    assert [item.link for item in fast.items] == [item.link for item in slow.items] == [
        "https://www.gemeente.example/nieuws/2"]


# -- control characters -----------------------------------------------------------------------

def test_terminal_escapes_from_a_json_feed_never_reach_the_terminal(data_dir, feed_server):
    url = serve(feed_server, "esc.json", content_type="application/feed+json")
    cli = ("--data-dir", str(data_dir), "--lang", "en")
    assert run_cli(*cli, "feeds", "add", url).returncode == 0
    outputs = [run_cli(*cli, *command) for command in
               (["refresh"], ["items", "list"], ["feeds", "list"],
                ["items", "list", "--format", "json"])]
    for result in outputs:
        assert result.returncode == 0, result.stderr
        assert not CONTROL & set(result.stdout + result.stderr), result.stdout
    assert "Titel [2J]0;gehackt eindeRTL" in outputs[1].stdout
    assert "EscFeed" not in outputs[2].stdout and "Esc[31mFeed[0m" in outputs[2].stdout
    item = json.loads(outputs[3].stdout)[0]
    assert not CONTROL & set(item["title"] + item["html"] + item["text"] + item["feed"])


def test_control_characters_are_stripped_from_every_text_field(context, feed_server):
    items = refreshed(context, serve(feed_server, "controls.json",
                                     content_type="application/feed+json"))
    (item,) = items.values()
    assert item["title"] == "We’re ›2Jklaar"  # U+0092, U+009B: what they are in cp1252
    assert item["author"] == "Redactie[5m"
    assert item["link"] == "http://example.org/c1[2J"
    for field in ("title", "author", "link", "html", "text", "feed"):
        assert not CONTROL & set(item[field]), (field, item[field])
    assert item["text"] == "Tekst]0;titel met ›31m kleur"


def test_control_references_in_xml_are_stripped_on_the_fast_path_too(context, feed_server):
    body = FILES.joinpath("controls_wellformed.xml").read_bytes()
    assert parsing._try_fast(body, datetime.now(UTC)) is not None  # the hot path is tested
    items = refreshed(context, serve(feed_server, "controls_wellformed.xml"))
    assert sorted(items) == ["Gewoon bericht", "Titel ›2J wis"]
    for item in items.values():
        for field in ("title", "author", "link", "html", "text", "feed"):
            assert not CONTROL & set(item[field]), (field, item[field])
    assert items["Titel ›2J wis"]["text"] == "Tekst ]0;titel en ›31m"
    assert items["Gewoon bericht"]["text"] == "Tekst [31m rood"
    assert items["Gewoon bericht"]["author"] == "Redactie tcaR"


def test_xml_made_ill_formed_by_control_characters_keeps_its_markup(context, feed_server):
    """XML forbids "&#x1b;": the fast parser's repair then dropped the escaped HTML's tags
    ("pTekst .../p"); such a feed is feedparser's."""
    body = FILES.joinpath("controls.xml").read_bytes()
    assert parsing._try_fast(body, datetime.now(UTC)) is None
    items = refreshed(context, serve(feed_server, "controls.xml"))
    assert sorted(items) == ["Gewoon bericht", "Titel [2J wis"]
    assert items["Titel [2J wis"]["html"] == "<p>Tekst ]0;titel en ›31m</p>"
    assert items["Gewoon bericht"]["text"] == "Tekst[31m rood"
    for item in items.values():
        for field in ("title", "author", "link", "html", "text", "feed"):
            assert not CONTROL & set(item[field]), (field, item[field])


# -- dates ------------------------------------------------------------------------------------

def test_central_european_zones_mean_the_same_to_both_parsers(monkeypatch):
    body = FILES.joinpath("zones.xml").read_bytes()
    expected = ["2025-06-02T08:00:00Z", "2025-01-13T09:00:00Z", "2025-06-03T08:00:00Z",
                "2025-01-14T09:00:00Z"]
    now = datetime.now(UTC)
    assert [item.published for item in parsing.parse_feed(body, now).items] == expected
    monkeypatch.setattr(parsing, "_try_fast", lambda *_args, **_kw: None)
    assert [item.published for item in parsing.parse_feed(body, now).items] == expected


def test_a_date_in_the_future_is_capped_at_the_fetch(context, feed_server):
    before = datetime.now(UTC).replace(microsecond=0)
    items = refreshed(context, serve(feed_server, "future.xml"))
    after = datetime.now(UTC) + timedelta(seconds=1)
    published = datetime.fromisoformat(items["Uit de toekomst"]["published"])
    assert before <= published <= after


# -- titles -----------------------------------------------------------------------------------

def test_a_title_is_text_markup_goes_but_no_words(context, feed_server):
    items = refreshed(context, serve(feed_server, "titles.xml"))
    assert sorted(items) == sorted([
        "Het <script>-element uitgelegd",
        "Nieuw: het plan voor 2026",
        "Als a < b en c > d, dan & zo",
        "alert(1)Hallo",
        "Regel en nog een regel",
    ])
    feeds = context.feeds.list_feeds()
    assert feeds[0]["title"] == "Uitleg & achtergrond"
