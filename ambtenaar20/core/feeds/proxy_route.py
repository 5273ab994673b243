"""Which http proxy a feed's request goes through, so that a proxy nobody answers is named.

Through an http proxy the app connects to the proxy only: the proxy reaches the server. A
connection that is refused, or a name that is not found, is then about the proxy, and "the
server refused the connection" sent the officer looking at the feed instead of at the proxy
setting (QA). The proxy is the one httpx takes: the settings' ``feeds.proxy``, else what
``urllib.request.getproxies`` finds (the environment variables; on Windows and macOS also the
system's settings), unless the server is listed in ``NO_PROXY``. SOCKS proxies name themselves
in their own errors (``socks_proxy``).
"""

from __future__ import annotations

import os
import urllib.request
from typing import NamedTuple
from urllib.parse import urlsplit

from ambtenaar20.core.feeds import addresses

#: Where a proxy came from when no environment variable holds it.
SYSTEM_SETTINGS = "system"


class ProxyRoute(NamedTuple):
    #: The proxy's address as shown to the officer (``host:port``; never a password).
    proxy: str
    #: Where it is set: ``feeds.proxy``, an environment variable's name, or ``SYSTEM_SETTINGS``.
    setting: str


def http_proxy_for(url: str, configured: str | None) -> ProxyRoute | None:
    """The http proxy a request for ``url`` goes through, or None (direct, or SOCKS)."""
    parts = urlsplit(url)
    if configured:
        return _http_route(configured, "feeds.proxy")
    found = urllib.request.getproxies()
    scheme = parts.scheme.lower()
    value = found.get(scheme) or found.get("all")
    if not value or found.get("no", "").strip() == "*" or \
            urllib.request.proxy_bypass(parts.hostname or ""):
        return None
    setting = next((name for name in (f"{scheme}_proxy", f"{scheme.upper()}_PROXY",
                                      "all_proxy", "ALL_PROXY")
                    if os.environ.get(name, "").strip() == value.strip()), SYSTEM_SETTINGS)
    return _http_route(value, setting)


def _http_route(value: str, setting: str) -> ProxyRoute | None:
    try:
        address = addresses.proxy_address(value)
    except addresses.ProxyProblem:
        return None  # refused before any request (``fetch_reasons.proxy_problem``)
    parts = urlsplit(address)
    if not parts.scheme.startswith("http"):
        return None
    return ProxyRoute(addresses.without_password(address).split("://", 1)[1].rstrip("/"),
                      setting)
