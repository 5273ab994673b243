"""GUI event-loop stall during a refresh of 50 feeds x 100 items served on loopback.

    QT_QPA_PLATFORM=offscreen python benchmarks/refresh_gui_stall.py [--feeds 50] [--items 100]

A 2 ms heartbeat timer runs while the Volgen area refreshes (fetch, parse, write and the
sentiment pass that follows on worker threads); the longest gap between two beats is the
longest time the window could not react. Goal: max <= 50 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import itertools

from feed_corpus import LoopbackFeeds
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.gui.areas.following.area import FollowingArea


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=100)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    server = LoopbackFeeds(args.feeds, args.items)
    with tempfile.TemporaryDirectory() as tmp:
        context = create_app_context(tmp, "en")
        for url in server.urls():
            context.feeds.add_feed(url)
        context.topics.add_topic("Zorg", "zorg OR jeugd*")
        area = FollowingArea(context)
        area.show()
        deadline = time.monotonic() + 10
        while area.pages.currentIndex() != 1 and time.monotonic() < deadline:
            app.processEvents()
        beats: list[float] = []
        heartbeat = QTimer()
        heartbeat.setInterval(2)
        heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
        heartbeat.start()
        started = time.perf_counter()
        task = area.refresh()
        while not task.done:
            app.processEvents()
            time.sleep(0.0005)
        refresh_s = time.perf_counter() - started
        # Let the list reload and the sentiment pass that follows run too.
        settle = time.perf_counter() + 3
        while time.perf_counter() < settle:
            app.processEvents()
            time.sleep(0.0005)
        heartbeat.stop()
        gaps = [(b - a) * 1000 for a, b in itertools.pairwise(beats)]
        print(f"refresh of {args.feeds} feeds x {args.items} items: {refresh_s * 1000:.0f} ms, "
              f"then 3 s of list reload and sentiment")
        print(f"heartbeats: {len(beats)}, median gap {statistics.median(gaps):.1f} ms, "
              f"max gap {max(gaps):.1f} ms   (goal: max <= 50 ms)")
        area.close()
        context.close()
    server.stop()


if __name__ == "__main__":
    main()
