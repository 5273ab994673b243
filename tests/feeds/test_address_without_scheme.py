"""An address copied without http:// or https:// ("www.zwolle.nl/rss") is followed as https,
and the officer is told; what is clearly no address is still refused."""

from __future__ import annotations

import json
import socket

import pytest

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.feeds.addresses import assumed_https
from tests.helpers import run_cli


def cli(data_dir, *args, lang: str = "en"):
    return run_cli("--data-dir", str(data_dir), "--lang", lang, *args)


@pytest.mark.parametrize(("typed", "taken_as"), [
    ("www.zwolle.nl/rss", "https://www.zwolle.nl/rss"),
    ("  zwolle.nl ", "https://zwolle.nl"),
    ("www.zwolle.nl:8443/rss?x=1", "https://www.zwolle.nl:8443/rss?x=1"),
    ("gemeente.amsterdam/nieuws", "https://gemeente.amsterdam/nieuws"),
    ("192.168.1.10/rss", "https://192.168.1.10/rss"),
    ("mastodon.social/@gemeente.rss", "https://mastodon.social/@gemeente.rss"),
])
def test_a_host_and_path_without_scheme_is_taken_as_https(typed, taken_as):
    assert assumed_https(typed) == taken_as


@pytest.mark.parametrize("typed", [
    "https://www.zwolle.nl/rss", "javascript:alert(1)", "mailto:info@zwolle.nl",
    "niet-een-url", "localhost/rss", "hitte stress.nl", "nieuws.xml", "index.html", "3.14",
    "/etc/passwd", "./feed.xml", "C:\\feeds\\a.xml", "user:geheim@www.zwolle.nl/rss",
    "@gemeente@mastodon.social", "www..zwolle.nl/rss", "www.zwolle.nl:99999/rss", "",
])
def test_what_is_clearly_no_address_is_not_taken_as_one(typed):
    assert assumed_https(typed) is None


def test_the_feed_service_stores_the_https_address(context):
    assert context.feeds.validate_url("www.Zwolle.nl/rss") == "https://www.zwolle.nl/rss"
    for not_an_address in ("niet-een-url", "javascript:alert(1)", "zwolle nl/rss"):
        with pytest.raises(UsageError, match="not a web address starting with http"):
            context.feeds.validate_url(not_an_address)


def test_cli_follows_an_address_without_scheme_and_says_so(data_dir):
    with socket.socket() as probe:  # nothing listens there: the feed cannot be checked now
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    typed = f"127.0.0.1:{port}/rss.xml"
    result = cli(data_dir, "feeds", "add", typed, lang="nl")
    assert result.returncode == 0, result.stderr
    url = f"https://127.0.0.1:{port}/rss.xml"
    assert f"'{typed}' heeft geen http:// of https://; genomen als {url}." in result.stderr
    assert "kon nu niet worden gecontroleerd" in result.stderr
    feeds = json.loads(cli(data_dir, "feeds", "list", "--format", "json").stdout)
    assert [feed["url"] for feed in feeds] == [url]
    refused = cli(data_dir, "feeds", "add", "niet-een-url")
    assert refused.returncode == 2
    assert "not a web address starting with http:// or https://" in refused.stderr


def test_add_feed_dialog_says_how_the_address_is_taken(qtbot):
    from ambtenaar20.gui.areas.following.dialogs import AddFeedDialog

    dialog = AddFeedDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.url.setText("www.zwolle.nl/rss")
    assert dialog.assumed.isVisible()
    assert "https://www.zwolle.nl/rss" in dialog.assumed.text()
    assert "https://www.zwolle.nl/rss" in dialog.url.accessibleDescription()
    dialog.url.setText("https://www.zwolle.nl/rss")
    assert not dialog.assumed.isVisible() and dialog.url.accessibleDescription() == ""


