"""The feeds, topics, refresh and items commands, run as a user would, against loopback feeds."""

from __future__ import annotations

import html
import json
import socket

import pytest

from tests.feeds.feed_server import AUTH_PASSWORD, AUTH_USER, rss
from tests.helpers import run_cli

ITEMS = [
    {"title": "Financiële steun voor de zorg", "link": "https://example.org/1", "guid": "a1",
     "description": html.escape("<p>Dit is een heel goed en mooi plan voor de zorg.</p>"),
     "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"},
    {"title": "Roads closed", "link": "https://example.org/2",
     "description": "This is a terrible and awful decision for the city.",
     "pubDate": "Tue, 07 Sep 2021 08:00:00 +0000"},
]


def cli(data_dir, *args, **kwargs):
    return run_cli("--data-dir", str(data_dir), "--lang", "en", *args, **kwargs)


def test_add_refresh_list_search_as_json(data_dir, feed_server):
    url = feed_server.add("/a.xml", rss("Gemeente", ITEMS))
    followed_now = cli(data_dir, "feeds", "add", url, "--title", "Mijn gemeente")
    assert followed_now.returncode == 0 and followed_now.stderr == ""  # checked: no note
    added = cli(data_dir, "topics", "add", "Zorg", "--query", "financiele OR zorg*")
    assert added.returncode == 0, added.stderr
    assert "0 items match" in added.stdout  # before the refresh: nothing fetched yet
    result = cli(data_dir, "refresh", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["new_items"] == 2
    assert report["matched"] == {"Zorg": 1}
    assert report["feeds"] == [{"url": url, "title": "Mijn gemeente", "status": "ok",
                                "new_items": 2, "error": None}]
    again = json.loads(cli(data_dir, "refresh", "--format", "json").stdout)
    assert again["feeds"][0]["status"] == "not_modified"

    items = json.loads(cli(data_dir, "items", "list", "--format", "json").stdout)
    assert [item["title"] for item in items] == ["Roads closed", "Financiële steun voor de zorg"]
    expected_keys = {"id", "feed", "title", "link", "published", "topics", "lang", "polarity",
                     "subjectivity", "sentiment", "read", "starred", "needs_response", "html",
                     "text"}
    assert expected_keys <= set(items[0])
    english, dutch = items
    assert (english["lang"], english["sentiment"]) == ("en", "negative")
    assert (dutch["lang"], dutch["sentiment"]) == ("nl", "positive")
    assert dutch["topics"] == ["Zorg"] and english["topics"] == []
    assert dutch["read"] is False and dutch["published"] == "2021-09-06T16:45:00Z"

    topic_items = json.loads(cli(data_dir, "items", "list", "--topic", "Zorg", "--unread",
                                 "--format", "json").stdout)
    assert [item["id"] for item in topic_items] == [dutch["id"]]
    found = json.loads(cli(data_dir, "items", "search", "financiele", "--format",
                           "json").stdout)
    assert [item["id"] for item in found] == [dutch["id"]]
    limited = json.loads(cli(data_dir, "items", "list", "--limit", "1", "--format",
                             "json").stdout)
    assert len(limited) == 1
    for huge in ("9223372036854775808", "99999999999999999999999"):  # beyond SQLite's LIMIT
        for command in (["items", "list"], ["items", "search", "zorg OR roads"]):
            everything = cli(data_dir, *command, "--limit", huge, "--format", "json")
            assert everything.returncode == 0, everything.stderr
            assert len(json.loads(everything.stdout)) == 2

    topics = json.loads(cli(data_dir, "topics", "list", "--format", "json").stdout)
    assert topics[0]["name"] == "Zorg" and topics[0]["unread"] == 1
    feeds = json.loads(cli(data_dir, "feeds", "list", "--format", "json").stdout)
    assert feeds[0]["items"] == 2 and feeds[0]["status"] == "not_modified"
    assert feeds[0]["last_success"]

    assert cli(data_dir, "feeds", "remove", url).returncode == 0
    assert json.loads(cli(data_dir, "items", "list", "--format", "json").stdout) == []
    assert cli(data_dir, "topics", "remove", "Zorg").returncode == 0


def test_refresh_exits_0_when_feeds_fail(data_dir, feed_server):
    url = feed_server.add("/missing.xml", rss("Weg", ITEMS))
    assert cli(data_dir, "feeds", "add", url).returncode == 0
    del feed_server.routes["/missing.xml"]  # gone after it was added: now a 404
    result = cli(data_dir, "refresh", "--format", "json")
    assert result.returncode == 0
    outcome = json.loads(result.stdout)["feeds"][0]
    assert outcome["status"] == "error" and "404" in outcome["error"]


def test_bad_input_exits_2_with_one_line(data_dir, feed_server):
    for args in (("feeds", "add", "ftp://example.org/feed"), ("feeds", "add", "not a url"),
                 ("feeds", "add", "file:///etc/passwd"), ("feeds", "remove", "42"),
                 ("topics", "add", "X", "--query", "(zorg"), ("topics", "remove", "nope"),
                 ("items", "search", '"open'), ("items", "list", "--topic", "nope")):
        result = cli(data_dir, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    error = cli(data_dir, "topics", "add", "X", "--query", "zorg OR").stderr
    assert "character 6" in error


def test_html_page_discovery(data_dir, feed_server):
    feed = feed_server.add("/feed.xml", rss("Echt", ITEMS))
    page = feed_server.add("/index.html", '<html><head><link rel="alternate" '
                           'type="application/rss+xml" href="/feed.xml"></head></html>',
                           content_type="text/html")
    result = cli(data_dir, "feeds", "add", page)
    assert result.returncode == 0, result.stderr
    feeds = json.loads(cli(data_dir, "feeds", "list", "--format", "json").stdout)
    assert [f["url"] for f in feeds] == [feed]
    two = feed_server.add("/two.html", '<html><head>'
                          '<link rel="alternate" type="application/rss+xml" href="/a.xml">'
                          '<link rel="alternate" type="application/atom+xml" href="/b.xml">'
                          '</head></html>', content_type="text/html")
    result = cli(data_dir, "feeds", "add", two)
    assert result.returncode == 2 and "/a.xml" in result.stderr and "/b.xml" in result.stderr


def test_password_without_keyring_is_refused(data_dir, feed_server):
    url = feed_server.add("/intranet.xml", rss("Intranet", ITEMS), auth=True)
    result = cli(data_dir, "feeds", "add", url, "--user", AUTH_USER, "--password-stdin",
                 input_text=AUTH_PASSWORD + "\n")
    assert result.returncode == 2 and "keyring" in result.stderr
    assert json.loads(cli(data_dir, "feeds", "list", "--format", "json").stdout) == []
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert AUTH_PASSWORD.encode() not in path.read_bytes()


def test_opml_round_trip_with_nested_outlines(data_dir, tmp_path):
    source = tmp_path / "in.opml"
    source.write_text(
        '<?xml version="1.0"?><opml version="1.0"><head><title>x</title></head><body>'
        '<outline text="Nieuws"><outline text="Overheid">'
        '<outline type="rss" text="Rijksoverheid" xmlUrl="https://www.rijksoverheid.nl/rss"/>'
        '</outline></outline>'
        '<outline type="rss" title="Blog" xmlUrl="http://blog.example.org/feed"/>'
        '<outline type="rss" text="Geen web" xmlUrl="gopher://x"/>'
        "</body></opml>", encoding="utf-8")
    result = cli(data_dir, "feeds", "import", str(source))
    assert result.returncode == 0, result.stderr
    feeds = json.loads(cli(data_dir, "feeds", "list", "--format", "json").stdout)
    assert {(f["url"], f["title"], f["category"]) for f in feeds} == {
        ("https://www.rijksoverheid.nl/rss", "Rijksoverheid", "Nieuws/Overheid"),
        ("http://blog.example.org/feed", "Blog", "")}
    target = tmp_path / "out.opml"
    assert cli(data_dir, "feeds", "export", str(target)).returncode == 0
    other = tmp_path / "other"
    other.mkdir()
    assert cli(other, "feeds", "import", str(target)).returncode == 0
    again = json.loads(cli(other, "feeds", "list", "--format", "json").stdout)
    assert {(f["url"], f["category"]) for f in again} == {(f["url"], f["category"])
                                                          for f in feeds}
    broken = tmp_path / "broken.opml"
    broken.write_text("<opml><body>", encoding="utf-8")
    assert cli(data_dir, "feeds", "import", str(broken)).returncode == 2


def test_a_password_in_the_address_is_never_stored(data_dir, feed_server, tmp_path):
    url = feed_server.add("/intranet.xml", rss("Intranet", ITEMS))
    with_password = url.replace("http://", f"http://{AUTH_USER}:{AUTH_PASSWORD}@")
    added = cli(data_dir, "feeds", "add", with_password)
    assert added.returncode == 2
    assert AUTH_PASSWORD not in added.stderr and "--user" in added.stderr
    opml = tmp_path / "in.opml"
    opml.write_text('<?xml version="1.0"?><opml version="1.0"><head><title>x</title></head>'
                    f'<body><outline text="Intranet" type="rss" xmlUrl="{with_password}"/>'
                    '</body></opml>', encoding="utf-8")
    imported = cli(data_dir, "feeds", "import", str(opml))
    assert imported.returncode in (0, 1), imported.stderr
    assert AUTH_PASSWORD not in imported.stdout + imported.stderr
    assert json.loads(cli(data_dir, "feeds", "list", "--format", "json").stdout) == []
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert AUTH_PASSWORD.encode() not in path.read_bytes()


def test_text_output_speaks_dutch(data_dir, feed_server):
    url = feed_server.add("/nl.xml", rss("Gemeente", ITEMS))
    assert cli(data_dir, "feeds", "add", url).returncode == 0
    assert cli(data_dir, "refresh").returncode == 0
    one = run_cli("--data-dir", str(data_dir), "--lang", "nl", "topics", "add", "Steun",
                  "--query", "financiele")
    assert "1 bericht past erbij" in one.stdout
    assert cli(data_dir, "refresh").returncode == 0  # the second answer is "not modified"
    dutch = ("--data-dir", str(data_dir), "--lang", "nl")
    feeds = run_cli(*dutch, "feeds", "list")
    assert "ongewijzigd" in feeds.stdout and "not_modified" not in feeds.stdout
    items = run_cli(*dutch, "items", "list")
    assert "positief" in items.stdout and "negatief" in items.stdout
    assert "positive" not in items.stdout and "negative" not in items.stdout
    # JSON keeps the machine words scripts rely on.
    assert json.loads(run_cli(*dutch, "feeds", "list", "--format", "json").stdout)[0][
        "status"] == "not_modified"


def test_rename_says_what_happened_and_an_empty_title_brings_the_feeds_own_back(
        data_dir, feed_server):
    url = feed_server.add("/r.xml", rss("Gemeente Voorbeeld", ITEMS))
    assert cli(data_dir, "feeds", "add", url, "--title", "Mijn titel").returncode == 0
    dutch = ("--data-dir", str(data_dir), "--lang", "nl")
    renamed = run_cli(*dutch, "feeds", "rename", url, "Afval")
    assert renamed.returncode == 0 and "heet nu 'Afval'" in renamed.stdout
    cleared = run_cli(*dutch, "feeds", "rename", url, "")
    assert cleared.returncode == 0 and "geen eigen titel" in cleared.stdout
    assert cli(data_dir, "refresh").returncode == 0
    feeds = json.loads(cli(data_dir, "feeds", "list", "--format", "json").stdout)
    assert feeds[0]["title"] == "Gemeente Voorbeeld"


# Two documents of feedparser's test corpus (illformed/), which a refresh cannot read either.
ILLFORMED = '<!--\nDescription: illformed XML\nExpect:      bozo\n-->\n<rss version="2.0">\n</rss'
EMPTY_DOCUMENT = "<!--\nDescription: Empty document should be a bozo \nExpect:      bozo\n-->"


def followed(data_dir) -> list[str]:
    return [f["url"] for f in json.loads(cli(data_dir, "feeds", "list", "--format",
                                             "json").stdout)]


BINARY = bytes(range(256)) * 64

#: Answers that rule an address out: (path, route, the reason a refresh gives for it).
NO_FEED = {
    "404": ("/nothing-here.xml", None, "The feed was not found (HTTP 404)."),
    "410": ("/gone.xml", {"body": "gone", "status": 410, "content_type": "text/plain"},
            "The feed no longer exists (HTTP 410 Gone)"),
    "redirect-to-file": ("/to-file.xml", {"status": 302,
                                          "headers": {"Location": "file:///etc/passwd"}},
                         "redirects to an address that is not http or https"),
    "binary": ("/archive.bin", {"body": BINARY, "content_type": "application/octet-stream"},
               "The answer is not a feed that can be read."),
    "over-10-MB": ("/huge.bin", {"body": BINARY * 700,
                                 "content_type": "application/octet-stream"},
                   "The feed is larger than 10 MB"),
    "401-login-needed": ("/login.xml", {"body": rss("Intra", ITEMS), "auth": True},
                         "Access denied (HTTP 401)"),
}


@pytest.mark.parametrize("case", NO_FEED)
def test_add_refuses_what_the_server_says_is_no_feed(data_dir, feed_server, case):
    """Exit 2, one line naming the reason in a refresh's words, and nothing stored."""
    path, route, reason = NO_FEED[case]
    url = feed_server.add(path, **route) if route else feed_server.url(path)
    result = cli(data_dir, "feeds", "add", url)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0] and url in lines[0], result.stderr
    assert followed(data_dir) == []


@pytest.mark.parametrize("name", ["aaa_illformed.xml", "rss_empty_document.xml"])
def test_add_refuses_an_ill_formed_or_empty_document(data_dir, feed_server, name):
    body = {"aaa_illformed.xml": ILLFORMED, "rss_empty_document.xml": EMPTY_DOCUMENT}[name]
    url = feed_server.add("/" + name, body, content_type="application/xml")
    result = cli(data_dir, "feeds", "add", url)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == (f"ambtenaar20: {url} was not added: The answer is not a "
                                     "feed that can be read.")
    assert followed(data_dir) == []
    # The words are the ones a refresh gives for the same document.
    assert cli(data_dir, "feeds", "add", feed_server.add("/later.xml", rss("X", ITEMS))
               ).returncode == 0
    feed_server.add("/later.xml", body, content_type="application/xml")
    report = json.loads(cli(data_dir, "refresh", "--format", "json").stdout)
    assert report["feeds"][0]["error"] == "The answer is not a feed that can be read."


def _closed_port_url() -> str:
    """An address on a port nobody listens on: connection refused, as good as offline."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/feed.xml"


#: Problems that may pass: (how to get the address, the reason the note must name).
NOT_NOW = {
    "503": (lambda server: server.add("/busy.xml", "busy", status=503,
                                      content_type="text/plain"), "HTTP 503"),
    "redirect-loop": (lambda server: server.add("/loop.xml", status=302,
                                                headers={"Location": "/loop.xml"}),
                      "redirects more than 5 times"),
    "connection-refused": (lambda _server: _closed_port_url(), "refused the connection"),
}


@pytest.mark.parametrize("case", NOT_NOW)
def test_add_follows_what_could_not_be_checked_now_and_says_why(data_dir, feed_server, case):
    make, reason = NOT_NOW[case]
    url = make(feed_server)
    result = cli(data_dir, "feeds", "add", url)
    assert result.returncode == 0, result.stderr
    note = result.stderr.strip()
    assert note.startswith(f"Note: {url} could not be checked now: "), note
    assert reason in note and note.endswith("fetched at the next refresh."), note
    assert followed(data_dir) == [url]



def _page_announcing(server, *feeds: str, path: str = "/announces.html") -> str:
    """A web page that announces ``feeds`` the usual way; its address."""
    links = "".join(f'<link rel="alternate" type="application/rss+xml" href="{feed}">'
                    for feed in feeds)
    return server.add(path, f"<html><head>{links}</head><body>Nieuws</body></html>",
                      content_type="text/html; charset=utf-8")


@pytest.mark.parametrize("case", NO_FEED)
def test_add_refuses_a_page_whose_one_feed_the_server_says_is_no_feed(data_dir, feed_server,
                                                                      case):
    """The feed a page announces is checked as if it had been given: exit 2, one line that
    names the page, the announced address and the reason in a refresh's words; nothing
    stored."""
    path, route, reason = NO_FEED[case]
    url = feed_server.add(path, **route) if route else feed_server.url(path)
    page = _page_announcing(feed_server, url)
    result = cli(data_dir, "feeds", "add", page)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0], result.stderr
    assert lines[0].startswith(f"ambtenaar20: The web page {page} announces the feed {url}, "
                               "which was not added: "), result.stderr
    assert followed(data_dir) == []


@pytest.mark.parametrize("body", [ILLFORMED, EMPTY_DOCUMENT, "<html><body>Nieuws</body></html>"])
def test_add_refuses_a_page_whose_one_feed_cannot_be_read(data_dir, feed_server, body):
    """Also an announced address that shows a web page itself: a refresh cannot read it."""
    kind = "text/html" if body.startswith("<html") else "application/xml"
    url = feed_server.add("/announced.xml", body, content_type=kind)
    page = _page_announcing(feed_server, "/announced.xml")
    result = cli(data_dir, "feeds", "add", page)
    assert result.returncode == 2, result.stderr
    reason = ("The address shows a web page, not a feed." if kind == "text/html"
              else "The answer is not a feed that can be read.")
    assert result.stderr.strip() == (f"ambtenaar20: The web page {page} announces the feed "
                                     f"{url}, which was not added: {reason}")
    assert followed(data_dir) == []


@pytest.mark.parametrize("case", NOT_NOW)
def test_add_follows_a_pages_one_feed_that_could_not_be_checked_now(data_dir, feed_server,
                                                                    case):
    make, reason = NOT_NOW[case]
    url = make(feed_server)
    page = _page_announcing(feed_server, url)
    result = cli(data_dir, "feeds", "add", page)
    assert result.returncode == 0, result.stderr
    announced, note = result.stderr.strip().splitlines()
    assert announced == f"The web page announces the feed {url}; following that."
    assert note.startswith(f"Note: {url} could not be checked now: "), note
    assert reason in note and note.endswith("fetched at the next refresh."), note
    assert followed(data_dir) == [url]


def test_add_follows_a_pages_one_feed_after_reading_it(data_dir, feed_server):
    url = feed_server.add("/echt.xml", rss("Echt", ITEMS))
    page = _page_announcing(feed_server, "/echt.xml")
    result = cli(data_dir, "feeds", "add", page)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"The web page announces the feed {url}; following that."
    assert followed(data_dir) == [url]
    assert len(feed_server.hits("/echt.xml")) == 1  # it was looked at before it was followed


def test_a_page_with_several_feeds_is_listed_and_each_checked_when_added(data_dir,
                                                                        feed_server):
    """Nothing is followed from a page with several feeds; the one then added is checked
    as any address given."""
    good = feed_server.add("/goed.xml", rss("Goed", ITEMS))
    missing = feed_server.url("/weg.xml")
    page = _page_announcing(feed_server, good, missing)
    result = cli(data_dir, "feeds", "add", page)
    assert result.returncode == 2 and good in result.stderr and missing in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert followed(data_dir) == []
    assert cli(data_dir, "feeds", "add", missing).stderr.strip() == (
        f"ambtenaar20: {missing} was not added: The feed was not found (HTTP 404).")
    assert cli(data_dir, "feeds", "add", good).returncode == 0
    assert followed(data_dir) == [good]


@pytest.mark.parametrize(("name", "feed"), [
    ("#zorg@mastodon.social", "https://mastodon.social/tags/zorg.rss"),
    ("@gemeente@Social.Example.nl", "https://social.example.nl/@gemeente.rss"),
])
def test_a_mastodon_name_is_refused_with_the_feed_address_to_use(data_dir, name, feed):
    result = cli(data_dir, "feeds", "add", name)
    assert result.returncode == 2
    assert feed in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert json.loads(cli(data_dir, "feeds", "list", "--format", "json").stdout) == []


def test_the_feeds_own_title_comes_back_even_when_the_server_answers_not_modified(
        data_dir, feed_server):
    url = feed_server.add("/own.xml", rss("Gemeente Voorbeeld", ITEMS))
    assert cli(data_dir, "feeds", "add", url, "--title", "Mijn titel").returncode == 0
    assert cli(data_dir, "refresh").returncode == 0  # the server's validators are stored now
    assert cli(data_dir, "feeds", "rename", url, "").returncode == 0
    refreshed = json.loads(cli(data_dir, "refresh", "--format", "json").stdout)
    assert refreshed["feeds"][0]["status"] == "ok"  # asked in full, not "304 Not Modified"
    feeds = json.loads(cli(data_dir, "feeds", "list", "--format", "json").stdout)
    assert feeds[0]["title"] == "Gemeente Voorbeeld"
