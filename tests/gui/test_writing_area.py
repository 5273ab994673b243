"""The "Schrijven" area with a real window: typing shows findings, suggestions apply, findings
are dismissed with a reason, autosave survives a crash, publishing makes a log entry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.gui.areas.writing.area import WritingArea
from ambtenaar20.gui.areas.writing.editor import from_qt, to_qt
from tests.conftest import close_after_background_work


class LogSpy:
    def __init__(self) -> None:
        self.entries: list[tuple] = []

    def record_published(self, draft_id, url, platform, topic, open_findings):
        self.entries.append((draft_id, url, platform, topic, [f.rule for f in open_findings]))


@pytest.fixture
def context(data_dir):
    ctx = create_app_context(data_dir)
    ctx.store  # noqa: B018 - the app opens the database before the window, so do we
    yield ctx
    close_after_background_work(ctx)


@pytest.fixture
def area(qtbot, context):
    spy = LogSpy()
    widget = WritingArea(context, recorder=spy)
    widget.spy = spy
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.draft is not None, timeout=5000)
    return widget


def rules_in_panel(area: WritingArea) -> list[str]:
    return [f.rule for f in area.panel.findings]


def test_typing_shows_findings(qtbot, area):
    area.editor.setFocus()
    qtbot.keyClicks(area.editor, "Indien u vragen heeft, bel ons.")
    qtbot.waitUntil(lambda: "jargon" in rules_in_panel(area), timeout=5000)
    finding = area.panel.findings[0]
    assert (finding.rule, finding.text) == ("jargon", "Indien")
    assert area.editor.extraSelections()  # the span is underlined
    assert area.editor.finding_at(2).text == "Indien"


def test_applying_a_suggestion_replaces_the_span(qtbot, area):
    area.editor.setPlainText("Wij komen reeds morgen.")
    qtbot.waitUntil(lambda: "jargon" in rules_in_panel(area), timeout=5000)
    area.panel.list.setCurrentRow(rules_in_panel(area).index("jargon"))
    button = area.panel.suggestion_buttons[0]
    assert button.isVisible() and button.text() == "al"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert area.editor.toPlainText() == "Wij komen al morgen."
    qtbot.waitUntil(lambda: "jargon" not in rules_in_panel(area), timeout=5000)
    area.editor.undo()
    assert area.editor.toPlainText() == "Wij komen reeds morgen."


def test_dismissing_with_a_reason(qtbot, area, monkeypatch):
    area.editor.setPlainText("Bel 020-1234567 voor informatie.")
    qtbot.waitUntil(lambda: "pii.phone" in rules_in_panel(area), timeout=5000)
    area.panel.list.setCurrentRow(rules_in_panel(area).index("pii.phone"))
    monkeypatch.setattr(area, "ask_reason", lambda finding: "Openbaar nummer van de gemeente")
    qtbot.mouseClick(area.panel.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "pii.phone" not in rules_in_panel(area), timeout=5000)
    stored = area.store.dismissals(area.draft.id)
    assert [(d.rule, d.match_text, d.reason) for d in stored] == [
        ("pii.phone", "020-1234567", "Openbaar nummer van de gemeente")]
    assert stored[0].pack == "rijksoverheid-standaard 1.0.0"


def test_cancelled_reason_dismisses_nothing(qtbot, area, monkeypatch):
    area.editor.setPlainText("Bel 020-1234567 voor informatie.")
    qtbot.waitUntil(lambda: "pii.phone" in rules_in_panel(area), timeout=5000)
    area.panel.list.setCurrentRow(rules_in_panel(area).index("pii.phone"))
    monkeypatch.setattr(area, "ask_reason", lambda finding: None)
    area.panel.dismiss_button.click()
    qtbot.wait(300)
    assert area.store.dismissals(area.draft.id) == []


def test_autosave_survives_a_simulated_crash(qtbot, area, data_dir):
    draft_id = area.draft.id
    area.editor.setFocus()
    qtbot.keyClicks(area.editor, "Deze tekst mag niet verloren gaan")
    # No close, no flush: only the autosave timer may have saved it.
    qtbot.waitUntil(lambda: area.store.get(draft_id).text ==
                    "Deze tekst mag niet verloren gaan", timeout=4000)
    area._save_timer.stop()  # the "crash": nothing runs after this point
    fresh = create_app_context(data_dir)
    try:
        assert fresh.drafting.drafts.get(draft_id).text == "Deze tekst mag niet verloren gaan"
    finally:
        fresh.close()


def test_flush_saves_at_once(qtbot, area):
    area.editor.setPlainText("Direct bewaren")
    area.flush()
    assert area.store.get(area.draft.id).text == "Direct bewaren"


def test_marking_published_creates_a_log_entry(qtbot, area, monkeypatch):
    area.topic.setText("Wonen")
    area.topic.editingFinished.emit()
    area.editor.setPlainText("Indien u vragen heeft, bel ons.")
    qtbot.waitUntil(lambda: "jargon" in rules_in_panel(area), timeout=5000)
    monkeypatch.setattr(area, "ask_publication",
                        lambda: ("https://social.overheid.nl/@gemeente/1", "mastodon"))
    area.publish_button.click()
    qtbot.waitUntil(lambda: area.spy.entries != [], timeout=5000)
    draft_id, url, platform, topic, open_rules = area.spy.entries[0]
    assert (draft_id, url, platform, topic) == (area.draft.id,
                                                 "https://social.overheid.nl/@gemeente/1",
                                                 "mastodon", "Wonen")
    assert "jargon" in open_rules
    qtbot.waitUntil(lambda: area.store.get(draft_id).status == "published", timeout=3000)


def test_platform_counter_and_checklist(qtbot, area):
    area.platform_bar.boxes["x"].setChecked(True)
    area.editor.setPlainText("a" * 290)
    qtbot.waitUntil(lambda: "length" in rules_in_panel(area), timeout=5000)
    assert area.platform_bar.boxes["x"].text() == "X 290/280"
    assert area.panel.checklist.count() >= 5
    item = area.panel.checklist.item(0)
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: area.store.ticks(area.draft.id) == {"manual.facts"}, timeout=3000)
    assert "290" in area.preview.toPlainText()


def test_offsets_survive_emoji_before_a_finding(qtbot, area):
    text = "😀 Wij komen reeds morgen."
    assert to_qt(text, 9) == 10 and from_qt(text, 10) == 9
    area.editor.setPlainText(text)
    qtbot.waitUntil(lambda: "jargon" in rules_in_panel(area), timeout=5000)
    finding = next(f for f in area.panel.findings if f.rule == "jargon")
    assert area.editor.apply_suggestion(finding, "al")
    assert area.editor.toPlainText() == "😀 Wij komen al morgen."
