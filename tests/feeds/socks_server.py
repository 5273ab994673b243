"""A minimal SOCKS5 proxy on 127.0.0.1 for tests: no authentication, CONNECT only (RFC 1928).

It relays to loopback addresses only (the feed servers of the tests) and records every
CONNECT it was asked for, so a test can tell that a feed really came through the proxy. In
``silent`` mode it accepts connections and never answers, like a hung ``ssh -D`` tunnel; with a
``banner`` it greets every connection with that and no SOCKS, like an ssh server's own port.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import struct
import threading

LOOPBACK_NAMES = ("localhost",)


class SocksServer:
    def __init__(self, *, silent: bool = False, banner: bytes = b"") -> None:
        self.silent = silent
        self.banner = banner
        #: (host as the client sent it, port) of every CONNECT request, in order.
        self.connects: list[tuple[str, int]] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="socks-server", daemon=True)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> SocksServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        _close(self._listener)  # shutting it down wakes the thread waiting in accept()
        with self._lock:
            for sock in self._open:
                _close(sock)
        self._thread.join(timeout=5)

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _peer = self._listener.accept()
            except OSError:  # closed by stop()
                return
            self._keep(client)
            if self.banner:
                client.sendall(self.banner)
            elif not self.silent:
                threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _keep(self, sock: socket.socket) -> None:
        with self._lock:
            self._open.append(sock)

    def _serve(self, client: socket.socket) -> None:
        try:
            target = self._handshake(client)
        except (OSError, ValueError):
            _close(client)
            return
        if target is None:
            _close(client)
            return
        _relay(client, target)

    def _handshake(self, client: socket.socket) -> socket.socket | None:
        version, count = _exactly(client, 2)
        methods = _exactly(client, count)
        if version != 5 or 0 not in methods:
            client.sendall(b"\x05\xff")  # no acceptable method
            return None
        client.sendall(b"\x05\x00")
        version, command, _reserved, kind = _exactly(client, 4)
        if kind == 1:
            host = str(ipaddress.IPv4Address(_exactly(client, 4)))
        elif kind == 3:
            host = _exactly(client, _exactly(client, 1)[0]).decode("idna")
        elif kind == 4:
            host = str(ipaddress.IPv6Address(_exactly(client, 16)))
        else:
            raise ValueError(f"address type {kind}")
        (port,) = struct.unpack("!H", _exactly(client, 2))
        self.connects.append((host, port))
        if command != 1:
            client.sendall(_reply(7))  # command not supported
            return None
        if host not in LOOPBACK_NAMES and not ipaddress.ip_address(host).is_loopback:
            client.sendall(_reply(2))  # not allowed: a test proxy reaches this machine only
            return None
        try:
            target = socket.create_connection((host, port), timeout=5)
        except OSError:
            client.sendall(_reply(5))  # connection refused
            return None
        target.settimeout(None)
        self._keep(target)
        client.sendall(_reply(0))
        return target


def _reply(code: int) -> bytes:
    return bytes([5, code, 0, 1]) + bytes(4) + b"\x00\x00"


def _exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ValueError("closed during the handshake")
        data += chunk
    return data


def _relay(client: socket.socket, target: socket.socket) -> None:
    """Both directions until either side closes."""

    def pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            _close(source)
            _close(sink)

    threading.Thread(target=pump, args=(target, client), daemon=True).start()
    pump(client, target)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by the other side
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
