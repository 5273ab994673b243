"""A feed's error as it is stored: a reason and its parameters, put into words when shown.

Stored as words, an error stayed in the language of the refresh that stored it: after
``ambtenaar20 --lang en refresh`` the Dutch ``feeds list`` and the window's tooltips showed
English errors beside Dutch ones. ``feeds.last_error`` holds ``{"reason": code, "params":
{...}}`` (JSON) instead, worded in the interface language whenever it is shown
(``describe``). Words stored by earlier versions, English or Dutch, are recognised by their
wording and shown the same way; words this version does not know are shown as stored (a
refresh that fails again stores the reason).

``FeedError`` is the text itself (a ``str``, in the language of the moment it was made), so
whoever shows or compares it needs nothing new; it carries its reason for ``stored_form``.
"""

from __future__ import annotations

import json
import re
from functools import cache
from string import Formatter

from ambtenaar20.core.i18n import N_, _, gettext_in

#: Every reason and its words (the English message ids). A code is stored in databases:
#: never rename or reuse one; a reason with other words gets a new code.
REASONS: dict[str, str] = {
    # The address and its redirects.
    "invalid_address": N_("The address is not a valid web address."),
    "redirect_invalid": N_("The feed redirects to an address that is not valid; it was not "
                           "followed."),
    "redirect_not_http": N_("The feed redirects to an address that is not http or https; it "
                            "was not followed."),
    "redirect_loop": N_("The feed redirects more than {n} times; it was not followed."),
    # The way to the server: network, proxy, secure connection.
    "too_slow": N_("The server was too slow to send the feed (time-out)."),
    "connect_timeout": N_("The server did not answer in time (connection time-out)."),
    "proxy_refused": N_("The proxy refused the connection or could not reach the server."),
    "socks_name": N_("The server name of the SOCKS proxy {proxy} could not be found (DNS). "
                     "Check the proxy's address."),
    "socks_timeout": N_("The SOCKS proxy {proxy} did not answer in time."),
    "socks_broken_off": N_("The SOCKS proxy {proxy} broke off the connection."),
    "socks_unreachable": N_("The SOCKS proxy {proxy} could not be reached: is the proxy (or the "
                            "ssh tunnel) running, and is its address right?"),
    "not_socks5": N_("The proxy does not answer as a SOCKS5 proxy. Check its address and kind "
                     "(an http proxy is written http://…)."),
    "proxy_unreachable": N_("The proxy {proxy} ({setting}) could not be reached: is its address "
                            "right, and is there a network connection? Your IT department knows "
                            "the right proxy."),
    "proxy_name": N_("The name of the proxy {proxy} ({setting}) could not be found (DNS). Check "
                     "the proxy's address; your IT department knows the right one."),
    "dns": N_("The server name could not be found (DNS). Check the address."),
    "refused": N_("The server refused the connection."),
    "unreachable": N_("The server cannot be reached: is there a network connection?"),
    "connect_failed": N_("Could not connect to the server."),
    "network": N_("The feed could not be fetched because of a network problem."),
    "tls_expired": N_("The secure connection failed (TLS/certificate problem): the server's "
                      "certificate has expired."),
    "tls_other_name": N_("The secure connection failed (TLS/certificate problem): the "
                         "certificate is for another server name."),
    "tls_untrusted": N_("The secure connection failed (TLS/certificate problem): the server's "
                        "certificate is not trusted. If your organisation uses its own "
                        "certificate authority, point SSL_CERT_FILE at it."),
    "tls_unsupported": N_("The secure connection failed (TLS/certificate problem): the server "
                          "does not offer a secure connection the app accepts."),
    "tls_failed": N_("The secure connection failed (TLS/certificate problem): the connection "
                     "could not be secured."),
    # The server's answer.
    "undecodable": N_("The server sent a compressed answer that could not be unpacked."),
    "broken_answer": N_("The server sent a broken answer or broke off the connection."),
    "gone": N_("The feed no longer exists (HTTP 410 Gone); it is no longer checked."),
    "busy": N_("The server is busy (HTTP {status}); it will be tried again later."),
    "access_denied": N_("Access denied (HTTP {status}): check the user name and password."),
    "not_found": N_("The feed was not found (HTTP 404)."),
    "http_error": N_("The server answered with an error (HTTP {status})."),
    "too_large": N_("The feed is larger than {mb} MB; it was not read."),
    # What the answer held.
    "web_page": N_("The address shows a web page, not a feed."),
    "not_a_feed": N_("The answer is not a feed that can be read."),
    "unreadable": N_("The feed could not be read: {reason}"),
    "unexpected": N_("The feed could not be fetched because of an unexpected error; the log "
                     "file has the details."),
}

#: Reasons with which the server asked to be left alone for a while (429, 503).
SERVER_ASKED_TO_WAIT = frozenset({"busy"})

Params = dict[str, str | int]


class FeedError(str):
    """Why a feed failed, in the interface language of now, with its reason for storing."""

    reason: str
    params: Params

    def __new__(cls, reason: str, **params: str | int) -> FeedError:
        text = super().__new__(cls, _(REASONS[reason]).format(**params))
        text.reason = reason
        text.params = params
        return text


def stored_form(error: str) -> str:
    """What ``feeds.last_error`` holds for ``error``: its reason, else (no ``FeedError``) the
    words themselves."""
    if isinstance(error, FeedError):
        return json.dumps({"reason": error.reason, "params": error.params}, ensure_ascii=False)
    return error


def reason_of(stored: str | None) -> tuple[str, Params] | None:
    """The reason and parameters of a stored error (this version's JSON or an earlier
    version's words); None when it is neither."""
    if not stored:
        return None
    if stored.startswith("{"):
        try:
            value = json.loads(stored)
            reason, params = value["reason"], value["params"]
        except (ValueError, KeyError, TypeError):
            return None
        return (reason, params) if reason in REASONS and isinstance(params, dict) else None
    for reason, pattern in _earlier_wordings():
        match = pattern.fullmatch(stored)
        if match:
            return reason, match.groupdict()
    return None


def describe(stored: str | None) -> str | None:
    """A stored error in the interface language; one of unknown reason as it was stored."""
    found = reason_of(stored)
    if found is None:
        return stored
    reason, params = found
    try:
        return _(REASONS[reason]).format(**params)
    except (KeyError, IndexError, ValueError):  # parameters changed by hand or by an erasure
        return stored


@cache
def _earlier_wordings() -> list[tuple[str, re.Pattern[str]]]:
    """Each reason's English and Dutch words as a pattern, its parameters as named groups."""
    patterns = []
    for reason, message in REASONS.items():
        for words in dict.fromkeys((message, gettext_in("nl", message))):
            patterns.append((reason, re.compile(_pattern(words), re.DOTALL)))
    return patterns


def _pattern(words: str) -> str:
    pattern, seen = "", set()
    for literal, name, _spec, _conversion in Formatter().parse(words):
        pattern += re.escape(literal)
        if name:
            pattern += f"(?P={name})" if name in seen else f"(?P<{name}>.+?)"
            seen.add(name)
    return pattern
