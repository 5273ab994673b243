"""The feedparser test corpus, served over loopback: every file ingests, nothing active survives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "feedparser-tests"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpora/feedparser-tests")

ACTIVE = re.compile(
    r"<\s*(script|iframe|object|embed|applet|form|style|img|svg|math|link|meta|base|frame)\b"
    r"|\son[a-z]+\s*=|javascript:|vbscript:|data:|expression\s*\(|<!--|\sstyle\s*=|\ssrc\s*=",
    re.IGNORECASE)


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="feedparser test corpus not present")
def test_every_corpus_file_ingests_and_sanitize_cases_keep_no_active_content(context,
                                                                             feed_server):
    files = sorted(path for path in CORPUS.rglob("*") if path.is_file()
                   and path.parent != CORPUS)
    assert len(files) > 1000
    db = context.store.db
    with db.atomic():
        for _index, path in enumerate(files):
            relative = "/" + path.relative_to(CORPUS).as_posix()
            feed_server.add(relative, path.read_bytes(), content_type="application/xml")
            db.execute("INSERT INTO feeds (url, title, added) VALUES (?, '', '2024-01-01')",
                       [feed_server.url(relative)])
    report = context.feeds.refresh()  # an unhandled exception would fail the test here
    assert len(report.feeds) == len(files)
    ok = [outcome for outcome in report.feeds if outcome.status == "ok"]
    assert len(ok) > 0.95 * len(files)
    for outcome in report.feeds:
        if outcome.status == "error":
            assert outcome.error  # a plain message, stored per feed
    assert report.new_items > 1000
    sanitize_items = db.execute(
        "SELECT b.html, i.title, b.text FROM items i JOIN feeds f ON f.id = i.feed_id "
        "JOIN item_bodies b ON b.item_id = i.id "
        "WHERE f.url LIKE '%/sanitize/%'").fetchall()
    assert len(sanitize_items) > 100
    for html, title, _text in sanitize_items:
        assert not ACTIVE.search(html), html
        assert "<" not in title or not ACTIVE.search(title), title
    for href in re.findall(r'href="([^"]*)"', "".join(row[0] for row in sanitize_items)):
        assert not re.match(r"\s*[a-z][a-z0-9+.-]*:", href, re.IGNORECASE) or \
            href.lower().startswith(("http:", "https:", "mailto:")), href


@pytest.mark.skipif(not CORPUS.is_dir(), reason="feedparser test corpus not present")
def test_fast_path_agrees_with_feedparser_wherever_it_is_taken():
    from datetime import UTC, datetime

    import feedparser

    from ambtenaar20.core.feeds.parsing import _try_fast
    from ambtenaar20.core.feeds.sanitize import plain_text

    taken = 0
    for path in sorted(CORPUS.rglob("*.xml")):
        data = path.read_bytes()
        fast = _try_fast(data, datetime.now(UTC))
        if fast is None:
            continue
        taken += 1
        reference = feedparser.parse(data).entries
        assert len(fast.items) == len(reference), path
        for mine, theirs in zip(fast.items, reference, strict=True):
            assert mine.title == plain_text(str(theirs.get("title", "") or "")), path
            assert mine.link == str(theirs.get("link", "") or "").strip(), path
    assert taken > 0
