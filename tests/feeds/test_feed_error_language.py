"""A feed's last error is read in the interface language of whoever reads it, not in the
language of the refresh that stored it (QA s5 #2): refresh in one language, list in the other.

The feeds fail for real against a loopback server (HTTP 500 and 503) and a closed port.
"""

from __future__ import annotations

import json

import pytest

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.i18n import gettext_in
from tests.helpers import run_cli

CLOSED = "http://127.0.0.1:9/feed.xml"  # discard port: connection refused
#: The English words of each failure and their parameters.
FAILURES = {
    "/error.xml": ("The server answered with an error (HTTP {status}).", {"status": 500}),
    "/busy.xml": ("The server is busy (HTTP {status}); it will be tried again later.",
                  {"status": 503}),
    CLOSED: ("The server refused the connection.", {}),
}


def worded(language: str) -> dict[str, str]:
    return {where: gettext_in(language, words).format(**params)
            for where, (words, params) in FAILURES.items()}


@pytest.fixture
def data_dir_with_failing_feeds(data_dir, feed_server):
    context = create_app_context(data_dir, "en")
    feed_server.add("/error.xml", b"kapot", status=500, content_type="text/plain")
    feed_server.add("/busy.xml", b"druk", status=503, content_type="text/plain")
    for where in FAILURES:
        context.feeds.add_feed(feed_server.url(where) if where.startswith("/") else where)
    context.close()
    return str(data_dir)


def errors_listed(data_dir: str, language: str) -> tuple[list[str], str]:
    """The errors of ``feeds list --format json`` and the text of ``feeds list``."""
    listed = run_cli("--data-dir", data_dir, "--lang", language, "feeds", "list",
                     "--format", "json")
    text = run_cli("--data-dir", data_dir, "--lang", language, "feeds", "list")
    assert listed.returncode == 0 and text.returncode == 0, listed.stderr + text.stderr
    return sorted(feed["error"] for feed in json.loads(listed.stdout)), text.stdout


@pytest.mark.parametrize(("refreshed_in", "read_in"), [("en", "nl"), ("nl", "en")])
def test_errors_are_listed_in_the_language_of_the_list(data_dir_with_failing_feeds,
                                                       refreshed_in, read_in):
    data_dir = data_dir_with_failing_feeds
    refreshed = run_cli("--data-dir", data_dir, "--lang", refreshed_in, "refresh",
                        "--format", "json")
    assert refreshed.returncode == 0, refreshed.stderr
    # The refresh itself speaks its own language; its "error" stays a string.
    assert sorted(feed["error"] for feed in json.loads(refreshed.stdout)["feeds"]) == \
        sorted(worded(refreshed_in).values())

    errors, text = errors_listed(data_dir, read_in)
    assert errors == sorted(worded(read_in).values())
    for words in worded(read_in).values():
        assert words in text
    for words in worded(refreshed_in).values():
        assert words not in text


def test_errors_stored_as_words_by_an_earlier_version_are_shown_in_the_language_of_now(
        data_dir_with_failing_feeds):
    data_dir = data_dir_with_failing_feeds
    context = create_app_context(data_dir, "en")
    socks = ("The SOCKS proxy {proxy} could not be reached: is the proxy (or the ssh tunnel) "
             "running, and is its address right?")
    earlier = {
        CLOSED: gettext_in("nl", socks).format(proxy="127.0.0.1:1"),  # Dutch, with a parameter
        "/busy.xml": "The server is busy (HTTP 429); it will be tried again later.",
        "/error.xml": "Iets wat deze versie niet kent.",  # unknown: shown as it is
    }
    db = context.store.db
    for where, words in earlier.items():
        db.execute("UPDATE feeds SET last_status = 'error', last_error = ? WHERE url LIKE ?",
                   [words, f"%{where}" if where.startswith("/") else where])
    db.conn.commit()
    context.close()

    errors, _text = errors_listed(data_dir, "en")
    assert errors == sorted([socks.format(proxy="127.0.0.1:1"),
                             "The server is busy (HTTP 429); it will be tried again later.",
                             "Iets wat deze versie niet kent."])
    errors, _text = errors_listed(data_dir, "nl")
    assert gettext_in("nl", "The server is busy (HTTP {status}); it will be tried again "
                            "later.").format(status=429) in errors
