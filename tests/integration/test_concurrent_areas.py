"""The command line refreshes feeds while the window's services write log entries and drafts.

Both on one data folder at once: no "database is locked" reaches anyone, and no write is lost.
"""

from __future__ import annotations

import os
import subprocess
import sys

from ambtenaar20.core.app_context import create_app_context
from tests.feeds.feed_server import rss
from tests.helpers import REPO_ROOT, run_cli

FEEDS = 20
ITEMS_PER_FEED = 40
ROUNDS = 3


def feed_items(round_number: int, feed: int) -> list[dict[str, str]]:
    return [{"title": f"Bericht {round_number}-{feed}-{n} over zorg",
             "guid": f"{round_number}-{feed}-{n}", "link": f"https://e.nl/{round_number}/{n}",
             "description": "Nieuws over de zorg in de gemeente " * 5,
             "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"} for n in range(ITEMS_PER_FEED)]


def test_refresh_beside_log_and_draft_writes_loses_nothing(tmp_path, feed_server):
    data_dir = tmp_path / "data"
    assert run_cli("--data-dir", str(data_dir), "topics", "add", "Zorg", "--query",
                   "zorg").returncode == 0
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.area_writer", str(data_dir), str(stop)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)))
    refresh_errors = []
    for round_number in range(ROUNDS):
        outlines = []
        for feed in range(FEEDS):
            url = feed_server.add(f"/r{round_number}/f{feed}.xml",
                             rss(f"Feed {round_number}-{feed}",
                                 feed_items(round_number, feed)))
            outlines.append(f'<outline type="rss" text="f{feed}" xmlUrl="{url}"/>')
        opml = tmp_path / f"round{round_number}.opml"
        opml.write_text(f'<opml version="2.0"><body>{"".join(outlines)}</body></opml>')
        for args in (("feeds", "import", str(opml)), ("refresh", "--format", "json")):
            result = run_cli("--data-dir", str(data_dir), *args)
            refresh_errors.append(result.stderr)
            assert result.returncode == 0, result.stderr
        assert writer.poll() is None  # still writing while the refresh ran
    stop.touch()
    out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err
    assert "locked" not in err and not any("locked" in e for e in refresh_errors)
    written = [line.split() for line in out.splitlines()]
    log_ids = {int(n) for kind, n in written if kind == "log"}
    draft_ids = {int(n) for kind, n in written if kind == "draft"}
    assert len(log_ids) > 20

    context = create_app_context(data_dir, "en")
    try:
        assert context.store.integrity_check() == ["ok"]
        assert {entry.id for entry in context.logbook.list()} == log_ids
        drafts = {draft.id: draft.text for draft in context.drafting.drafts.list()}
        assert set(drafts) == draft_ids
        assert all(text.endswith(", bewerkt") for text in drafts.values())
        assert len(context.items.item_ids()) == ROUNDS * FEEDS * ITEMS_PER_FEED
    finally:
        context.close()
