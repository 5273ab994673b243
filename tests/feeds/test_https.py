"""HTTPS feeds over a real loopback TLS server: which certificates a refresh trusts.

Officers behind an inspecting proxy or on an intranet need their organisation's certificate
authority trusted; ``SSL_CERT_FILE`` (as httpx honours it) is how that is set without admin
rights. A certificate nobody vouches for must fail with a plain message.
"""

from __future__ import annotations

import pytest
import trustme

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.feeds import fetcher
from tests.feeds.feed_server import FeedServer, rss

ITEMS = [{"title": "Beveiligd bericht", "link": "https://example.org/s1", "guid": "s1",
          "description": "Over een versleutelde verbinding"}]


@pytest.fixture
def authority():
    return trustme.CA()


@pytest.fixture
def https_server(authority, tmp_path):
    chain, key = tmp_path / "server-chain.pem", tmp_path / "server-key.pem"
    certificate = authority.issue_cert("127.0.0.1")
    certificate.private_key_pem.write_to_path(str(key))
    certificate.cert_chain_pems[0].write_to_path(str(chain))
    for extra in certificate.cert_chain_pems[1:]:
        extra.write_to_path(str(chain), append=True)
    server = FeedServer(tls=(chain, key)).start()
    yield server
    server.stop()


def test_an_untrusted_certificate_is_refused_in_plain_language(context, https_server,
                                                              monkeypatch):
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    url = https_server.add("/secure.xml", rss("Intranet", ITEMS))
    assert url.startswith("https://")
    context.feeds.add_feed(url)
    outcome = context.feeds.refresh().feeds[0]
    assert outcome.status == "error"
    assert outcome.error.startswith("The secure connection failed (TLS/certificate problem)")
    assert context.items.list_items() == []


def test_the_organisations_authority_from_ssl_cert_file_is_trusted(context, https_server,
                                                                  authority, tmp_path,
                                                                  monkeypatch):
    bundle = tmp_path / "organisation-ca.pem"
    authority.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    url = https_server.add("/secure.xml", rss("Intranet", ITEMS))
    context.feeds.add_feed(url)
    report = context.feeds.refresh()
    assert report.feeds[0].status == "ok", report.feeds[0].error
    assert [item["title"] for item in context.items.list_items()] == ["Beveiligd bericht"]


def test_the_tls_context_is_prepared_on_its_own_thread_and_verifies(monkeypatch):
    import ssl
    import threading

    seen = []
    real = fetcher.TlsContext._build

    def spy(self):
        seen.append(threading.current_thread() is threading.main_thread())
        real(self)

    monkeypatch.setattr(fetcher.TlsContext, "_build", spy)
    context = fetcher.TlsContext().get()
    assert seen == [False]
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    # The same trust and protocol settings as httpx's own default context.
    import httpx

    default = httpx.create_ssl_context()
    assert context.cert_store_stats() == default.cert_store_stats()
    assert context.cert_store_stats()["x509_ca"] > 50
    assert (context.minimum_version, context.options) == (default.minimum_version,
                                                          default.options)


def test_a_broken_certificate_setting_stops_the_refresh_with_a_clear_message(
        context, https_server, tmp_path, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    with pytest.raises(UsageError, match="SSL_CERT_FILE"):
        fetcher.make_client(fetcher.FetchOptions(), fetcher.TlsContext())
    context.feeds.add_feed(https_server.add("/secure.xml", rss("Intranet", ITEMS)))
    with pytest.raises(UsageError, match=r"certificates for secure connections could not be "
                                         r"loaded .*SSL_CERT_FILE"):
        context.feeds.refresh()
