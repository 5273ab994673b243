"""The window scores items of older tone rules again in the background, after its first screen
has been painted (as the daily backup), and the rows on screen take their new tone."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ambtenaar20.core.analysis.sentiment import TONE_RULES_VERSION
from ambtenaar20.core.feeds import tone_rules_upgrade as upgrade
from ambtenaar20.gui import app as gui_app
from tests.feeds.feed_server import rss
from tests.feeds.test_tone_rules_upgrade import ITEMS, score_under_old_rules

GREEN = "Green roofs: costs and benefits"


def test_the_pass_starts_after_the_first_screen_and_updates_the_rows(qtbot, make_context,
                                                                      feed_server):
    from ambtenaar20.gui.main_window import MainWindow

    context = make_context()
    context.feeds.add_feed(feed_server.add("/tone.xml", rss("Gemeente", ITEMS)))
    context.feeds.refresh()
    db = context.items.db
    score_under_old_rules(db, None)
    context.items.set_sentiment_override(
        db.execute("SELECT id FROM items WHERE title LIKE 'Koele%'").fetchone()[0], "positive")
    window = MainWindow(context)
    qtbot.addWidget(window)
    startup = gui_app.StartUp(QApplication.instance(), context, window, smoke_test=False)
    startup.fill_before_showing()
    assert window.populated
    # Opened and filled, not yet painted: nothing started, nothing marked.
    assert startup.tone_upgrade is None and startup.settings_watch is None
    assert db.execute("SELECT count(*) FROM items WHERE sentiment = 'negative'").fetchone()[0] \
        == 3
    model = window.area("follow").model
    assert shown(model).get(GREEN) == "negatief"  # as stored under the old rules
    window.show()
    startup.start()
    qtbot.waitUntil(lambda: startup.first_screen_done, timeout=10_000)
    assert startup.tone_upgrade is not None
    assert startup.settings_watch is not None  # settings saved elsewhere are taken in
    qtbot.waitUntil(lambda: upgrade.stored_version(db) == TONE_RULES_VERSION, timeout=20_000)
    labels = dict(db.execute("SELECT title, coalesce(sentiment_override, sentiment) "
                             "FROM items").fetchall())
    assert labels == {GREEN: "neutral", "Koele plekken kaart online": "positive",
                      "Bewoners boos over kap van bomen": "negative"}
    qtbot.waitUntil(lambda: shown(model).get(GREEN) == "neutraal", timeout=10_000)
    assert shown(model)["Koele plekken kaart online"] == "positief"


def shown(model) -> dict[str, str]:
    """The Toon column of Volgen's list, by title."""
    column, titles = model.COLUMNS.index("sentiment"), model.COLUMNS.index("title")
    return {model.index(row, titles).data(): model.index(row, column).data()
            for row in range(model.rowCount())}


def test_a_window_closed_before_its_first_screen_starts_nothing(qtbot, make_context):
    # The fallback timer (AFTER_START_MS) fired after a window was gone and started the
    # re-scoring and the settings watch for it: "Internal C++ object already deleted".
    import shiboken6

    from ambtenaar20.gui.main_window import MainWindow

    context = make_context()
    window = MainWindow(context)
    startup = gui_app.StartUp(QApplication.instance(), context, window, smoke_test=False)
    shiboken6.delete(window)
    startup._first_screen_shown()
    assert startup.first_screen_done
    assert startup.tone_upgrade is None and startup.settings_watch is None
