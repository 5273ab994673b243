"""Fetching one feed politely and safely: the only place that talks HTTP for feeds.

Bounded everywhere: a connect time-out, and a total time-out over all redirects and the
body together; at most ``MAX_BYTES`` read (streamed, so an endless body stops at the cap), at
most ``MAX_REDIRECTS`` redirects and only to valid http/https addresses. Conditional GET with
both ETag and Last-Modified; a 304 returns no body so nothing is parsed. Every failure becomes
a ``FetchResult`` with a plain-language message in the officer's language (a ``FeedError``,
which is stored by its reason), never an exception, so one bad feed cannot stop the others;
the library's own words go to the log (without the address). A login is sent only to the
origin it was given for (``addresses``).

A configuration that makes no client at all (a proxy or certificate setting that cannot be
used) is a ``UsageError`` from ``make_client`` that names the setting: no feed can be fetched.

httpx is imported on first use (``_httpx``), not with this module: commands that only read the
subscriptions (``feeds import``, ``feeds list``) then never pay its ~60 ms import.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from types import ModuleType
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from ambtenaar20 import APP_NAME, __version__
from ambtenaar20.core.feeds import addresses, fetch_reasons
from ambtenaar20.core.feeds.feed_errors import FeedError

if TYPE_CHECKING:
    import ssl

    import httpx

log = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = f"Ambtenaar20/{__version__} (+{APP_NAME} feed reader)"
ALLOWED_SCHEMES = addresses.ALLOWED_SCHEMES
#: Redirects after which the old address is not to be used again (RFC 9110).
PERMANENT_REDIRECTS = (301, 308)


@dataclass(frozen=True)
class FetchOptions:
    connect_timeout: float = 10.0
    total_timeout: float = 30.0
    max_bytes: int = MAX_BYTES
    proxy: str | None = None


@dataclass
class FetchResult:
    url: str
    #: ``ok``, ``not_modified`` or ``error``.
    status: str
    http_status: int | None = None
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    error: FeedError | None = None
    #: Seconds the server asked us to wait (429/503 Retry-After).
    retry_after: float | None = None
    gone: bool = False
    #: The server's answer rules this address out for good, not for now: 401, 404, 410, a
    #: redirect away from http(s), a body over the size cap. Fetching again later gets the same
    #: answer, so ``feeds add`` refuses such an address; any other error (no network, DNS,
    #: time-out, 403, 429, 5xx, a redirect loop...) may pass.
    lasting: bool = False
    #: Where the feed has moved for good: the address reached through permanent redirects
    #: (301, 308) only, from the start; None when the first redirect was temporary, or none.
    permanent_url: str | None = None


def _httpx() -> ModuleType:
    """httpx, imported without its command-line client.

    ``import httpx`` also imports ``httpx._main`` (its CLI: click, rich, pygments; ~35 ms, a
    tenth of a refresh process) whenever click is installed. A ``None`` entry in
    ``sys.modules`` makes that one import fail, which httpx handles by defining a stub ``main``;
    the library itself is unaffected. Only done when httpx is not loaded yet.
    """
    if "httpx" not in sys.modules:
        sys.modules.setdefault("httpx._main", None)  # type: ignore[assignment]
    import httpx

    return httpx


class TlsContext:
    """The TLS settings for one refresh's client, prepared on a thread of their own.

    Preparing them means reading the bundle of trusted certificates, ~20 ms. OpenSSL does that
    without holding the interpreter lock, so a refresh starts it first and imports httpx and
    its own code meanwhile, instead of adding those 20 ms before the first fetch. The context
    is the one httpx makes by default (``httpx.create_ssl_context()``): ``SSL_CERT_FILE`` or
    ``SSL_CERT_DIR`` from the environment, else certifi's bundle. It is made here with ``ssl``
    and ``certifi`` directly, because importing httpx on this thread would hold the import
    lock that the refresh waits for, and nothing would run side by side (measured).
    """

    def __init__(self) -> None:
        self._done = threading.Event()
        self._context: ssl.SSLContext | None = None
        self._error: BaseException | None = None
        threading.Thread(target=self._build, name="tls-context", daemon=True).start()

    def _build(self) -> None:
        try:
            self._context = _default_tls_context()
        except BaseException as error:  # raised again for whoever asks for the context
            self._error = error
        finally:
            self._done.set()

    def get(self) -> ssl.SSLContext:
        """The context, once ready; an error in preparing it is raised here."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._context is not None
        return self._context


