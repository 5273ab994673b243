"""Mastodon names lead to their feed addresses; nothing else is taken for one."""

from __future__ import annotations

import pytest

from ambtenaar20.core.feeds.fediverse import feed_address


@pytest.mark.parametrize(("name", "feed"), [
    ("#zorg@mastodon.social", "https://mastodon.social/tags/zorg.rss"),
    (" #Woningbouw@Social.Overheid.nl ", "https://social.overheid.nl/tags/Woningbouw.rss"),
    ("@gemeente@social.example", "https://social.example/@gemeente.rss"),
    ("@j.jansen@mastodon.nl", "https://mastodon.nl/@j.jansen.rss"),
])
def test_names_give_their_feed(name, feed):
    assert feed_address(name) == feed


@pytest.mark.parametrize("text", ["zorg", "#zorg", "@gemeente", "jan@gemeente.nl",
                                  "https://mastodon.social/tags/zorg", "#zorg@localhost",
                                  "@a@b.c/extra"])
def test_anything_else_is_no_mastodon_name(text):
    assert feed_address(text) is None
