"""Start-up: the data is opened while Qt loads, and the window appears with it on screen."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QApplication

from ambtenaar20.gui import app as gui_app
from ambtenaar20.gui.areas.empty_state import OpeningNote
from ambtenaar20.gui.areas.following.area import FollowingArea
from ambtenaar20.gui.main_window import MainWindow
from ambtenaar20.gui.opening import Opening
from tests.feeds.feed_server import rss
from tests.helpers import run_python


@pytest.fixture
def context_with_items(make_context, feed_server):
    """Two feeds with three items each, stored, and the database closed again."""
    context = make_context()
    for number in (1, 2):
        items = [{"title": f"Bericht {number}-{index}", "guid": f"{number}-{index}",
                  "link": f"https://example.org/{number}/{index}",
                  "description": "<p>Tekst</p>",
                  "pubDate": f"Mon, 0{index + 1} Sep 2025 10:00:00 +0000"} for index in range(3)]
        context.feeds.add_feed(feed_server.add(f"/feed{number}.xml", rss(f"Feed {number}", items)))
    report = context.feeds.refresh()
    assert report.new_items == 6
    context.topics.add_topic("Zorg", "bericht")
    context.close()
    return make_context()


def window_and_start_up(qtbot, context, opening: Opening) -> tuple[MainWindow, gui_app.StartUp]:
    """The main window and the real start-up sequence for it (not yet filled or shown)."""
    window = MainWindow(context)
    qtbot.addWidget(window)
    return window, gui_app.StartUp(QApplication.instance(), context, window, smoke_test=False,
                                   opening=opening)


def tree_texts(area: FollowingArea) -> list[str]:
    return [node.text(0) for node in area._all_nodes()]


def test_the_window_is_filled_before_it_is_shown(qtbot, context_with_items):
    context = context_with_items
    window, startup = window_and_start_up(qtbot, context, Opening(context))
    startup.fill_before_showing(wait_seconds=10)
    assert window.populated and not window.isVisible()
    area = window.areas["follow"]
    assert isinstance(area, FollowingArea)
    # Lists and the first page are there at once, not loaded after the window appeared.
    assert area.has_content
    assert area.model.rowCount() == 6 and area.model.total == 6
    assert "Feed 1 (3)" in tree_texts(area) and "Zorg (6)" in tree_texts(area)
    assert area.pages.currentIndex() == 1


def test_a_slow_opening_shows_the_window_first_and_fills_it_later(qtbot, context_with_items,
                                                                  monkeypatch):
    from ambtenaar20.core.store import database

    context = context_with_items
    # Held back until allowed, as a file that must be migrated first.
    monkeypatch.setattr(database, "opens_without_writing", lambda path: False)
    opening = Opening(context, allowed=False)
    window, startup = window_and_start_up(qtbot, context, opening)
    startup.fill_before_showing(wait_seconds=0.05)
    assert not window.populated
    window.show()
    note = window.areas["follow"]
    assert isinstance(note, OpeningNote) and "geopend" in note.note.text_label.text()
    startup.start()  # waits for the opening off the GUI thread
    opening.allow()
    qtbot.waitUntil(lambda: window.populated and window.areas["follow"].has_content,
                    timeout=10_000)
    assert window.areas["follow"].model.rowCount() == 6


def test_an_abandoned_opening_creates_nothing(make_context):
    context = make_context()
    opening = Opening(context, allowed=False)
    opening.abandon()
    assert opening.wait(10) and opening.failed
    with pytest.raises(RuntimeError):
        opening.first_screen()
    assert not context.store_is_open
    assert not context.paths.database.exists()


def test_an_area_without_a_first_screen_loader_only_opens_the_store(make_context):
    context = make_context()
    context.settings.window.area = 1  # the officer left the window on Schrijven
    opening = Opening(context)
    assert opening.key == "write"
    assert opening.first_screen() is None
    assert context.store_is_open


def test_the_opening_runs_without_qt(tmp_path):
    code = (
        "import sys\n"
        "from ambtenaar20.core.app_context import create_app_context\n"
        "from ambtenaar20.gui.opening import Opening\n"
        f"context = create_app_context({str(tmp_path / 'data')!r}, 'nl')\n"
        "context.start_integrity_check()\n"
        "first = Opening(context).first_screen()\n"
        "print(first.lists.feeds, first.total,\n"
        "      sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[]", "0", "[]"]


def test_the_collector_resumes_once_the_first_screen_is_painted(qtbot, context_with_items):
    import gc

    context = context_with_items
    window, startup = window_and_start_up(qtbot, context, Opening(context))
    gc.disable()  # as the command does at the very start
    try:
        startup.fill_before_showing(wait_seconds=10)
        window.show()
        assert not gc.isenabled()
        qtbot.waitUntil(lambda: startup.populated_ms is not None and gc.isenabled(),
                        timeout=10_000)
    finally:
        gc.enable()
        gc.unfreeze()


def test_a_current_database_is_read_before_the_lock_and_an_older_one_waits(make_context):
    context = make_context()
    assert context.store  # created and migrated: current, in WAL mode
    context.close()
    reading = make_context()
    opening = Opening(reading, allowed=False)
    assert opening.wait(10) and not opening.failed  # no lock needed to read
    assert opening.first_screen().lists.feeds == []
    reading.close()

    conn = sqlite3.connect(context.paths.database)
    conn.execute("PRAGMA user_version = 1")  # as an older version left it: a migration is due
    conn.close()
    migrating = make_context()
    opening = Opening(migrating, allowed=False)
    assert not opening.wait(0.3)  # changing the file waits for the window's lock
    assert not migrating.store_is_open
    opening.allow()
    assert opening.wait(10) and not opening.failed


def test_the_daily_backup_starts_once_the_first_screen_is_painted(qtbot, context_with_items,
                                                                  monkeypatch):
    from ambtenaar20.core.backup import service

    context = context_with_items
    window, startup = window_and_start_up(qtbot, context, Opening(context))
    started_after = []
    real = gui_app.start_daily_backup
    monkeypatch.setattr(gui_app, "start_daily_backup", lambda ctx: (
        started_after.append(startup.populated_ms), real(ctx))[1])
    startup.fill_before_showing(wait_seconds=10)
    assert started_after == []  # not while the window is being drawn
    window.show()
    qtbot.waitUntil(lambda: bool(service.automatic_backups(context.paths.backups_dir, "daily")),
                    timeout=10_000)
    assert started_after and started_after[0] is not None


def test_data_loaded_for_another_area_is_not_handed_to_the_area_on_screen(qtbot,
                                                                        context_with_items):
    context = context_with_items
    opening = Opening(context)  # loads the Volgen area's lists (the remembered area)
    context.settings.window.area = 1  # ...but the window opens on Schrijven
    window, startup = window_and_start_up(qtbot, context, opening)
    startup.fill_before_showing(wait_seconds=10)
    assert window.populated and window.current_area_key() == "write"
    assert window.is_built("write") and not window.is_built("follow")


def test_a_window_closed_early_waits_for_a_migration_under_way(make_context, monkeypatch):
    import threading
    import time

    from ambtenaar20.core.store import database

    context = make_context()
    migrating = threading.Event()
    real_open = database.open_store

    def slow_open(*args):
        migrating.set()
        time.sleep(0.3)  # a migration that takes a while
        return real_open(*args)

    monkeypatch.setattr(database, "open_store", slow_open)
    opening = Opening(context)  # a new file: created under the lock, here already held
    assert migrating.wait(10)
    opening.finish()
    assert opening.wait(0) and context.store_is_open

    monkeypatch.setattr(database, "opens_without_writing", lambda path: False)
    waiting = Opening(make_context(), allowed=False)
    waiting.finish()  # still waiting for the lock: writes nothing, nothing to wait for
    assert not waiting.wait(0)
    waiting.abandon()