def _default_tls_context() -> ssl.SSLContext:
    import ssl

    if os.environ.get("SSL_CERT_FILE"):
        return ssl.create_default_context(cafile=os.environ["SSL_CERT_FILE"])
    if os.environ.get("SSL_CERT_DIR"):
        return ssl.create_default_context(capath=os.environ["SSL_CERT_DIR"])
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


def make_client(options: FetchOptions, tls: TlsContext | None = None) -> httpx.Client:
    """One client per refresh: shared connection pool, environment proxies honoured.

    Raises ``UsageError`` naming the setting when the certificates (``SSL_CERT_FILE``,
    ``SSL_CERT_DIR``) or a proxy (``options.proxy``, the environment) cannot be used.
    """
    httpx = _httpx()
    timeout = httpx.Timeout(options.total_timeout, connect=options.connect_timeout)
    try:
        client = httpx.Client(
            verify=tls.get() if tls is not None else True,
            timeout=timeout,
            follow_redirects=False,  # followed by hand: the scheme of every hop is checked
            trust_env=True,
            proxy=options.proxy or None,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate",
                     "Accept": "application/rss+xml, application/atom+xml, "
                               "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, "
                               "*/*;q=0.1"},
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
            event_hooks={"response": [_refuse_bad_redirect]},
        )
    except OSError as error:  # ssl.SSLError included: no or no usable certificates
        raise fetch_reasons.certificate_problem(error) from error
    except (ValueError, ImportError, httpx.InvalidURL) as error:  # ImportError: socksio
        raise fetch_reasons.proxy_problem(options, error) from error
    from ambtenaar20.core.feeds import socks_proxy

    socks_proxy.bound_handshakes(client, options.connect_timeout)
    return client


def is_http_url(url: str) -> bool:
    """An http or https address that can be fetched as it is (see ``addresses``)."""
    return addresses.is_http_url(url)


class _RefusedRedirect(Exception):
    """A redirect the fetch will not follow, raised before httpx reads its address."""

    def __init__(self, status: int, target: str) -> None:
        super().__init__(status)
        self.status = status
        self.target = target


def _redirect_target(current: str, location: str) -> str:
    try:
        return urljoin(current, location.strip())
    except ValueError:  # e.g. brackets that hold no IP address
        return location


def _refuse_bad_redirect(response: httpx.Response) -> None:
    """A response hook: httpx makes the next request of a redirect even when it does not follow
    it, and raises on a Location it cannot make one of (``javascript:...``, a port out of
    range). Refused here, before that."""
    if response.has_redirect_location:
        target = _redirect_target(str(response.request.url), response.headers["location"])
        if not is_http_url(target):
            raise _RefusedRedirect(response.status_code, target)


def _redirect_refusal(url: str, status: int, target: str) -> FetchResult:
    if addresses.has_http_scheme(target):
        return _error(url, FeedError("redirect_invalid"), status, lasting=True)
    return _error(url, FeedError("redirect_not_http"), status, lasting=True)


