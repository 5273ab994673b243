"""A refresh that nothing one feed does can stop, and a login that stays where it was given.

Over real loopback HTTP: malformed stored addresses, redirects to other kinds of address or
that move a feed for good, a time limit over all redirects together, credentials and other
origins, and failure reasons in plain words.
"""

from __future__ import annotations

import time

import pytest

from ambtenaar20.core import i18n
from ambtenaar20.core.feeds import fetcher
from tests.feeds.feed_server import AUTH_PASSWORD, AUTH_USER, rss

ITEMS = [{"title": "Nieuws over de zorg", "link": "https://example.org/1", "guid": "z1",
          "description": "Goed nieuws"}]

#: Addresses an older version could store, which the resolver or httpx cannot take.
MALFORMED = ["https://www..rijksoverheid.nl/rss", "http://127.0.0.1:99999/rss",
             "https://host:8o8o/rss", "http://[v1.x]/", "http://exa mple.org/rss"]


def by_url(report):
    return {outcome.url: outcome for outcome in report.feeds}




def _store_as_an_older_version_did(context, url: str) -> None:
    context.store.db.execute("INSERT INTO feeds (url, title, category, added) "
                             "VALUES (?, '', '', '2024-01-01T00:00:00Z')", [url])


def test_a_stored_malformed_address_is_that_feeds_error_and_the_others_are_fetched(
        context, feed_server):
    good = feed_server.add("/goed.xml", rss("Goed", ITEMS))
    context.feeds.add_feed(good)
    for url in MALFORMED:
        _store_as_an_older_version_did(context, url)
    outcomes = by_url(context.feeds.refresh())
    assert outcomes[good].status == "ok" and outcomes[good].new_items == 1
    for url in MALFORMED:
        assert outcomes[url].status == "error", url
        assert outcomes[url].error == "The address is not a valid web address.", url


def test_an_unexpected_failure_in_one_feed_becomes_that_feeds_error(context, feed_server,
                                                                     monkeypatch):
    good = feed_server.add("/goed.xml", rss("Goed", ITEMS))
    broken = feed_server.add("/stuk.xml", rss("Stuk", ITEMS))
    for url in (good, broken):
        context.feeds.add_feed(url)
    real = fetcher.fetch

    def failing(client, url, **kwargs):
        if url == broken:
            raise RuntimeError("a bug in one feed's fetch")
        return real(client, url, **kwargs)

    monkeypatch.setattr(fetcher, "fetch", failing)
    outcomes = by_url(context.feeds.refresh())
    assert outcomes[good].status == "ok"
    assert outcomes[broken].status == "error"
    assert outcomes[broken].error.startswith("The feed could not be fetched because of an "
                                             "unexpected error")
    assert "RuntimeError" not in outcomes[broken].error


@pytest.mark.parametrize("location", ["javascript:alert(1)", "mailto:pers@gemeente.nl",
                                      "data:text/plain,hallo", "about:blank"])
def test_a_redirect_to_another_kind_of_address_is_refused(context, feed_server, location):
    url = feed_server.add("/weg.xml", status=302, headers={"Location": location})
    context.feeds.add_feed(url)
    outcome = by_url(context.feeds.refresh())[url]
    assert outcome.status == "error"
    assert outcome.error == ("The feed redirects to an address that is not http or https; it "
                             "was not followed.")


def test_a_redirect_to_a_malformed_address_says_the_address_is_invalid(context, feed_server):
    url = feed_server.add("/poort.xml", status=302,
                          headers={"Location": "http://127.0.0.1:99999/rss"})
    context.feeds.add_feed(url)
    outcome = by_url(context.feeds.refresh())[url]
    assert outcome.error == ("The feed redirects to an address that is not valid; it was not "
                             "followed.")


def test_the_total_time_out_covers_all_redirects_together(feed_server):
    # Each hop answers within the time-out; together they take four times as long. The fetch
    # gives up when the time-out has passed, not after every hop has had its own.
    target = feed_server.add("/laat.xml", rss("Laat", ITEMS), delay=1.0)
    for hop in range(5):
        following = f"/stap{hop + 1}" if hop < 4 else target
        feed_server.add(f"/stap{hop}", status=302, headers={"Location": following}, delay=1.0)
    first = feed_server.url("/stap0")
    options = fetcher.FetchOptions(connect_timeout=1.0, total_timeout=1.5)
    with fetcher.make_client(options) as client:
        started = time.monotonic()
        result = fetcher.fetch(client, first, options=options)
        took = time.monotonic() - started
    assert result.status == "error" and "time-out" in result.error
    assert took < 4.0, f"gave up after {took:.1f} s, not after the 1.5 s time-out"
    assert feed_server.hits("/laat.xml") == []


def test_a_permanent_redirect_updates_the_stored_address(context, feed_server):
    moved = feed_server.add("/nieuw.xml", rss("Verhuisd", ITEMS))
    old = feed_server.add("/oud.xml", status=301, headers={"Location": "/nieuw.xml"})
    elsewhere = feed_server.add("/tijdelijk-doel.xml", rss("Tijdelijk", ITEMS))
    temporary = feed_server.add("/tijdelijk.xml", status=302,
                                headers={"Location": "/tijdelijk-doel.xml"})
    for url in (old, temporary):
        context.feeds.add_feed(url)
    outcomes = by_url(context.feeds.refresh())
    assert outcomes[moved].status == "ok"  # reported under the address it has now
    assert outcomes[temporary].status == "ok"
    # Only the permanent redirect moved its feed; the temporary one kept its address.
    assert {feed["url"] for feed in context.feeds.list_feeds()} == {temporary, moved}
    assert elsewhere != temporary
    # The next refresh asks the new address directly.
    before = len(feed_server.hits("/oud.xml"))
    context.feeds.refresh()
    assert len(feed_server.hits("/oud.xml")) == before


