"""Platform counting: each platform's own way, not ``len()``."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ambtenaar20.core.drafting.platforms import count, fit, platform, platforms


def test_limits_are_data():
    limits = {p.id: p.limit for p in platforms().values()}
    assert limits == {"x": 280, "mastodon": 500, "bluesky": 300, "threads": 500,
                      "linkedin": 3000, "facebook": 63206, "instagram": 2200}


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("x", "Zie https://www.rijksoverheid.nl/onderwerpen/belastingen-voor-particulieren", 27),
    ("x", "👍🏽", 2),
    ("x", "👨‍👩‍👧", 2),
    ("x", "1\ufe0f\u20e3", 2),  # keycap one: an emoji of three code points
    ("x", "\u00a9\ufe0f", 2),  # copyright sign shown as emoji
    ("x", "\u00a9", 1),  # the plain sign is a Latin-1 character
    ("x", "日本", 4),
    ("x", "café", 4),
    ("mastodon", "Zie https://www.rijksoverheid.nl/onderwerpen/heel-lang-adres", 27),
    ("mastodon", "Dank @jan@social.overheid.nl", 9),
    # Mastodon shortens only links with a protocol; X also bare domains on known endings.
    ("mastodon", "Zie www.rijksoverheid.nl/onderwerpen/huurtoeslag", 48),
    ("mastodon", "Zie rijksoverheid.nl", 20),
    ("x", "Zie www.rijksoverheid.nl/onderwerpen/huurtoeslag", 27),
    ("x", "Zie rijksoverheid.nl", 27),
    ("bluesky", "👨‍👩‍👧 e\u0301", 3),
    ("bluesky", "https://a.nl", 12),
    ("threads", "Hoi 👍", 8),
    ("linkedin", "abc", 3),
])
def test_counts(name, text, expected):
    assert count(text, platform(name)) == expected


def test_aliases_and_unknown():
    assert platform("Twitter").id == "x"
    assert platform("myspace") is None

TEXTS = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(
    ["https://www.rijksoverheid.nl/a ", "@jan@social.overheid.nl ", "👨‍👩‍👧", "e\u0301", "\r\n"])),
    max_size=10).map("".join)


@settings(max_examples=80, deadline=None)
@example(text="0\u11000\u11000\u1100A\u0300", limit=10, name="x")  # found by this test
@given(text=TEXTS, limit=st.integers(min_value=0, max_value=60),
       name=st.sampled_from(["x", "mastodon", "bluesky", "threads", "linkedin"]))
def test_the_part_that_fits_is_within_the_limit(text, limit, name):
    target = platform(name)
    fits = fit(text, target, limit)
    assert 0 <= fits <= len(text)
    if count(text, target) <= limit:
        assert fits == len(text)
    elif target.counting != "weighted":
        assert count(text[:fits], target) <= limit
    if name == "bluesky":
        assert count(text, target) == len(regex.findall(r"\X", text))
