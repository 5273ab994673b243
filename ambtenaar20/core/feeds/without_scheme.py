"""An address typed without http:// or https:// ("127.0.0.1:8080/zorg.xml"): which one is meant.

Such an address is taken as https (``addresses.assumed_https``), the safe guess. A server that
only speaks http then fails at every refresh with a TLS error, or refuses the connection, and
the officer was left with a feed that never works (and, when the http address was followed
already, with a second one). So ``feeds add`` and *Feed toevoegen* look at the https address
first and, when no secure connection could be made at all, at the http address; when that
answers, it is the one followed, and the officer is told. A certificate problem is no reason
to fall back: the server does speak https, and falling back would hide the problem.

The look is part of ``FeedService.discover``: it runs where that runs (off the GUI thread).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ambtenaar20.core.feeds import addresses, discovery, fetcher

if TYPE_CHECKING:
    import httpx

    from ambtenaar20.core.feeds.discovery import Discovery

#: Fetch errors (``feed_errors.REASONS``) that mean no secure connection could be made at all:
#: nothing speaks TLS there, or nothing listens on the https port.
NO_HTTPS = frozenset({"tls_unsupported", "tls_failed", "refused", "connect_failed",
                      "broken_answer"})


def forms(given: str) -> tuple[str, str] | None:
    """The https and http address (canonical) of ``given`` when it has no scheme, else None."""
    https = addresses.assumed_https(given.strip())
    if https is None:
        return None
    return addresses.canonical(https), addresses.canonical("http" + https[len("https"):])


def look(client: httpx.Client, https: str, http: str, auth: tuple[str, str] | None,
         options: fetcher.FetchOptions) -> Discovery:
    """``discovery.look`` at ``https``, or at ``http`` when ``https`` cannot connect securely
    and ``http`` answers. A login is never sent over http: with one, only https is tried."""
    secure = fetcher.fetch(client, https, auth=auth, options=options)
    if auth is None and secure.status == "error" and secure.error is not None and \
            secure.error.reason in NO_HTTPS:
        plain = fetcher.fetch(client, http, options=options)
        if plain.status != "error" or plain.http_status is not None:
            return replace(discovery.judge(plain, http), taken_as_http=http)
    return discovery.judge(secure, https)
