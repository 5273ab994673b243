"""Finding the feed a web page announces: ``<base href>``, every feed type, one address once.

The pages and feeds are real files from ``files/``, served over loopback and looked at as
``feeds add`` looks at an address.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ambtenaar20.core.feeds import parsing

FILES = Path(__file__).parent / "files"
PAGE = "text/html; charset=utf-8"


@pytest.fixture
def site(feed_server):
    """The feeds the pages announce, where they announce them."""
    feed_server.add("/f/rss.xml", FILES.joinpath("rss.xml").read_bytes())
    feed_server.add("/f/feed.json", FILES.joinpath("feed.json").read_bytes(),
                    content_type="application/feed+json")
    return feed_server


def announced(context, site, page: str, path: str | None = None) -> list[tuple[str, str]]:
    url = site.add(path or "/" + page, FILES.joinpath(page).read_bytes(), content_type=PAGE)
    found = context.feeds.discover(url)
    assert found.kind == "page" and found.checked, found
    return found.feeds


def test_a_base_element_sets_the_address_the_feed_link_is_relative_to(context, site):
    assert announced(context, site, "pagebase.html", "/sub/pagebase.html") == [
        (site.url("/f/rss.xml"), "")]


def test_one_address_announced_twice_is_one_feed(context, site):
    assert announced(context, site, "page_dup.html") == [(site.url("/f/rss.xml"), "A")]


@pytest.mark.parametrize(("page", "feed"), [
    ("pagejson.html", "/f/feed.json"),        # application/feed+json
    ("page_rdf.html", "/f/rss.xml"),          # application/rdf+xml (RSS 1.0)
    ("page_ctxml.html", "/f/rss.xml"),        # text/xml
    ("page_typeparam.html", "/f/rss.xml"),    # application/rss+xml; charset=UTF-8
])
def test_every_kind_of_feed_is_recognised(context, site, page, feed):
    assert [url for url, _title in announced(context, site, page)] == [site.url(feed)]


def test_what_is_no_feed_is_not_announced():
    page = (b'<html><head><base href="javascript:alert(1)//">'
            b'<link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/7">'
            b'<link rel="alternate" type="text/html" hreflang="en" href="/en/">'
            b'<link rel="stylesheet" type="text/xml" href="/s.xml">'
            b'<link rel="alternate" type="application/atom+xml" href="atom.xml" title="Atom">'
            b'<link rel="alternate" type="application/rss+xml" title="Later" href="atom.xml">'
            b'</head></html>')
    assert parsing.discover_feed_links(page, "https://www.gemeente.example/nieuws/") == [
        ("https://www.gemeente.example/nieuws/atom.xml", "Atom")]
