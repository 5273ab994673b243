"""*Feed toevoegen* with a login: it goes only to the address it was typed for.

A web page behind a login may announce feeds on other servers. The feed picked from several
is checked and followed without the login when it is elsewhere, and the officer is told so;
nothing is stored in the keyring for it. Served by two real loopback servers.
"""

from __future__ import annotations

from ambtenaar20.gui.areas.following.area import FollowingArea
from tests.feeds.feed_server import AUTH_PASSWORD, AUTH_USER, rss

ITEMS = [{"title": "Bericht", "link": "https://example.org/1", "guid": "b1"}]


def test_a_feed_picked_from_a_page_elsewhere_is_followed_without_the_login(
        qtbot, make_context, feed_server, other_server, memory_keyring, monkeypatch,
        accept_add_feed):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    context = make_context("en")
    assert context.store
    widget = FollowingArea(context)
    qtbot.addWidget(widget)
    elsewhere = other_server.add("/elders.xml", rss("Elders", ITEMS))
    own = feed_server.add("/eigen.xml", rss("Eigen", ITEMS), auth=True)
    page = feed_server.add("/pagina.html", '<html><head>'
                           f'<link rel="alternate" type="application/rss+xml" href="{own}">'
                           f'<link rel="alternate" type="application/rss+xml" href="{elsewhere}">'
                           '</head></html>', content_type="text/html", auth=True)

    accept_add_feed(page, user=AUTH_USER, password=AUTH_PASSWORD)
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda _p, _t, _l, labels, *_a: (labels[1], True))
    widget.add_feed()
    qtbot.waitUntil(lambda: len(context.feeds.list_feeds()) == 1, timeout=10_000)
    [feed] = context.feeds.list_feeds()
    assert (feed["url"], feed["username"]) == (elsewhere, None)
    assert memory_keyring.passwords == {}
    assert other_server.hits("/elders.xml")
    assert all("authorization" not in headers for headers in other_server.hits("/elders.xml"))

    def note():
        return [box.text() for box in widget.findChildren(QMessageBox)
                if elsewhere in box.text()]

    qtbot.waitUntil(lambda: bool(note()), timeout=10_000)
    assert note()[0] == (f"The feed {elsewhere} is on another address than the one the login "
                         "was given for; it is followed without the login.")
