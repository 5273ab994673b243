"""Looking at an address once, before it is followed (``feeds add``, *Feed toevoegen*).

A refresh would report a bad address at every run; looking first lets the officer correct it
while still typing. The judgement is a refresh's (the same fetcher, parsers and words), made on
the address given and, when that is a web page, on the feed the page announces: following an
announced feed unseen would store an address that a refresh can never fetch.

A login given with the address goes only to that address's origin (scheme, server, port). A
page may announce a feed elsewhere: that feed is looked at, and followed, without the login
(``Discovery.without_login``), or refused when it asks for one.

Loaded by ``FeedService`` on first use, with the HTTP client and the parsers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.feeds import addresses, fetcher
from ambtenaar20.core.feeds.parsing import (
    NotAFeedError,
    discover_feed_links,
    looks_like_html,
    not_a_feed_reason,
    parse_failure_reason,
    parse_feed,
)
from ambtenaar20.core.i18n import _

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

#: Makes the one-line refusal for a reason in a refresh's words.
Refusal = Callable[[str], UsageError]


@dataclass(frozen=True)
class Discovery:
    """What was found at an address.

    ``kind`` is ``feed`` (``feeds`` holds the address itself), ``page`` (``feeds`` holds the
    feeds a web page announces: the one it announces, checked like a given address, or several
    for the officer to pick from, each checked once picked) or ``unknown`` (the address could
    not be checked now).
    """

    kind: str
    feeds: list[tuple[str, str]] = field(default_factory=list)
    #: Why the feed to follow could not be checked now, in plain words; empty when it was.
    problem: str = ""
    #: The feed to follow is on another origin than the address the login was given for: it
    #: was looked at without the login, and is to be followed (and stored) without it.
    without_login: bool = False
    #: An address given without a scheme whose https form could not connect securely while
    #: its http form answered (``without_scheme``): that http address, which is followed.
    taken_as_http: str = ""

    @property
    def checked(self) -> bool:
        return not self.problem

    def unchecked_note(self, url: str) -> str:
        """What to tell the officer when ``url`` is followed without having been checked."""
        return _("Note: {url} could not be checked now: {reason} It is added and will be "
                 "fetched at the next refresh.").format(url=url, reason=self.problem)

    def scheme_note(self, given: str, assumed: str) -> str:
        """What to tell the officer about the address ``given`` without a scheme, which was
        ``assumed`` to be https: taken as that, or as http when https could not be used."""
        if not self.taken_as_http:
            return _("'{given}' has no http:// or https://; taken as {url}.").format(
                given=given, url=assumed)
        # Only "nothing speaks https there" leads to http (``without_scheme.NO_HTTPS``), never
        # a certificate problem: the fetch error's own text ("TLS- of certificaatprobleem")
        # would suggest a certificate warning was ignored, so it is not repeated here.
        return _("'{given}' has no http:// or https://; taken as {url}, because no secure "
                 "(https) server answers at {https}.").format(
            given=given, url=self.taken_as_http, https=assumed)

    def login_note(self, url: str) -> str:
        """What to tell the officer when ``url`` is followed ``without_login``."""
        return _("The feed {url} is on another address than the one the login was given for; "
                 "it is followed without the login.").format(url=url)


def look(client: httpx.Client, url: str, auth: tuple[str, str] | None,
         options: fetcher.FetchOptions) -> Discovery:
    """The address the officer gave: a feed, a web page that announces feeds, or ``unknown``.

    The feeds of a page are not fetched here: the caller checks the one to follow with
    ``check_announced``. Raises ``UsageError`` when the answer says there is no feed here.
    """
    return judge(fetcher.fetch(client, url, auth=auth, options=options), url)


def judge(result: fetcher.FetchResult, url: str) -> Discovery:
    """``look``'s judgement of the answer ``result`` at ``url``."""
    refuse = partial(refusal, url)
    if result.status == "error":
        return Discovery("unknown", [], _passing_problem(result, refuse))
    if result.status == "ok":  # else a 304: not asked for (no ETag was sent), but no problem
        html = looks_like_html(result.body, result.content_type)
        if html:
            links = discover_feed_links(result.body, result.final_url or url)
            if links:
                return Discovery("page", links)
        _read(result, refuse, UsageError(_("{url} is a web page that announces no feed.").format(
            url=url)) if html else None)
    return Discovery("feed", [(url, "")])


def check_announced(client: httpx.Client, page: str, url: str, title: str,
                    auth: tuple[str, str] | None, options: fetcher.FetchOptions) -> Discovery:
    """The feed ``url`` that the web page ``page`` announces, judged as a given address is.

    Only its web page is not looked into for feeds again: a refresh cannot read a web page, so
    an announced address that shows one is refused. The refusal names the page and the feed.
    The login ``auth``, given for ``page``, goes only to a feed on the page's origin; one
    elsewhere is looked at without it, and refused if it asks for a login.
    """
    elsewhere = auth is not None and not addresses.same_origin(page, url)
    result = fetcher.fetch(client, url, auth=None if elsewhere else auth, options=options)
    refuse = partial(announced_refusal, page, url)
    if elsewhere and result.http_status == 401:
        raise refuse(_("It is on another address than the page, and the login is sent only to "
                       "the address it was given for. If the login is meant for this feed, add "
                       "the feed by its own address."))
    if result.status == "error":
        return Discovery("page", [(url, title)], _passing_problem(result, refuse),
                         without_login=elsewhere)
    if result.status == "ok":
        _read(result, refuse)
    return Discovery("page", [(url, title)], without_login=elsewhere)


def refusal(url: str, reason: str) -> UsageError:
    """``feeds add`` refusing ``url``: one line, with the reason a refresh would give."""
    return UsageError(_("{url} was not added: {reason}").format(url=url, reason=_one_line(reason)))


def announced_refusal(page: str, url: str, reason: str) -> UsageError:
    """Refusing the feed ``url`` announced by ``page``: the officer typed the page, so both are
    named, with the reason a refresh of ``url`` would give."""
    return UsageError(_("The web page {page} announces the feed {url}, which was not added: "
                        "{reason}").format(page=page, url=url, reason=_one_line(reason)))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _passing_problem(result: fetcher.FetchResult, refuse: Refusal) -> str:
    """The reason of a failed fetch that may pass; one that lasts is refused."""
    reason = result.error or ""
    if result.lasting:
        raise refuse(reason)
    return reason


def _read(result: fetcher.FetchResult, refuse: Refusal,
          no_feed: UsageError | None = None) -> None:
    """Read the body as a refresh reads it: an ill-formed or empty document, a binary or an
    error page is refused now rather than reported at every refresh. ``no_feed``, when given,
    is raised instead of the refresh's words for a body that is no feed."""
    try:
        parse_feed(result.body, datetime.now(UTC), result.content_type, result.final_url or "")
    except NotAFeedError:
        raise (no_feed or refuse(not_a_feed_reason(result.body, result.content_type))) from None
    except Exception as error:  # a parser bug: a refresh would fail on it just the same
        log.exception("parsing a feed to be added failed")
        raise refuse(parse_failure_reason(error)) from error
