"""Voorkeuren, "Woorden zonder toon": the field saves the officer's list to the settings, and the
stored items holding a changed word are scored again in the background."""

from __future__ import annotations

from ambtenaar20.core.settings import SettingsStore
from tests.feeds.feed_server import rss

ITEMS = [{"title": "Lage grondwaterstand in Salland", "link": "https://example.org/1",
          "guid": "w1", "description": "Het waterschap meet de grondwaterstand elke week.",
          "pubDate": "Mon, 06 Sep 2021 16:45:00 +0000"}]


def test_the_field_saves_the_words_and_rescores_items(qtbot, window, feed_server, monkeypatch):
    from ambtenaar20.gui.dialogs import preferences_dialog

    context = window.context
    context.feeds.add_feed(feed_server.add("/water.xml", rss("Waterschap", ITEMS)))
    context.feeds.refresh()
    context.items.analyse_pending()
    (item,) = context.items.list_items()
    assert item["sentiment"] == "negative"

    seen = {}

    def type_words(dialog):
        field = dialog.tone_preferences.words_edit
        seen["name"] = field.accessibleName()
        qtbot.keyClicks(field, "hitte, Laag")
        dialog.accept()
        return preferences_dialog.PreferencesDialog.DialogCode.Accepted

    monkeypatch.setattr(preferences_dialog.PreferencesDialog, "exec", type_words)
    window.open_preferences()
    assert seen["name"] == "Woorden zonder toon"
    saved = SettingsStore(context.paths.settings).load().settings
    assert saved.tone.toneless_words == ["hitte", "laag"]
    qtbot.waitUntil(lambda: context.items.item(item["id"])["sentiment"] == "neutral",
                    timeout=10_000)
    qtbot.waitUntil(lambda: "1 bericht" in window.status_message.text(), timeout=10_000)


def test_a_word_that_is_no_word_is_refused(qtbot, make_context, monkeypatch):
    from ambtenaar20.gui.dialogs import preferences_dialog

    context = make_context("en")
    dialog = preferences_dialog.PreferencesDialog(context)
    qtbot.addWidget(dialog)
    warnings = []
    monkeypatch.setattr(preferences_dialog.QMessageBox, "warning",
                        lambda *args: warnings.append(args[2]))
    dialog.tone_preferences.words_edit.setPlainText("hitte\n#klimaat")
    dialog.accept()
    assert warnings == ["'#klimaat' is not a word: use letters only, one word at a time."]
    assert context.settings.tone.toneless_words == []
