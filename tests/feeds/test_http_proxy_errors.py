"""An http proxy that does not answer is named, with where it is set; not "the server".

Through an http proxy the app only ever connects to the proxy: a refused connection or a name
not found is then the proxy's, and the officer has to look at the proxy setting, not the feed.
"""

from __future__ import annotations

import socket

import pytest

from tests.feeds.feed_server import rss
from tests.helpers import run_cli

ITEMS = [{"title": "Raadsvergadering", "link": "https://example.org/1", "guid": "r1"}]
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy",
                   "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture(autouse=True)
def _no_proxy_from_the_tester(monkeypatch):
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def refreshed_error(context, feed_server) -> str:
    url = feed_server.add("/raad.xml", rss("Gemeente", ITEMS))
    context.feeds.add_feed(url)
    [outcome] = context.feeds.refresh().feeds
    assert outcome.status == "error"
    return str(outcome.error)


def test_a_proxy_in_the_settings_that_refuses_is_named(context, feed_server):
    port = closed_port()
    context.settings.feeds.proxy = f"http://127.0.0.1:{port}"
    assert refreshed_error(context, feed_server).startswith(
        f"The proxy 127.0.0.1:{port} (feeds.proxy) could not be reached")
    assert not feed_server.hits("/raad.xml")


def test_a_proxy_from_the_environment_is_named_by_its_variable(context, feed_server,
                                                               monkeypatch):
    port = closed_port()
    monkeypatch.setenv("HTTP_PROXY", f"http://user:geheim@127.0.0.1:{port}")
    error = refreshed_error(context, feed_server)
    assert error.startswith(f"The proxy 127.0.0.1:{port} (HTTP_PROXY) could not be reached")
    assert "geheim" not in error


def test_a_proxy_name_that_is_not_found_is_the_proxys(context, feed_server):
    context.settings.feeds.proxy = "http://proxy.invalid:8080"
    assert refreshed_error(context, feed_server).startswith(
        "The name of the proxy proxy.invalid:8080 (feeds.proxy) could not be found (DNS).")


def test_a_server_outside_the_proxy_is_the_server_again(context, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{closed_port()}")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    context.feeds.add_feed(f"http://127.0.0.1:{closed_port()}/raad.xml")
    [outcome] = context.feeds.refresh().feeds
    assert str(outcome.error) == "The server refused the connection."


def test_adding_a_feed_through_a_dead_proxy_says_so(data_dir, feed_server, monkeypatch):
    url = feed_server.add("/raad.xml", rss("Gemeente", ITEMS))
    port = closed_port()
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{port}")
    result = run_cli("--data-dir", str(data_dir), "feeds", "add", url)
    assert f"De proxy 127.0.0.1:{port} (HTTP_PROXY) is niet bereikbaar" in \
        result.stdout + result.stderr
    assert "Traceback" not in result.stderr