def test_a_permanent_redirect_moves_the_password_only_within_its_origin(
        context, feed_server, other_server, memory_keyring):
    same = feed_server.add("/intranet-nieuw.xml", rss("Intranet", ITEMS), auth=True)
    old_same = feed_server.add("/intranet.xml", status=308,
                               headers={"Location": "/intranet-nieuw.xml"})
    away = other_server.add("/extern.xml", rss("Extern", ITEMS))
    old_away = feed_server.add("/naar-extern.xml", status=301, headers={"Location": away})
    for url in (old_same, old_away):
        context.feeds.add_feed(url, username=AUTH_USER, password=AUTH_PASSWORD)
    outcomes = by_url(context.feeds.refresh())
    assert outcomes[same].status == "ok"
    assert outcomes[old_away].status == "ok"
    followed = {feed["url"]: feed for feed in context.feeds.list_feeds()}
    # Same origin: the address and the password moved together.
    assert followed[same]["username"] == AUTH_USER
    assert ("ambtenaar20", f"feed:{same}") in memory_keyring.passwords
    assert ("ambtenaar20", f"feed:{old_same}") not in memory_keyring.passwords
    # Another origin: the login stays with the address it was given for.
    assert away not in followed and old_away in followed
    assert memory_keyring.passwords[("ambtenaar20", f"feed:{old_away}")] == AUTH_PASSWORD
    assert all("authorization" not in headers for headers in other_server.hits("/extern.xml"))


def test_a_login_for_a_page_is_not_sent_to_a_feed_it_announces_on_another_origin(
        context, feed_server, other_server):
    feed = other_server.add("/elders.xml", rss("Elders", ITEMS))
    page = feed_server.add("/pagina.html", f'<html><head><link rel="alternate" '
                           f'type="application/rss+xml" href="{feed}"></head></html>',
                           content_type="text/html", auth=True)
    found = context.feeds.discover(page, AUTH_USER, AUTH_PASSWORD)
    assert found.feeds == [(feed, "")] and found.without_login
    assert found.login_note(feed) == (f"The feed {feed} is on another address than the one the "
                                      "login was given for; it is followed without the login.")
    assert other_server.hits("/elders.xml") and all(
        "authorization" not in headers for headers in other_server.hits("/elders.xml"))
    assert "authorization" in feed_server.hits("/pagina.html")[-1]
    # Picked from several (the window's path): the same.
    picked = context.feeds.check_announced(page, feed, AUTH_USER, AUTH_PASSWORD)
    assert picked.without_login
    assert all("authorization" not in headers for headers in other_server.hits("/elders.xml"))
    # On the page's own origin the login is used.
    own = feed_server.add("/eigen.xml", rss("Eigen", ITEMS), auth=True)
    checked = context.feeds.check_announced(page, own, AUTH_USER, AUTH_PASSWORD)
    assert checked.checked and not checked.without_login


def test_a_feed_on_another_origin_that_wants_a_login_is_refused(context, feed_server,
                                                                other_server):
    from ambtenaar20.core.errors import UsageError

    feed = other_server.add("/besloten.xml", rss("Besloten", ITEMS), auth=True)
    page = feed_server.add("/pagina.html", f'<html><head><link rel="alternate" '
                           f'type="application/rss+xml" href="{feed}"></head></html>',
                           content_type="text/html")
    with pytest.raises(UsageError) as refused:
        context.feeds.discover(page, AUTH_USER, AUTH_PASSWORD)
    assert str(refused.value).startswith(f"The web page {page} announces the feed {feed}, which "
                                         "was not added: ")
    assert "login" in str(refused.value) and "\n" not in str(refused.value)
    assert all("authorization" not in headers for headers in other_server.hits("/besloten.xml"))


def test_failure_reasons_are_plain_sentences_and_the_detail_goes_to_the_log(
        context, feed_server, root_logger):
    import logging

    from ambtenaar20.core.logging_setup import configure_file_logging

    configure_file_logging(context.paths.log_file)
    plain = feed_server.add("/gewoon.xml", rss("Gewoon", ITEMS))
    secure = plain.replace("http://", "https://")
    packed = feed_server.add("/ingepakt.xml", b"this is not gzip",
                             headers={"Content-Encoding": "gzip"})
    for url in (secure, packed):
        context.feeds.add_feed(url)
    i18n.set_language("nl")
    outcomes = by_url(context.feeds.refresh())
    assert outcomes[secure].error == ("De beveiligde verbinding mislukte (TLS- of "
                                      "certificaatprobleem): de server biedt geen beveiligde "
                                      "verbinding die de app accepteert.")
    assert outcomes[packed].error == ("De server stuurde een ingepakt (gecomprimeerd) antwoord "
                                      "dat niet uit te pakken is.")
    for handler in root_logger.handlers:
        handler.flush()
    log = context.paths.log_file.read_text("utf-8")
    assert "incorrect header check" in log and "gewoon.xml" not in log
    assert logging.getLogger("ambtenaar20.core.feeds.fetcher").isEnabledFor(logging.INFO)
