"""Why a feed could not be fetched, or no fetch could start, in the officer's words.

The fetcher's messages: full sentences in the interface language (``FeedError``, stored by its
reason, so each reader sees them in their own language), without the library's own
text (OpenSSL's ``(_ssl.c:1006)``, zlib's ``incorrect header check``), which the fetcher
writes to the log instead. A setting that makes no client at all (certificates, a proxy) is a
``UsageError`` that names the setting or environment variable and its value (never a password).
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.feeds import addresses, proxy_route
from ambtenaar20.core.feeds.feed_errors import FeedError
from ambtenaar20.core.i18n import _

if TYPE_CHECKING:
    import httpx

    from ambtenaar20.core.feeds.fetcher import FetchOptions
    from ambtenaar20.core.feeds.proxy_route import ProxyRoute

log = logging.getLogger("ambtenaar20.core.feeds.fetcher")


def certificate_problem(error: OSError) -> UsageError:
    for variable in ("SSL_CERT_FILE", "SSL_CERT_DIR"):
        if os.environ.get(variable):
            log.warning("the certificates of %s could not be loaded: %s", variable, error)
            return UsageError(_("The certificates for secure connections could not be loaded "
                                "from {variable} ({path}): it cannot be read or holds no "
                                "certificates. Correct {variable} or remove it.").format(
                                    variable=variable, path=os.environ[variable]))
    return UsageError(_("The certificates for secure connections could not be loaded (check "
                        "SSL_CERT_FILE and SSL_CERT_DIR): {reason}").format(reason=error))


def proxy_problem(options: FetchOptions, error: Exception) -> UsageError:
    log.warning("the proxy cannot be used: %s: %s", type(error).__name__, error)
    if options.proxy:
        where, value = "feeds.proxy", addresses.without_password(options.proxy)
        try:
            addresses.proxy_address(options.proxy)
            reason = _("it cannot be used.")
        except addresses.ProxyProblem as problem:
            reason = str(problem)
    else:
        found = addresses.environment_proxy_problem()
        where, value, reason = found or ("HTTP_PROXY", "", _("it cannot be used."))
    return UsageError(_("The proxy {value} in {setting} cannot be used: {reason}").format(
        value=value, setting=where, reason=reason))


def proxy_reason(error: httpx.ProxyError) -> FeedError:
    """Why the proxy let no request through. A SOCKS proxy's own failure (``socks_proxy``)
    names the proxy: with one, every feed fails alike, and the proxy is what to look at."""
    from ambtenaar20.core.feeds import socks_proxy

    trouble = error.__cause__
    if not isinstance(trouble, socks_proxy.ProxyTrouble):
        return FeedError("proxy_refused")
    if trouble.kind == socks_proxy.NAME_NOT_FOUND:
        return FeedError("socks_name", proxy=trouble.proxy)
    if trouble.kind == socks_proxy.TIMED_OUT:
        return FeedError("socks_timeout", proxy=trouble.proxy)
    if trouble.kind == socks_proxy.BROKEN_OFF:
        return FeedError("socks_broken_off", proxy=trouble.proxy)
    return FeedError("socks_unreachable", proxy=trouble.proxy)


def connect_reason(error: httpx.ConnectError, route: ProxyRoute | None = None) -> FeedError:
    """Why no connection was made; ``route``: the http proxy the request went to, which is
    then what did not answer (``proxy_route``)."""
    text = str(error)
    lowered = text.lower()
    if "certificate" in lowered or "ssl" in lowered or "tls" in lowered:
        return tls_reason(lowered)
    name_not_found = "name or service not known" in lowered or \
        "nodename nor servname" in lowered or "getaddrinfo" in lowered or \
        "name resolution" in lowered or "no address associated" in lowered
    if route is not None:
        setting = _("your system's proxy settings") \
            if route.setting == proxy_route.SYSTEM_SETTINGS else route.setting
        return FeedError("proxy_name" if name_not_found else "proxy_unreachable",
                         proxy=route.proxy, setting=setting)
    if name_not_found:
        return FeedError("dns")
    if "refused" in lowered:
        return FeedError("refused")
    if "unreachable" in lowered:
        return FeedError("unreachable")
    return FeedError("connect_failed")


def tls_reason(lowered: str) -> FeedError:
    """What went wrong in securing the connection, from OpenSSL's words (in lower case)."""
    if "expired" in lowered:
        return FeedError("tls_expired")
    if "hostname mismatch" in lowered or "doesn't match" in lowered or \
            "not valid for" in lowered:
        return FeedError("tls_other_name")
    if "certificate verify failed" in lowered or "self-signed" in lowered or \
            "self signed" in lowered or "unable to get" in lowered:
        return FeedError("tls_untrusted")
    if "wrong version number" in lowered or "record layer" in lowered or \
            "unsupported protocol" in lowered or "packet length" in lowered or \
            "unexpected_eof" in lowered or "eof occurred" in lowered:
        return FeedError("tls_unsupported")
    return FeedError("tls_failed")
