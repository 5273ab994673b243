"""A SOCKS5 proxy's handshake bounded in time, and its failures told apart from the feed's.

httpcore reads the proxy's handshake replies without a time-out: a proxy, or an ``ssh -D``
tunnel, that accepts the connection and never answers would hold a refresh for ever. The
connection pools httpx makes for a SOCKS proxy (from the settings or the environment) get a
network backend here that gives those reads and writes the connect time-out.

Behind a SOCKS proxy every connection the client opens goes to the proxy, so a failure to
connect, or one during the handshake, is the proxy's, not the feed server's. The backend raises
it as a ``ProxyTrouble`` (an httpcore ``ProxyError``: httpx raises its own ``ProxyError`` from
it), which says which failure it was and names the proxy, for ``fetch_reasons``.

Loaded by the fetcher after httpx, so importing httpcore here costs nothing more.
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

import httpcore

if TYPE_CHECKING:
    import ssl
    from collections.abc import Iterable

    import httpx

#: What ``ProxyTrouble.kind`` can be.
UNREACHABLE, NAME_NOT_FOUND, TIMED_OUT, BROKEN_OFF = ("unreachable", "name", "timeout",
                                                      "broken")


def _protocol_errors() -> tuple[type[BaseException], ...]:
    try:
        import socksio
    except ImportError:  # pragma: no cover - a dependency (httpx[socks]); then no SOCKS at all
        return ()
    return (socksio.SOCKSError,)


#: What the SOCKS library raises when the proxy's answer is no SOCKS5 (an http proxy, a web
#: server at that port): not an httpx error, so the fetcher catches it by name.
PROTOCOL_ERRORS = _protocol_errors()


class ProxyTrouble(httpcore.ProxyError):
    """The SOCKS proxy ``proxy`` (``host:port``) could not be used; ``kind`` says how."""

    def __init__(self, kind: str, proxy: str, detail: object) -> None:
        super().__init__(f"SOCKS proxy {proxy}: {kind}: {detail}")
        self.kind = kind
        self.proxy = proxy


def bound_handshakes(client: httpx.Client, seconds: float) -> None:
    """Give every SOCKS connection pool of ``client`` the bounded backend.

    httpx offers no way to pass a network backend, so the pools it made are reached through
    its private attributes; should those change, the handshake is merely unbounded again
    (tests/feeds/test_socks_proxy.py notices).
    """
    transports: Iterable[object] = (getattr(client, "_transport", None),
                                    *getattr(client, "_mounts", {}).values())
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        if isinstance(pool, httpcore.SOCKSProxy) and hasattr(pool, "_network_backend"):
            pool._network_backend = _BoundedBackend(pool._network_backend, seconds)


class _BoundedBackend(httpcore.NetworkBackend):
    """Connects to the SOCKS proxy; what goes wrong there is a ``ProxyTrouble``."""

    def __init__(self, inner: httpcore.NetworkBackend, seconds: float) -> None:
        self._inner = inner
        self._seconds = seconds

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[tuple] | None = None) -> httpcore.NetworkStream:
        proxy = f"{host}:{port}"
        try:
            stream = self._inner.connect_tcp(host, port, timeout=timeout,
                                             local_address=local_address,
                                             socket_options=socket_options)
        except httpcore.ConnectTimeout as error:
            raise ProxyTrouble(TIMED_OUT, proxy, error) from error
        except httpcore.ConnectError as error:
            kind = NAME_NOT_FOUND if isinstance(error.__cause__, socket.gaierror) else \
                UNREACHABLE
            raise ProxyTrouble(kind, proxy, error) from error
        return _HandshakeStream(stream, proxy, timeout if timeout is not None else self._seconds)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[tuple] | None = None
                            ) -> httpcore.NetworkStream:  # pragma: no cover - not for proxies
        return self._inner.connect_unix_socket(path, timeout=timeout,
                                               socket_options=socket_options)

    def sleep(self, seconds: float) -> None:  # pragma: no cover - only between retries
        self._inner.sleep(seconds)


class _HandshakeStream(httpcore.NetworkStream):
    """The connection to the proxy. httpcore speaks the SOCKS handshake over it without a
    time-out, and HTTP afterwards always with one (the request's): a read or write without one
    is the handshake's, and gets ``seconds``."""

    def __init__(self, stream: httpcore.NetworkStream, proxy: str, seconds: float) -> None:
        self._stream = stream
        self._proxy = proxy
        self._seconds = seconds

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        if timeout is not None:
            return self._stream.read(max_bytes, timeout)
        try:
            data = self._stream.read(max_bytes, self._seconds)
        except httpcore.ReadTimeout as error:
            raise ProxyTrouble(TIMED_OUT, self._proxy, error) from error
        except httpcore.ReadError as error:
            raise ProxyTrouble(BROKEN_OFF, self._proxy, error) from error
        if not data:  # closed before it answered; the SOCKS library would call that malformed
            raise ProxyTrouble(BROKEN_OFF, self._proxy, "closed during the handshake")
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if timeout is not None:
            self._stream.write(buffer, timeout)
            return
        try:
            self._stream.write(buffer, self._seconds)
        except httpcore.WriteTimeout as error:
            raise ProxyTrouble(TIMED_OUT, self._proxy, error) from error
        except httpcore.WriteError as error:
            raise ProxyTrouble(BROKEN_OFF, self._proxy, error) from error

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        # The handshake is over: what follows is the feed server's, and its failures too.
        return self._stream.start_tls(ssl_context, server_hostname=server_hostname,
                                      timeout=timeout)

    def get_extra_info(self, info: str) -> object:
        return self._stream.get_extra_info(info)
