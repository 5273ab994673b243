"""Addresses, settings and answers that used to end a command with an internal error (exit 3).

Run as a user would: malformed addresses to ``feeds add`` and in OPML files, a stored one at
``refresh``, redirects to other kinds of address, a login and an announced feed elsewhere,
proxy and certificate settings, and Ctrl-D at a question. Feeds come from loopback servers.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.feeds.feed_server import AUTH_PASSWORD, AUTH_USER, rss
from tests.helpers import cli_environment, run_cli

ITEMS = [{"title": "Bericht", "link": "https://example.org/1", "guid": "b1"}]

MALFORMED = ["https://www..rijksoverheid.nl/rss", "https://host:8o8o/rss",
             "http://127.0.0.1:99999/rss", "http://[v1.x]/", "http://exa mple.org/rss",
             "http://127.0.0.1:0/rss"]


def cli(data_dir, *args, **kwargs):
    return run_cli("--data-dir", str(data_dir), "--lang", "en", *args, **kwargs)


def followed(data_dir) -> list[dict]:
    return json.loads(cli(data_dir, "feeds", "list", "--format", "json").stdout)


def one_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]



@pytest.mark.parametrize("url", MALFORMED)
def test_add_refuses_a_malformed_address_in_one_line(data_dir, url):
    result = cli(data_dir, "feeds", "add", url)
    assert result.returncode == 2, result.stderr
    assert one_line(result).startswith(f"ambtenaar20: '{url}' is not a valid web address: ")
    assert followed(data_dir) == []


def test_import_reports_malformed_addresses_as_invalid(data_dir, tmp_path):
    outlines = "".join(f'<outline type="rss" text="x" xmlUrl="{url}"/>' for url in MALFORMED)
    source = tmp_path / "in.opml"
    source.write_text(f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}'
                      '<outline type="rss" text="Goed" xmlUrl="https://example.org/rss"/>'
                      "</body></opml>", encoding="utf-8")
    result = cli(data_dir, "feeds", "import", str(source), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["added"] == ["https://example.org/rss"]
    assert sorted(report["invalid"]) == sorted(MALFORMED)
    assert [feed["url"] for feed in followed(data_dir)] == ["https://example.org/rss"]


def test_refresh_fetches_the_others_when_a_stored_address_is_malformed(data_dir, feed_server):
    good = feed_server.add("/goed.xml", rss("Goed", ITEMS))
    assert cli(data_dir, "feeds", "add", good).returncode == 0
    import sqlite3

    # As an older version could have stored them.
    with sqlite3.connect(data_dir / "ambtenaar20.sqlite3") as db:
        for url in MALFORMED:
            db.execute("INSERT INTO feeds (url, title, category, added) "
                       "VALUES (?, '', '', '2024-01-01T00:00:00Z')", [url])
    db.close()
    result = cli(data_dir, "refresh", "--format", "json")
    assert result.returncode == 0, result.stderr
    outcomes = {feed["url"]: feed for feed in json.loads(result.stdout)["feeds"]}
    assert outcomes[good]["status"] == "ok" and outcomes[good]["new_items"] == 1
    assert {outcomes[url]["error"] for url in MALFORMED} == {
        "The address is not a valid web address."}


@pytest.mark.parametrize("location", ["javascript:alert(1)", "mailto:pers@gemeente.nl",
                                      "data:text/plain,hallo", "about:blank"])
def test_add_refuses_a_redirect_to_another_kind_of_address(data_dir, feed_server, location):
    url = feed_server.add("/weg.xml", status=302, headers={"Location": location})
    result = cli(data_dir, "feeds", "add", url)
    assert result.returncode == 2, result.stderr
    assert one_line(result) == (f"ambtenaar20: {url} was not added: The feed redirects to an "
                                "address that is not http or https; it was not followed.")
    assert followed(data_dir) == []


def _page_announcing(server, feed: str, **options) -> str:
    return server.add("/pagina.html", '<html><head><link rel="alternate" '
                      f'type="application/rss+xml" href="{feed}"></head></html>',
                      content_type="text/html", **options)


def test_a_login_for_a_page_is_neither_sent_nor_stored_for_a_feed_elsewhere(
        data_dir, feed_server, other_server):
    feed = other_server.add("/elders.xml", rss("Elders", ITEMS))
    page = _page_announcing(feed_server, feed, auth=True)
    # The test keyring stores nothing: a login that were to be stored would be refused.
    result = cli(data_dir, "feeds", "add", page, "--user", AUTH_USER, "--password-stdin",
                 input_text=AUTH_PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert (f"The feed {feed} is on another address than the one the login was given for; it "
            "is followed without the login.") in result.stderr.splitlines()
    assert [(f["url"], f["user"]) for f in followed(data_dir)] == [(feed, None)]
    assert other_server.hits("/elders.xml")
    assert all("authorization" not in headers for headers in other_server.hits("/elders.xml"))
    refreshed = json.loads(cli(data_dir, "refresh", "--format", "json").stdout)
    assert refreshed["feeds"][0]["status"] == "ok"
    assert all("authorization" not in headers for headers in other_server.hits("/elders.xml"))


def test_a_feed_elsewhere_that_wants_the_login_is_refused(data_dir, feed_server, other_server):
    feed = other_server.add("/besloten.xml", rss("Besloten", ITEMS), auth=True)
    page = _page_announcing(feed_server, feed)
    result = cli(data_dir, "feeds", "add", page, "--user", AUTH_USER, "--password-stdin",
                 input_text=AUTH_PASSWORD + "\n")
    assert result.returncode == 2, result.stderr
    assert one_line(result).startswith(f"ambtenaar20: The web page {page} announces the feed "
                                       f"{feed}, which was not added: ")
    assert all("authorization" not in headers for headers in other_server.hits("/besloten.xml"))
    assert followed(data_dir) == []


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _settings(data_dir, proxy: str) -> None:
    (data_dir / "settings.json").write_text(json.dumps({"feeds": {"proxy": proxy}}),
                                            encoding="utf-8")


def test_a_proxy_written_as_host_and_port_is_used_as_http(data_dir, feed_server):
    _settings(data_dir, f"127.0.0.1:{_closed_port()}")
    url = feed_server.add("/via-proxy.xml", rss("Via", ITEMS))
    result = cli(data_dir, "feeds", "add", url)
    # Nobody listens at the proxy's port: the feed could not be checked, through the proxy.
    assert result.returncode == 0, result.stderr
    assert one_line(result).startswith(f"Note: {url} could not be checked now: ")
    assert feed_server.hits("/via-proxy.xml") == []


@pytest.mark.parametrize("proxy", ["socks4://127.0.0.1:1080", "ftp://proxy.gemeente.nl:21"])
def test_a_proxy_setting_that_cannot_be_used_is_named_in_one_line(data_dir, feed_server,
                                                                  proxy):
    followed_before = feed_server.add("/a.xml", rss("A", ITEMS))
    assert cli(data_dir, "feeds", "add", followed_before).returncode == 0
    _settings(data_dir, proxy)
    url = feed_server.add("/b.xml", rss("B", ITEMS))
    for args in (("feeds", "add", url), ("refresh",)):
        result = cli(data_dir, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert "feeds.proxy" in one_line(result) and proxy in one_line(result)


@pytest.mark.parametrize("variable", ["ALL_PROXY", "HTTP_PROXY", "https_proxy"])
def test_a_socks4_proxy_from_the_environment_is_named_in_one_line(data_dir, feed_server,
                                                                  variable):
    # httpx speaks SOCKS5 only (tests/feeds/test_socks_proxy.py).
    url = feed_server.add("/a.xml", rss("A", ITEMS))
    result = cli(data_dir, "feeds", "add", url,
                 env={variable: "socks4://user:pw@127.0.0.1:1080"})
    assert result.returncode == 2, result.stderr
    line = one_line(result)
    assert variable in line and "SOCKS4" in line and ":pw@" not in line


def test_a_missing_certificate_file_is_named_in_one_line(data_dir, feed_server, tmp_path):
    url = feed_server.add("/a.xml", rss("A", ITEMS))
    missing = tmp_path / "nonexistent.pem"
    result = cli(data_dir, "feeds", "add", url, env={"SSL_CERT_FILE": str(missing)})
    assert result.returncode == 2, result.stderr
    assert "SSL_CERT_FILE" in one_line(result) and str(missing) in one_line(result)
    assert followed(data_dir) == []


def test_ctrl_d_at_the_remove_question_removes_nothing(data_dir, feed_server):
    import pty

    url = feed_server.add("/blijft.xml", rss("Blijft", ITEMS))
    assert cli(data_dir, "feeds", "add", url).returncode == 0
    terminal, answer_side = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "ambtenaar20", "--data-dir", str(data_dir), "--lang", "en",
         "feeds", "remove", url], stdin=answer_side, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env=cli_environment())
    os.close(answer_side)
    try:
        os.write(terminal, b"\x04")  # Ctrl-D: end of input
        out, err = process.communicate(timeout=60)
    finally:
        os.close(terminal)
    assert process.returncode == 0, err
    assert err == "" and "Nothing was removed." in out
    assert [feed["url"] for feed in followed(data_dir)] == [url]


def _opml(tmp_path, body: str, root: str = '<opml version="2.0">') -> str:
    path = tmp_path / "in.opml"
    path.write_text(f'<?xml version="1.0"?>{root}<head><title>x</title></head><body>{body}'
                    "</body></opml>", encoding="utf-8")
    return str(path)


def test_an_address_that_differs_only_in_case_or_default_port_is_the_same_feed(
        data_dir, feed_server, tmp_path):
    feed_server.add("/Nieuws.xml", rss("Nieuws", ITEMS))
    port = feed_server.httpd.server_address[1]
    assert cli(data_dir, "feeds", "add", f"HTTP://LocalHost:{port}/Nieuws.xml").returncode == 0
    stored = f"http://localhost:{port}/Nieuws.xml"
    assert [feed["url"] for feed in followed(data_dir)] == [stored]
    again = cli(data_dir, "feeds", "add", f"http://LOCALHOST:{port}/Nieuws.xml")
    assert again.returncode == 2 and "already being followed" in one_line(again)
    source = _opml(tmp_path, "".join(
        f'<outline type="rss" text="x" xmlUrl="{url}"/>' for url in (
            f"http://LOCALHOST:{port}/Nieuws.xml", "HTTPS://WWW.Example.org/rss.xml",
            "https://www.example.org:443/rss.xml", "https://www.example.org/RSS.xml")))
    report = json.loads(cli(data_dir, "feeds", "import", source, "--format", "json").stdout)
    assert report["existing"] == [f"http://LOCALHOST:{port}/Nieuws.xml",
                                  "https://www.example.org:443/rss.xml"]
    # The path is the server's business: RSS.xml is another address than rss.xml.
    assert report["added"] == ["https://www.example.org/rss.xml",
                               "https://www.example.org/RSS.xml"]
    assert len(followed(data_dir)) == 3


def test_import_converts_feed_addresses_and_reads_a_namespaced_file(data_dir, tmp_path):
    source = _opml(tmp_path, '<outline type="rss" text="A" xmlUrl="feed://example.org/a.xml"/>'
                             '<outline type="rss" text="B" '
                             'xmlUrl="feed:https://example.org/b.xml"/>',
                   root='<opml xmlns="http://opml.org/spec2" version="2.0">')
    result = cli(data_dir, "feeds", "import", source, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["added"] == ["http://example.org/a.xml",
                                                  "https://example.org/b.xml"]


def test_a_folder_with_a_slash_in_its_name_stays_one_folder(data_dir, tmp_path):
    import xml.etree.ElementTree as ET

    source = _opml(tmp_path, '<outline text="Zorg/Welzijn"><outline type="rss" text="A" '
                             'xmlUrl="https://example.org/a.xml"/></outline>'
                             '<outline text="Zorg"><outline text="Jeugd"><outline type="rss" '
                             'text="B" xmlUrl="https://example.org/b.xml"/></outline>'
                             '</outline>')
    assert cli(data_dir, "feeds", "import", source).returncode == 0
    target = tmp_path / "out.opml"
    assert cli(data_dir, "feeds", "export", str(target)).returncode == 0
    body = ET.parse(target).getroot().find("body")
    folders = {outline.get("text"): [child.get("text") for child in outline]
               for outline in body}
    assert folders == {"Zorg/Welzijn": ["A"], "Zorg": ["Jeugd"]}


def test_import_counts_an_address_with_a_password_under_its_own_reason(data_dir, tmp_path):
    source = _opml(tmp_path, '<outline type="rss" text="A" '
                             'xmlUrl="https://anna:geheim@intranet.example.nl/rss"/>'
                             '<outline type="rss" text="B" xmlUrl="gopher://example.org/"/>')
    result = cli(data_dir, "feeds", "import", source)
    assert result.returncode == 0, result.stderr
    assert "geheim" not in result.stdout + result.stderr
    assert "0 feeds added, 0 already followed, 1 skipped (not a valid http or https address)" \
        in result.stdout
    assert ("1 skipped because the address holds a user name or password: add those with "
            "'feeds add' and --user.") in result.stdout
    report = json.loads(cli(data_dir, "feeds", "import", source, "--format", "json").stdout)
    assert report["invalid"] == ["gopher://example.org/"]
    assert report["with_password"] == ["https://intranet.example.nl/rss"]


def test_import_counts_and_names_a_feed_entry_without_an_address(data_dir, tmp_path):
    """The JSON's lists hold addresses, so such an entry is in none; the summary names it."""
    source = _opml(tmp_path, '<outline text="Rijk">'
                             '<outline type="rss" text="Zonder adres"/>'
                             '<outline type="rss" text="Ftp" xmlUrl="ftp://example.org/f"/>'
                             '</outline>'
                             '<outline text="Lege map"><outline text="Nog een map"/></outline>'
                             '<outline type="rss" text="Goed" xmlUrl="https://example.org/rss"/>')
    result = cli(data_dir, "feeds", "import", source)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "1 feed added, 0 already followed, 2 skipped (not a valid http or https address).",
        "Skipped: Ftp (ftp://example.org/f), Zonder adres (no address)."]
    report = json.loads(cli(data_dir, "feeds", "import", source, "--format", "json").stdout)
    assert report == {"added": [], "existing": ["https://example.org/rss"],
                      "invalid": ["ftp://example.org/f"], "with_password": []}


