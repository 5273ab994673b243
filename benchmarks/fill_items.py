"""Fill a data dir with N generated feed items (for the start-up and search benchmarks).

    python benchmarks/fill_items.py DATA_DIR N

Items go in through the same storage path as a refresh (items, full-text rows, topic matches),
in 20 feeds, dated over the last 120 days. Generated text, for measuring only.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from feed_corpus import sentence

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.feeds import ingest
from ambtenaar20.core.feeds.parsing import ParsedFeed, ParsedItem
from ambtenaar20.core.feeds.service import stamp

TOPICS = {"Zorg": "zorg OR jeugd*", "Wonen": "woningmarkt OR (wonen -fiets)",
          "Klimaat": '"duurzaam klimaat" OR energie'}


def fill_items(data_dir: Path, count: int, feeds: int = 20) -> None:
    context = create_app_context(data_dir, "en")
    try:
        service = context.feeds
        for name, query in TOPICS.items():
            context.topics.add_topic(name, query)
        topics = [(row[0], row[1], row[2]) for row in
                  context.store.db.execute("SELECT id, name, query FROM topics")]
        rng = random.Random(7)
        now = datetime.now(UTC)
        per_feed = count // feeds
        for index in range(feeds):
            feed = service.add_feed(f"https://bench.example.org/{index}.xml", f"Feed {index}")
            items = []
            for number in range(per_feed):
                when = now - timedelta(minutes=rng.randrange(120 * 24 * 60))
                text = " ".join(sentence(rng, 16) for _ in range(4))
                items.append(ParsedItem(f"guid:{index}:{number}", sentence(rng, 7),
                                        f"https://bench.example.org/{index}/{number}", "",
                                        when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                        f"<p>{text}</p>", text))
            db = context.store.db
            with db.atomic():  # as a refresh stores a feed: items, then index and topics
                before = ingest.last_item_id(db)
                ingest.insert_items(db, feed["id"], ParsedFeed(f"Feed {index}", items),
                                    stamp(now))
                ingest.index_new_items(db, before, topics, {}, {})
    finally:
        context.close()


if __name__ == "__main__":
    fill_items(Path(sys.argv[1]), int(sys.argv[2]))
