"""Moments are stored in UTC and shown in local time, dd-mm-jjjj HH:MM, the same everywhere."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from ambtenaar20.core.logbook.model import HistoryLine
from ambtenaar20.gui.areas.following.item_model import ItemListModel
from ambtenaar20.gui.areas.following.reader import ReaderPane
from ambtenaar20.gui.logbook.detail_pane import describe


@pytest.fixture
def amsterdam_winter(monkeypatch):
    """Local time one hour ahead of UTC (a POSIX zone: needs no zone database)."""
    monkeypatch.setenv("TZ", "CET-1")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def item(**changes):
    base = {"id": 1, "title": "Nieuwe regels voor afval", "feed": "Gemeente",
            "published": "2026-11-27T11:40:02Z", "lang": "nl", "sentiment": "neutral",
            "sentiment_override": None, "html": "<p>Tekst</p>", "link": "https://example.org/",
            "read": True, "starred": False, "needs_response": False}
    return {**base, **changes}


def test_reader_shows_the_local_time_the_list_shows(qtbot, make_context, amsterdam_winter):
    make_context("nl")
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.show_item(item())
    meta = reader.meta.text()
    assert "27-11-2026 12:40" in meta
    assert "11:40" not in meta and "2026-11-27" not in meta
    model = ItemListModel(lambda *_args: (0, []))
    model.show_page(model.selection, 1, [item()])
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "27-11-2026 12:40"


def test_log_history_shows_local_time_and_the_forms_words(make_context, amsterdam_winter):
    make_context("nl")
    line = HistoryLine(1, 7, "2026-11-27T11:40:02+00:00", "anne", "edited",
                       {"minutes": 15, "kind": "reactie", "follow_up": None},
                       {"minutes": 20, "kind": "bericht", "follow_up": "2026-12-01"})
    text = describe(line)
    assert text.startswith("27-11-2026 12:40 · anne · gewijzigd: ")
    assert "Minuten besteed: 15 → 20" in text
    assert "minutes" not in text and "kind" not in text and "follow_up" not in text
    assert "01-12-2026" in text  # the follow-up day as the form shows it
