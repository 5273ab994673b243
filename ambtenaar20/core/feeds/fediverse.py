"""Feed addresses for Mastodon hashtags and accounts, from the way officers write them.

Mastodon publishes an RSS feed for every hashtag (``https://SERVER/tags/TAG.rss``) and every
account (``https://SERVER/@NAME.rss``), but officers know a tag as ``#zorg`` and an account as
``@gemeente@social.example``. Only web addresses can be followed, so such a name is refused;
the refusal then names the feed address to use instead.
"""

from __future__ import annotations

import re

_SERVER = r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_HASHTAG = re.compile(rf"#(?P<tag>\w+)@(?P<server>{_SERVER})")
_ACCOUNT = re.compile(rf"@(?P<name>[\w.]+)@(?P<server>{_SERVER})")


def feed_address(text: str) -> str | None:
    """The feed address for ``#tag@server`` or ``@name@server``; None for anything else."""
    text = text.strip()
    if match := _HASHTAG.fullmatch(text):
        return f"https://{match['server'].lower()}/tags/{match['tag']}.rss"
    if match := _ACCOUNT.fullmatch(text):
        return f"https://{match['server'].lower()}/@{match['name']}.rss"
    return None