def test_an_entry_without_title_or_address_is_named_untitled(data_dir, tmp_path):
    # QA s6/qa-f 8: it was listed as a bare "(geen adres)".
    source = _opml(tmp_path, '<outline type="rss" text="Zonder adres"/><outline type="rss"/>')
    result = run_cli("--data-dir", str(data_dir), "--lang", "nl", "feeds", "import", source)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == \
        "Overgeslagen: Zonder adres (geen adres), naamloze regel (geen adres)."
    result = cli(data_dir, "feeds", "import", source)
    assert result.stdout.splitlines()[-1] == \
        "Skipped: Zonder adres (no address), untitled entry (no address)."


def test_the_window_summary_counts_a_feed_entry_without_an_address(tmp_path):
    from ambtenaar20.core.feeds.opml import read_opml_file
    from ambtenaar20.core.feeds.opml_summary import describe_import

    source = _opml(tmp_path, '<outline type="RSS" title="Zonder adres"/>')
    read = read_opml_file(Path(source))
    assert read.feeds == [] and read.without_address == ["Zonder adres"]
    report = {"added": [], "existing": [], "invalid": [], "with_password": []}
    assert describe_import(report, read.feeds, read.without_address) == (
        "0 feeds toegevoegd, 0 al gevolgd, 1 overgeslagen (geen geldig http- of https-adres).\n"
        "Overgeslagen: Zonder adres (geen adres).")
