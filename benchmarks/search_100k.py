"""Search and topic listing over 100,000 items: p50 and p95 of the queries the window runs.

    python benchmarks/search_100k.py [--items 100000] [--repeat 30]

Each query is what the item list asks for: the number of items in the selection, and its first
page of 200 rows, newest first (the list model fetches further pages when scrolled to).
Goal: p50 <= 20 ms.
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

from fill_items import fill_items

from ambtenaar20.core.app_context import create_app_context

CASES = [
    ("search: one word", {"query": "omgevingswet"}),
    ("search: phrase", {"query": '"open overheid"'}),
    ("search: prefix + OR", {"query": "subsid* OR participatie"}),
    ("search: AND NOT", {"query": "gemeente -fiets"}),
    ("topic list (ids, all)", {"topic": "Zorg"}),
    ("topic list, unread", {"topic": "Wonen", "unread": True}),
    ("all items", {}),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        fill_items(Path(tmp), args.items)
        print(f"filled {args.items} items in {time.perf_counter() - start:.1f} s")
        context = create_app_context(Path(tmp), "en")
        items = context.items
        topics = context.topics
        print(f"{'case':28}{'matches':>9}{'p50':>9}{'p95':>9}")
        for label, selection in CASES:
            timings = []
            for _ in range(args.repeat):
                began = time.perf_counter()
                total = items.count_items(**selection)
                items.rows(items.item_ids(**selection, limit=200), full=False)
                timings.append((time.perf_counter() - began) * 1000)
            timings.sort()
            p95 = timings[int(len(timings) * 0.95) - 1]
            print(f"{label:28}{total:>9}{statistics.median(timings):>7.1f}ms{p95:>7.1f}ms")
        timings = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            topics.list_topics()
            timings.append((time.perf_counter() - began) * 1000)
        print(f"{'topics with unread counts':28}{'':>9}{statistics.median(timings):>7.1f}ms")
        print("goal: p50 <= 20 ms")
        context.close()


if __name__ == "__main__":
    main()
