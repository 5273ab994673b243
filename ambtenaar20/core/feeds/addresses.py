"""Web addresses of feeds: which can be followed, when two are the same, where a login may go.

An address is judged here, before it is stored, because httpx and the resolver raise on a
malformed one (an empty label in the server name, a port out of range, a space in the name,
an unknown kind of IP literal) instead of answering: stored, such an address failed every
refresh. Pure string work, without httpx, so ``feeds import`` and the preferences stay light.

Two addresses are the same feed when they differ only in what RFC 3986 says does not matter:
the case of the scheme and the server name, a default port, an empty path for ``/``. The path
and query are the server's business: ``/rss.xml`` and ``/rss.xml/`` are two addresses.

A login goes only to the origin (scheme, server name, port) it was given for: never to
another server, nor from https to http.

An address copied from a browser's address bar or a letter often lacks its scheme
("www.zwolle.nl/rss"): when the rest is a server name with a dot and a path, it is taken as
https (``assumed_https``), and the officer is told so.
"""

from __future__ import annotations

import ipaddress
import os
import re
from urllib.parse import SplitResult, urlsplit, urlunsplit

from ambtenaar20.core.i18n import _

ALLOWED_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}

#: Control characters, which httpx refuses anywhere in an address.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: One label of a server name in ASCII (underscores occur in intranet names).
_LABEL = re.compile(r"[a-z0-9_-]{1,63}", re.IGNORECASE)
_IPV4_STYLE = re.compile(r"[0-9]+(\.[0-9]+){3}")
_FEED_SCHEME = re.compile(r"feed:(//)?", re.IGNORECASE)
#: What starts an address with a scheme of its own ("javascript:", "mailto:"), unlike
#: "www.zwolle.nl:8080/rss", whose colon is followed by a port.
_OTHER_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:(?![0-9]+(?:[/?#]|$))", re.IGNORECASE)
#: The last part of a server name: letters ("nl", "amsterdam") or an IDNA one ("xn--…").
_TOP_LEVEL = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]+", re.IGNORECASE)
#: Endings of file names, which look like server names ("nieuws.xml") but are not.
_FILE_ENDINGS = frozenset({"xml", "rss", "atom", "rdf", "opml", "html", "htm", "php", "asp",
                           "aspx", "json", "txt", "pdf", "cgi", "jsp"})

#: The kinds of proxy httpx can use: http(s), and SOCKS5 with the ``socksio`` package. With
#: both SOCKS5 kinds the proxy looks up the feed's server name (httpcore sends it the name).
PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")

#: The environment variables a proxy is read from (httpx reads them the same way).
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                   "all_proxy")


def has_http_scheme(url: str) -> bool:
    """Whether ``url`` says http or https, valid or not."""
    scheme, colon, _rest = url.strip().partition(":")
    return bool(colon) and scheme.lower() in ALLOWED_SCHEMES


def why_invalid(url: str) -> str | None:
    """Why the http(s) address ``url`` cannot be fetched, in plain words; None when it can.

    An address that is not http or https at all is the caller's to refuse (in its words).
    """
    if _CONTROL.search(url):
        return _("it contains a character that cannot be part of an address.")
    try:
        parts = urlsplit(url)
    except ValueError:  # brackets that hold no IP address
        return _("the server name is not valid.")
    try:
        port = parts.port
    except ValueError:
        return _("the port (after the colon) must be a number from 1 to 65535.")
    if port == 0:
        return _("the port (after the colon) must be a number from 1 to 65535.")
    host = parts.netloc.rpartition("@")[2]
    if host.startswith("["):
        return None if _valid_ipv6(parts.hostname or "") else _("the server name is not valid.")
    if not parts.hostname or " " in host or not _valid_host_name(parts.hostname):
        return _("the server name is not valid.")
    return None


def is_http_url(url: str) -> bool:
    """An http or https address that can be fetched as it is."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return False
    return scheme in ALLOWED_SCHEMES and why_invalid(url) is None


def _valid_ipv6(host: str) -> bool:
    address = host.partition("%")[0]  # a zone (fe80::1%25eth0) is the machine's business
    try:
        ipaddress.IPv6Address(address)
    except ValueError:
        return False
    return True


def _valid_host_name(host: str) -> bool:
    if _IPV4_STYLE.fullmatch(host):
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            return False
        return True
    name = host[:-1] if host.endswith(".") else host
    if not name.isascii():
        name = _idna(name)
        if name is None:
            return False
    return len(name) <= 253 and all(_LABEL.fullmatch(label) for label in name.split("."))


def _idna(name: str) -> str | None:
    """``name`` as the resolver is asked for it (IDNA 2008, as httpx encodes it)."""
    try:
        import idna
    except ImportError:  # pragma: no cover - httpx depends on it
        try:
            return name.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    try:
        return idna.encode(name.lower()).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return None


def assumed_https(text: str) -> str | None:
    """``https://`` + ``text`` when ``text`` is an address without a scheme ("www.zwolle.nl/rss",
    "zwolle.nl"): a valid server name with a dot in it, then perhaps a port and a path. None for
    anything else: an address with a scheme, words, a file path, a Mastodon name."""
    value = text.strip()
    if (not value or any(char.isspace() for char in value) or "://" in value
            or value.startswith(("/", ".", "\\")) or _OTHER_SCHEME.match(value)):
        return None
    host = re.split(r"[/?#]", value, maxsplit=1)[0]
    if "@" in host or "\\" in host:
        return None
    address = "https://" + value
    try:
        name = urlsplit(address).hostname or ""
    except ValueError:
        return None
    top = name.rstrip(".").rpartition(".")[2]
    looks_named = "." in name.strip(".") and (
        _IPV4_STYLE.fullmatch(name)
        or (_TOP_LEVEL.fullmatch(top) and top.lower() not in _FILE_ENDINGS))
    if not looks_named or why_invalid(address) is not None:
        return None
    return address


def from_feed_scheme(url: str) -> str:
    """A ``feed:`` address as the web address it stands for.

    ``feed://host/path`` is ``http://host/path``; ``feed:https://host/path`` is the address
    after ``feed:``. Other addresses are returned as they are.
    """
    text = url.strip()
    match = _FEED_SCHEME.match(text)
    if match is None:
        return url
    rest = text[match.end():]
    if match.group(1):
        return "http://" + rest
    return rest


def canonical(url: str) -> str:
    """``url`` in the form two equal addresses share: scheme and server name in lower case,
    without a default port, ``/`` for an empty path. For a valid http(s) address."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    userinfo, at, hostport = parts.netloc.rpartition("@")
    host = parts.hostname or ""
    if hostport.startswith("["):
        host = f"[{host}]"
    port = parts.port
    netloc = f"{userinfo}{at}{host}"
    if port is not None and port != DEFAULT_PORTS.get(scheme):
        netloc += f":{port}"
    return urlunsplit(SplitResult(scheme, netloc, parts.path or "/", parts.query,
                                  parts.fragment))


