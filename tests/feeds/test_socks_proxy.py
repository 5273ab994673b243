"""Feeds through a SOCKS5 proxy (an organisation's, or an ``ssh -D`` tunnel), over loopback.

A real SOCKS5 server (``socks_server``) relays to the loopback feed server and records every
CONNECT: a feed that arrives while the proxy saw its server's address came through the proxy.
"""

from __future__ import annotations

import json
import socket

import pytest

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.feeds.addresses import ProxyProblem, proxy_address
from tests.feeds.feed_server import rss
from tests.feeds.socks_server import SocksServer
from tests.helpers import run_cli

ITEMS = [{"title": "Raadsvergadering", "link": "https://example.org/1", "guid": "r1"},
         {"title": "Afvalkalender", "link": "https://example.org/2", "guid": "r2"}]

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy",
                   "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture(autouse=True)
def _no_proxy_from_the_tester(monkeypatch):
    """The tester's own proxy settings (or a NO_PROXY naming 127.0.0.1) stay out of it."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def socks():
    server = SocksServer().start()
    yield server
    server.stop()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _feed_port(feed_server) -> int:
    return feed_server.httpd.server_address[1]


def _refreshed_through(context, proxy: str, feed_server, paths=("/raad.xml",)):
    urls = [feed_server.add(path, rss("Gemeente", ITEMS)) for path in paths]
    for url in urls:
        context.feeds.add_feed(url)
    context.settings.feeds.proxy = proxy
    report = context.feeds.refresh()
    return urls, {outcome.url: outcome for outcome in report.feeds}


@pytest.mark.parametrize("scheme", ["socks5", "socks5h"])
def test_a_feed_is_fetched_through_a_socks_proxy_in_the_settings(context, feed_server, socks,
                                                                 scheme):
    (url,), outcomes = _refreshed_through(context, f"{scheme}://{socks.address}", feed_server)
    assert (outcomes[url].status, outcomes[url].new_items, outcomes[url].error) == ("ok", 2, None)
    assert socks.connects == [("127.0.0.1", _feed_port(feed_server))]
    assert len(feed_server.hits("/raad.xml")) == 1
    assert [item["title"] for item in context.items.list_items()] == ["Afvalkalender",
                                                                      "Raadsvergadering"]


def test_a_socks_proxy_from_the_environment_is_used(context, feed_server, socks, monkeypatch):
    monkeypatch.setenv("ALL_PROXY", f"socks5://{socks.address}")
    (url,), outcomes = _refreshed_through(context, "", feed_server)
    assert outcomes[url].status == "ok", outcomes[url].error
    assert socks.connects == [("127.0.0.1", _feed_port(feed_server))]


def test_a_dead_socks_proxy_is_named_for_every_feed(context, feed_server):
    proxy = f"127.0.0.1:{_closed_port()}"
    urls, outcomes = _refreshed_through(context, f"socks5://{proxy}", feed_server,
                                        paths=("/a.xml", "/b.xml"))
    expected = (f"The SOCKS proxy {proxy} could not be reached: is the proxy (or the ssh "
                "tunnel) running, and is its address right?")
    assert [(outcomes[url].status, outcomes[url].error) for url in urls] == \
        [("error", expected)] * 2
    assert feed_server.hits("/a.xml") == feed_server.hits("/b.xml") == []


def test_a_socks_proxy_whose_name_is_not_found_is_named(context, feed_server, monkeypatch):
    # Resolving a name would query the machine's resolver: the proxy's name fails as the
    # resolver fails it, everything else connects as usual.
    connect = socket.create_connection

    def resolver_knows_no_proxy(address, *args, **kwargs):
        if address[0] == "socks.gemeente-voorbeeld.nl":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return connect(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", resolver_knows_no_proxy)
    (url,), outcomes = _refreshed_through(context, "socks5://socks.gemeente-voorbeeld.nl:1080",
                                          feed_server)
    assert outcomes[url].error == ("The server name of the SOCKS proxy "
                                   "socks.gemeente-voorbeeld.nl:1080 could not be found (DNS). "
                                   "Check the proxy's address.")


def test_a_socks_proxy_that_never_answers_does_not_hold_the_refresh(context, feed_server):
    silent = SocksServer(silent=True).start()
    try:
        (url,), outcomes = _refreshed_through(context, f"socks5://{silent.address}",
                                              feed_server)
    finally:
        silent.stop()
    assert outcomes[url].error == f"The SOCKS proxy {silent.address} did not answer in time."


def test_a_port_that_speaks_no_socks_is_told_apart(context, feed_server):
    # ssh's own port given instead of the one of its tunnel (ssh -D 1080): a banner, no SOCKS.
    ssh = SocksServer(banner=b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n").start()
    try:
        (url,), outcomes = _refreshed_through(context, f"socks5://{ssh.address}", feed_server)
    finally:
        ssh.stop()
    assert outcomes[url].error == ("The proxy does not answer as a SOCKS5 proxy. Check its "
                                   "address and kind (an http proxy is written http://…).")


@pytest.mark.parametrize("proxy", ["socks4://127.0.0.1:1080", "socks4a://127.0.0.1:1080"])
def test_socks4_is_refused_with_its_own_reason(context, proxy):
    with pytest.raises(ProxyProblem, match="SOCKS4 proxies are not supported"):
        proxy_address(proxy)
    context.settings.feeds.proxy = proxy
    with pytest.raises(UsageError, match=r"feeds\.proxy cannot be used: SOCKS4"):
        context.feeds.options()


def test_socks5_addresses_are_taken_as_written():
    assert proxy_address(" socks5h://127.0.0.1:1080 ") == "socks5h://127.0.0.1:1080"
    assert proxy_address("socks5://tunnel.gemeente.nl:1080") == "socks5://tunnel.gemeente.nl:1080"


# -- the real command, as an officer runs it --------------------------------------------------

def _cli(data_dir, *args, env=None):
    # The tester's proxy variables are gone from this environment (the fixture above).
    return run_cli("--data-dir", str(data_dir), "--lang", "en", *args, env=env)


def _set_proxy(data_dir, proxy: str) -> None:
    (data_dir / "settings.json").write_text(json.dumps({"feeds": {"proxy": proxy}}),
                                            encoding="utf-8")


@pytest.mark.parametrize("where", ["settings", "ALL_PROXY"])
def test_refresh_from_the_command_line_goes_through_the_socks_proxy(data_dir, feed_server,
                                                                    socks, where):
    url = feed_server.add("/raad.xml", rss("Gemeente", ITEMS))
    assert _cli(data_dir, "feeds", "add", url).returncode == 0
    proxy = f"socks5h://{socks.address}"
    env = {}
    if where == "settings":
        _set_proxy(data_dir, proxy)
    else:
        env[where] = proxy
    before = len(feed_server.hits("/raad.xml"))
    result = _cli(data_dir, "refresh", "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [(feed["status"], feed["new_items"]) for feed in report["feeds"]] == [("ok", 2)]
    assert socks.connects == [("127.0.0.1", _feed_port(feed_server))]
    assert len(feed_server.hits("/raad.xml")) == before + 1


def test_refresh_from_the_command_line_names_a_dead_socks_proxy_per_feed(data_dir, feed_server):
    url = feed_server.add("/raad.xml", rss("Gemeente", ITEMS))
    assert _cli(data_dir, "feeds", "add", url).returncode == 0
    proxy = f"127.0.0.1:{_closed_port()}"
    _set_proxy(data_dir, f"socks5://{proxy}")
    result = _cli(data_dir, "refresh", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    (feed,) = json.loads(result.stdout)["feeds"]
    assert feed["status"] == "error"
    assert feed["error"].startswith(f"The SOCKS proxy {proxy} could not be reached")


# -- addresses that cannot be used say how to write one -----------------------------------------

def test_an_unknown_scheme_is_answered_with_an_http_and_a_socks5_example():
    with pytest.raises(ProxyProblem) as refused:
        proxy_address("socks://127.0.0.1:1080")
    assert "http://proxy.example.nl:8080" in str(refused.value)
    assert "socks5://proxy.example.nl:1080" in str(refused.value)


@pytest.mark.parametrize(("proxy", "example"), [
    ("socks5://127.0.0.1", "socks5://127.0.0.1:1080"),
    ("socks5h://tunnel.gemeente.nl/", "socks5h://tunnel.gemeente.nl:1080"),
    ("socks5://[::1]", "socks5://[::1]:1080"),
    ("socks5://jan:geheim@127.0.0.1", "socks5://127.0.0.1:1080"),  # no password in a message
])
def test_a_socks_proxy_without_a_port_is_refused(context, proxy, example):
    # SOCKS has no standard port: nothing to assume, unlike http's 80. (``context``: English.)
    with pytest.raises(ProxyProblem) as refused:
        proxy_address(proxy)
    assert str(refused.value) == f"a SOCKS proxy needs its port, as in {example}."


def test_an_http_proxy_without_a_port_is_still_taken():
    assert proxy_address("http://proxy.gemeente.nl") == "http://proxy.gemeente.nl"


def test_refresh_refuses_a_socks_proxy_without_a_port(data_dir, feed_server):
    assert _cli(data_dir, "feeds", "add", feed_server.add("/raad.xml", rss("Gemeente", ITEMS)),
                ).returncode == 0
    _set_proxy(data_dir, "socks5://127.0.0.1")
    result = _cli(data_dir, "refresh")
    assert result.returncode == 2
    assert "a SOCKS proxy needs its port, as in socks5://127.0.0.1:1080." in result.stderr
