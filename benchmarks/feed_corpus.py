"""Shared by the feeds benchmarks: generated feeds served on loopback, and a filled data dir.

The words are a fixed Dutch/English vocabulary shuffled with a seeded random generator, so each
run measures the same bytes.
"""

from __future__ import annotations

import hashlib
import random
import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

WORDS = ("gemeente zorg financiële steun wonen woningmarkt omgevingswet burgers raad wethouder "
         "begroting klimaat energie verkeer fiets school jeugd veiligheid politie participatie "
         "subsidie duurzaam inwoners besluit plan overleg digitaal privacy data open overheid "
         "policy council budget housing climate people city service public health transport "
         "good bad great terrible happy angry mooi slecht goed vervelend prachtig zorgen").split()


_SYLLABLES = ("ver", "ge", "be", "ont", "lan", "stad", "werk", "huis", "raad", "zaak", "plan",
              "wet", "dorp", "kan", "ter", "men", "ing", "heid", "lijk", "baar", "tie", "ren")
#: A few thousand made-up words, so that a policy word occurs in a realistic few percent of
#: items instead of in nearly all of them.
_VOCABULARY_RNG = random.Random(3)
VOCABULARY = sorted({"".join(_VOCABULARY_RNG.choice(_SYLLABLES) for _ in range(4))
                     for _ in range(6000)})


def sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) if rng.random() < 0.05 else rng.choice(VOCABULARY)
              for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def feed_xml(index: int, items: int) -> bytes:
    rng = random.Random(index)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    parts = []
    for number in range(items):
        body = " ".join(f"<p>{escape(sentence(rng, 18))}</p>" for _ in range(7))
        parts.append(
            f"<item><title>{escape(sentence(rng, 8))}</title>"
            f"<link>https://example.org/{index}/{number}</link>"
            f"<guid>urn:bench:{index}:{number}</guid>"
            f"<pubDate>{format_datetime(start + timedelta(hours=number + index))}</pubDate>"
            f"<description>{escape(body)}</description></item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Feed {index}</title><link>https://example.org/{index}</link>"
            f"<description>bench</description>{''.join(parts)}</channel></rss>").encode()


class _Server(ThreadingHTTPServer):
    # The default backlog of 5 drops concurrent connects, each costing a 1 s SYN retry.
    request_queue_size = 128
    daemon_threads = True


class LoopbackFeeds:
    """``count`` feeds of ``items`` items on 127.0.0.1, with ETag/Last-Modified and 304."""

    def __init__(self, count: int, items: int) -> None:
        self.bodies = {f"/feed{index}.xml": feed_xml(index, items) for index in range(count)}
        bodies = self.bodies

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body are separate writes: without this, Nagle + delayed ACK add
            # ~40 ms to every response and the benchmark would measure TCP, not the readers.
            disable_nagle_algorithm = True

            def log_message(self, *args):
                pass

            def do_GET(self):
                body = bodies.get(self.path)
                if body is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                etag = '"' + hashlib.sha1(body).hexdigest() + '"'
                modified = "Thu, 01 Jan 2026 00:00:00 GMT"
                if self.headers.get("If-None-Match") == etag or (
                        self.headers.get("If-None-Match") is None
                        and self.headers.get("If-Modified-Since") == modified):
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", modified)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = _Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def urls(self) -> list[str]:
        port = self.httpd.server_address[1]
        return [f"http://127.0.0.1:{port}{path}" for path in self.bodies]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