def origin(url: str) -> tuple[str, str, int | None]:
    """Scheme, server name and port (the default one when none is written) of ``url``."""
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        return (scheme, (parts.hostname or "").lower(),
                parts.port or DEFAULT_PORTS.get(scheme))
    except ValueError:
        return ("", url, None)  # malformed: the same origin as nothing else


def same_origin(first: str, second: str) -> bool:
    return origin(first) == origin(second)


class ProxyProblem(ValueError):
    """A proxy address that cannot be used; ``str()`` says why, in plain words."""


def proxy_address(text: str) -> str:
    """The proxy ``text`` as httpx takes it: ``host:port``, as officers often type it, is an
    http proxy (as httpx reads the environment variables). ``socks5://`` and ``socks5h://`` (an
    organisation's SOCKS proxy, an ``ssh -D`` tunnel) are taken as they are; httpx speaks no
    SOCKS4. Raises ``ProxyProblem``."""
    value = text.strip()
    if not value:
        return ""
    if "://" not in value:
        value = "http://" + value
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is no port
    except ValueError:
        raise ProxyProblem(_("the port must be a number from 1 to 65535.")) from None
    scheme = parts.scheme.lower()
    if scheme in ("socks4", "socks4a"):
        raise ProxyProblem(_("SOCKS4 proxies are not supported; use a SOCKS5 proxy "
                             "(socks5://) or an http proxy."))
    if scheme not in PROXY_SCHEMES or not parts.hostname or \
            why_invalid(f"http://{parts.netloc}/") is not None or parts.path not in ("", "/"):
        # Both kinds: "socks://" was refused with an http example only.
        raise ProxyProblem(_("give an address like http://proxy.example.nl:8080 or "
                             "socks5://proxy.example.nl:1080."))
    if scheme.startswith("socks") and parts.port is None:
        # http has its port 80; SOCKS has no port to assume (1080 is a habit, not a rule).
        host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
        raise ProxyProblem(_("a SOCKS proxy needs its port, as in {example}.").format(
            example=f"{scheme}://{host}:1080"))
    return value


def without_password(url: str) -> str:
    """``url`` with any ``user:password@`` part taken out, to be shown or logged."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()


def environment_proxy_problem() -> tuple[str, str, str] | None:
    """The first proxy environment variable that cannot be used: (name, value shown, why)."""
    for name in PROXY_VARIABLES:
        value = os.environ.get(name, "").strip()
        if not value:
            continue
        try:
            proxy_address(value)
        except ProxyProblem as problem:
            return name, without_password(value), str(problem)
    return None