def test_cli_counts_feeds_in_words_that_agree(data_dir, tmp_path):
    source = tmp_path / "een.opml"
    source.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" '
                      'text="Een" xmlUrl="https://example.org/rss"/></body></opml>',
                      encoding="utf-8")
    imported = cli(data_dir, "feeds", "import", str(source), lang="nl")
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("1 feed toegevoegd, 0 al gevolgd, 0 overgeslagen")
    written = cli(data_dir, "feeds", "export", str(tmp_path / "uit.opml"), lang="nl")
    assert written.stdout.startswith("1 feed geschreven naar ")
    english = cli(data_dir, "feeds", "import", str(source))
    assert english.stdout.startswith("0 feeds added, 1 already followed")


@pytest.mark.parametrize("value", ["abc", "1.5"])
def test_a_limit_that_is_no_number_is_said_in_plain_words(data_dir, value):
    for command in (["items", "list"], ["items", "search", "zorg"]):
        result = cli(data_dir, *command, "--limit", value, lang="nl")
        assert result.returncode == 2
        assert result.stderr.strip().splitlines() == [
            f"ambtenaar20 {' '.join(command[:2])}: --limit moet een heel getal zijn: '{value}'"]


def test_the_keyring_has_one_dutch_name(data_dir):
    from pathlib import Path

    from babel.messages.pofile import read_po

    from ambtenaar20.core.i18n import locale_dir

    with (Path(locale_dir()) / "nl" / "LC_MESSAGES" / "ambtenaar20.po").open("rb") as handle:
        catalogue = read_po(handle)
    dutch = [text for message in catalogue for text in
             (message.string if isinstance(message.string, tuple) else (message.string,))
             if "keyring" in str(message.id).lower()]
    assert dutch and not any("sleutelbos" in text for text in dutch)
    refused = cli(data_dir, "feeds", "add", "https://jan:geheim@www.zwolle.nl/rss", lang="nl")
    assert refused.returncode == 2
    assert "wachtwoordkluis (keyring)" in refused.stderr and "geheim" not in refused.stderr


def test_an_address_without_scheme_on_an_http_only_server_is_taken_as_http(data_dir,
                                                                           feed_server):
    from tests.feeds.feed_server import rss

    feed_server.add("/zorg.xml", rss("Zorgnieuws regio", []))
    typed = feed_server.url("/zorg.xml").removeprefix("http://")
    result = cli(data_dir, "feeds", "add", typed, lang="nl")
    assert result.returncode == 0, result.stderr
    http = f"http://{typed}"
    assert f"'{typed}' heeft geen http:// of https://; genomen als {http}, omdat op " \
        f"https://{typed} geen beveiligde (https-)server antwoordt." in result.stderr
    # QA s6/qa-f 5: no certificate is named, as if a certificate warning had been ignored.
    assert "certificaat" not in result.stderr.lower() and "TLS" not in result.stderr
    assert "kon nu niet worden gecontroleerd" not in result.stderr  # http answered: checked
    feeds = json.loads(cli(data_dir, "feeds", "list", "--format", "json").stdout)
    assert [feed["url"] for feed in feeds] == [http]
    # Both forms are followed now: typed again, it is refused, naming the followed address.
    again = cli(data_dir, "feeds", "add", typed, lang="nl")
    assert again.returncode == 2
    assert again.stderr.strip().splitlines() == [
        f"ambtenaar20: '{typed}' heeft geen http:// of https://, en wordt al gevolgd als {http}."]


def test_an_address_without_scheme_whose_http_form_is_followed_is_refused(data_dir,
                                                                          feed_server):
    from tests.feeds.feed_server import rss

    http = feed_server.add("/zorg.xml", rss("Zorgnieuws regio", []))
    assert cli(data_dir, "feeds", "add", http).returncode == 0
    typed = http.removeprefix("http://")
    result = cli(data_dir, "feeds", "add", typed, lang="nl")
    assert result.returncode == 2
    assert "al gevolgd als " + http in result.stderr
    feeds = json.loads(cli(data_dir, "feeds", "list", "--format", "json").stdout)
    assert [feed["url"] for feed in feeds] == [http]  # no https duplicate that always fails
    assert len(feed_server.hits("/zorg.xml")) == 1  # refused before anything was fetched