def fetch(client: httpx.Client, url: str, *, etag: str | None = None,
          last_modified: str | None = None, auth: tuple[str, str] | None = None,
          options: FetchOptions | None = None) -> FetchResult:
    httpx = _httpx()
    from ambtenaar20.core.feeds import socks_proxy

    options = options or FetchOptions()
    if not is_http_url(url):  # stored by an older version, which did not check as closely
        return _error(url, FeedError("invalid_address"), lasting=True)
    deadline = time.monotonic() + options.total_timeout
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    origin = addresses.origin(url)
    current = url
    permanent: str | None = None
    moving_for_good = True
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            # One time-out for all hops together: each gets what is left of it.
            left = deadline - time.monotonic()
            if left <= 0:
                return _error(url, FeedError("too_slow"))
            timeout = httpx.Timeout(left, connect=min(options.connect_timeout, left))
            # Credentials only go to the origin they were given for, never to a redirect target
            # elsewhere (nor from https to http: the scheme is part of the origin).
            hop_auth = (httpx.BasicAuth(*auth)
                        if auth and addresses.origin(current) == origin else None)
            with client.stream("GET", current, headers=headers, auth=hop_auth,
                               timeout=timeout) as response:
                if response.has_redirect_location:
                    target = _redirect_target(current, response.headers.get("location", ""))
                    if not is_http_url(target):
                        return _redirect_refusal(url, response.status_code, target)
                    moving_for_good = (moving_for_good and
                                       response.status_code in PERMANENT_REDIRECTS)
                    if moving_for_good:
                        permanent = target
                    current = target
                    continue
                result = _finish(url, current, response, deadline, options)
                result.permanent_url = permanent
                return result
        return _error(url, FeedError("redirect_loop", n=MAX_REDIRECTS))
    except _RefusedRedirect as refused:
        return _redirect_refusal(url, refused.status, refused.target)
    except httpx.ConnectTimeout:
        return _error(url, FeedError("connect_timeout"))
    except httpx.TimeoutException:
        return _error(url, FeedError("too_slow"))
    except httpx.ProxyError as error:
        _log_detail(error)
        return _error(url, fetch_reasons.proxy_reason(error))
    except socks_proxy.PROTOCOL_ERRORS as error:
        _log_detail(error)
        return _error(url, FeedError("not_socks5"))
    except httpx.ConnectError as error:
        _log_detail(error)
        from ambtenaar20.core.feeds.proxy_route import http_proxy_for

        route = http_proxy_for(current, options.proxy)
        return _error(url, fetch_reasons.connect_reason(error, route))
    except httpx.DecodingError as error:
        _log_detail(error)
        return _error(url, FeedError("undecodable"))
    except httpx.RemoteProtocolError as error:
        _log_detail(error)
        return _error(url, FeedError("broken_answer"))
    except httpx.HTTPError as error:
        _log_detail(error)
        return _error(url, FeedError("network"))
    except (httpx.InvalidURL, ValueError) as error:  # UnicodeError included (IDNA)
        _log_detail(error)
        return _error(url, FeedError("invalid_address"), lasting=True)
    except OSError as error:  # ssl.SSLError included
        _log_detail(error)
        text = str(error).lower()
        if "ssl" in text or "certificate" in text:
            return _error(url, fetch_reasons.tls_reason(text))
        return _error(url, FeedError("network"))


def _log_detail(error: BaseException) -> None:
    """The library's own words, for whoever reads the log; not the feed's address."""
    log.info("a feed could not be fetched: %s: %s", type(error).__name__, error)


def _finish(url: str, final: str, response: httpx.Response, deadline: float,
            options: FetchOptions) -> FetchResult:
    status = response.status_code
    etag = response.headers.get("etag")
    modified = response.headers.get("last-modified")
    if status == 304:
        return FetchResult(url, "not_modified", 304, etag=etag, last_modified=modified,
                           final_url=final)
    if status == 410:
        result = _error(url, FeedError("gone"), status, lasting=True)
        result.gone = True
        return result
    if status in (429, 503):
        result = _error(url, FeedError("busy", status=status), status)
        result.retry_after = parse_retry_after(response.headers.get("retry-after"))
        return result
    if status in (401, 403):
        # 401: these credentials (or none) will not do. 403 is left open: many intranets answer
        # it outside the office network only.
        return _error(url, FeedError("access_denied", status=status), status,
                      lasting=status == 401)
    if status == 404:
        return _error(url, FeedError("not_found"), status, lasting=True)
    if status >= 400:
        return _error(url, FeedError("http_error", status=status), status)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > options.max_bytes:
            return _error(url, FeedError("too_large", mb=options.max_bytes // (1024 * 1024) or 1),
                          status, lasting=True)
        if time.monotonic() > deadline:
            return _error(url, FeedError("too_slow"), status)
        chunks.append(chunk)
    return FetchResult(url, "ok", status, b"".join(chunks),
                       response.headers.get("content-type", ""), etag, modified, final)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    import email.utils

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


#: Kept under its old name: what a failed connection is called (``fetch_reasons``).
_connect_message = fetch_reasons.connect_reason


def _error(url: str, message: FeedError, http_status: int | None = None, *,
           lasting: bool = False) -> FetchResult:
    return FetchResult(url, "error", http_status, error=message, lasting=lasting)
