"""The first screen loads only what it shows: heavy libraries wait until they are used.

Start-up is measured in ``benchmarks/startup.py``; this keeps its cheapest wins from coming back
unnoticed. Looking up a topic by its name once pulled in the name matcher and the ``regex``
module (~13 ms of every start) for a case-folded comparison.
"""

from __future__ import annotations

import re

from tests.feeds.feed_server import rss
from tests.helpers import run_cli

#: Loaded when their feature is first used, never by the window's first screen.
LATER = ("regex", "httpx", "feedparser", "fastfeedparser", "textblob", "openpyxl", "nh3",
         "phonenumbers", "stdnum", "spellchecker", "pyphen", "sqlite_utils",
         "ambtenaar20.core.name_spellings", "ambtenaar20.core.analysis.pii")


def test_the_first_screen_with_topics_and_items_imports_no_heavy_library(data_dir,
                                                                         feed_server):
    items = [{"title": f"Hittestress in de wijk {n}", "guid": str(n),
              "link": f"https://example.org/{n}"} for n in range(5)]
    url = feed_server.add("/wijk.xml", rss("Gemeente", items))
    for args in (("feeds", "add", url), ("topics", "add", "Hittestress", "--query", "hitte*"),
                 ("refresh",)):
        assert run_cli("--data-dir", str(data_dir), *args).returncode == 0
    result = run_cli("--data-dir", str(data_dir), "gui", "--smoke-test",
                     env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 0, result.stderr
    # A module imported on the opening's thread may write its line into another's.
    imported = set(re.findall(r"\|\s+([A-Za-z_][\w.]*)", result.stderr))
    assert "ambtenaar20.gui.areas.following.item_table" in imported  # the list was measured
    assert sorted(imported & set(LATER)) == []
