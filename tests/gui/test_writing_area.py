"""The "Schrijven" area with a real window: typing shows findings, suggestions apply, findings
are dismissed with a reason, autosave survives a crash, publishing makes a log entry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.gui.areas.writing.area import WritingArea
from ambtenaar20.gui.areas.writing.editor import from_qt, to_qt
from tests.conftest import close_after_background_work
from tests.gui.modal_answers import answer_dialogs_fixture, press_ok, type_text  # noqa: F401


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
    assert button.isVisible() and button.text() == "Vervang door: al"
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
    assert stored[0].pack == "rijksoverheid-standaard 1.2.0"


def test_cancelled_reason_dismisses_nothing(qtbot, area, monkeypatch):
    area.editor.setPlainText("Bel 020-1234567 voor informatie.")
    qtbot.waitUntil(lambda: "pii.phone" in rules_in_panel(area), timeout=5000)
    area.panel.list.setCurrentRow(rules_in_panel(area).index("pii.phone"))
    monkeypatch.setattr(area, "ask_reason", lambda finding: None)
    area.panel.dismiss_button.click()
    qtbot.wait(300)
    assert area.store.dismissals(area.draft.id) == []


def test_autosave_survives_a_simulated_crash(qtbot, area, data_dir):
    area.editor.setFocus()
    qtbot.keyClicks(area.editor, "Deze tekst mag niet verloren gaan")
    # No close, no flush: only the autosave timer may have saved it (storing the new draft).
    qtbot.waitUntil(lambda: [d.text for d in area.store.list()] ==
                    ["Deze tekst mag niet verloren gaan"], timeout=4000)
    area._save_timer.stop()  # the "crash": nothing runs after this point
    fresh = create_app_context(data_dir)
    try:
        assert [d.text for d in fresh.drafting.drafts.list()] == [
            "Deze tekst mag niet verloren gaan"]
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
                        lambda: ("https://social.overheid.nl/@gemeente/1", "Mastodon"))
    area.publish_button.click()
    qtbot.waitUntil(lambda: area.spy.entries != [], timeout=5000)
    draft_id, url, platform, topic, open_rules = area.spy.entries[0]
    assert (draft_id, url, platform, topic) == (area.draft.id,
                                                 "https://social.overheid.nl/@gemeente/1",
                                                 "Mastodon", "Wonen")
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


def test_add_to_word_list_removes_the_spelling_finding(qtbot, area):
    area.editor.setPlainText("Het blorpwerk is klaar.")
    qtbot.waitUntil(lambda: "spelling" in rules_in_panel(area), timeout=5000)
    area.panel.list.setCurrentRow(rules_in_panel(area).index("spelling"))
    assert area.panel.add_word_button.isVisible()
    area.panel.add_word_button.click()
    qtbot.waitUntil(lambda: "spelling" not in rules_in_panel(area), timeout=5000)
    assert "blorpwerk" in area.service.word_list.words()


def test_installing_a_pack_from_the_window(qtbot, area, monkeypatch, tmp_path):
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    example = Path(__file__).resolve().parents[2] / "resources" / "packs" / "voorbeeldgemeente.toml"
    broken = tmp_path / "kapot.toml"
    broken.write_text('[pack]\nid = "kapot"\nname = 3\n', encoding="utf-8")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    monkeypatch.setattr(area, "ask_pack_file", lambda: str(broken))
    area.install_pack_button.click()
    qtbot.waitUntil(lambda: warnings != [], timeout=5000)
    assert "3:1" in warnings[0]
    assert area.service.library.active("nl").id == "rijksoverheid-standaard"
    monkeypatch.setattr(area, "ask_pack_file", lambda: str(example))
    area.install_pack_button.click()
    qtbot.waitUntil(lambda: area.service.library.active("nl").id == "voorbeeldgemeente",
                    timeout=5000)
    text = "Het raadsvoorstel komt morgen."
    area.editor.setPlainText(text)
    qtbot.waitUntil(lambda: area.result is not None and area.result.text == text and
                    area.result.pack_id == "voorbeeldgemeente", timeout=5000)
    assert "jargon" in rules_in_panel(area)
    # The pack allows the municipality's own helpdesk number; the editor applies it as `check`.
    reply = "Bel mij op 070 765 4321 of de gemeente op 070 123 4567."
    area.editor.setPlainText(reply)
    qtbot.waitUntil(lambda: area.result is not None and area.result.text == reply and
                    "pii.phone" in rules_in_panel(area), timeout=5000)
    assert [f.text for f in area.panel.findings if f.rule == "pii.phone"] == ["070 765 4321"]


def test_hovering_a_finding_shows_message_reason_and_link(qtbot, area):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication

    area.editor.setPlainText("Wij komen reeds morgen.")
    qtbot.waitUntil(lambda: "jargon" in rules_in_panel(area), timeout=5000)
    cursor = area.editor.textCursor()
    cursor.setPosition(12)  # inside "reeds"
    where = area.editor.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, where, area.editor.viewport().mapToGlobal(where))
    QApplication.sendEvent(area.editor.viewport(), event)
    tip = area.editor.last_tooltip
    assert "reeds" in tip and "B1" in tip and "https://" in tip
    far = QPoint(where.x(), where.y() + 300)
    QApplication.sendEvent(area.editor.viewport(), QHelpEvent(
        QEvent.Type.ToolTip, far, area.editor.viewport().mapToGlobal(far)))
    assert area.editor.last_tooltip == ""


def test_template_fills_an_empty_draft(qtbot, area):
    qtbot.waitUntil(lambda: area.drafts_list.templates_menu.actions() != [], timeout=5000)
    first = area.drafts_list.templates_menu.actions()[0]
    first.trigger()
    assert area.editor.toPlainText().startswith("Dank voor uw vraag.")


def test_saving_a_template_says_why_the_store_refuses_it(qtbot, area, answer_dialogs):
    """The window applies the store's rules (the same as 'drafts templates add'), and says
    why; an empty name or a name the menu has was dropped without a word."""
    qtbot.waitUntil(lambda: area.drafts_list.templates_menu.actions() != [], timeout=5000)
    save = area.drafts_list.templates_menu.actions()[-1]
    area.editor.setPlainText("Dank voor uw reactie!")
    for name, said in (("Aankondiging", "Er is al een sjabloon met de naam “Aankondiging”"),
                       (" ", "Een sjabloon heeft een naam en een tekst nodig.")):
        answers = answer_dialogs(type_text(name), press_ok)
        save.trigger()
        qtbot.waitUntil(lambda answers=answers: answers.done, timeout=5000)
        qtbot.waitUntil(lambda said=said: said in area.state.text(), timeout=5000)
    answers = answer_dialogs(type_text("Bedankje"), press_ok)
    save.trigger()
    qtbot.waitUntil(lambda: answers.done, timeout=5000)
    qtbot.waitUntil(lambda: "Bedankje" in [a.text() for a in
                                          area.drafts_list.templates_menu.actions()],
                    timeout=5000)
    assert [t.name for t in area.store.templates() if not t.builtin] == ["Bedankje"]


def _remove_menu(area):
    for action in area.drafts_list.templates_menu.actions():
        if action.menu() is not None and action.text() == "Eigen sjabloon verwijderen":
            return action.menu()
    return None


def test_an_own_template_can_be_removed_in_the_window(qtbot, area, answer_dialogs):
    """As 'drafts templates remove': only the officer's own, after a question."""
    qtbot.waitUntil(lambda: area.drafts_list.templates_menu.actions() != [], timeout=5000)
    assert _remove_menu(area) is None  # nothing of the officer's own yet
    area.store.add_template("Bedankje", "Dank voor uw reactie!", "nl")
    area.show_templates(area.store.templates())
    removing = _remove_menu(area)
    assert [action.text() for action in removing.actions()] == ["Bedankje"]
    answers = answer_dialogs(lambda dialog: dialog.reject())  # "No": the template stays
    removing.actions()[0].trigger()
    qtbot.waitUntil(lambda: answers.done, timeout=5000)
    assert [t.name for t in area.store.templates() if not t.builtin] == ["Bedankje"]
    answers = answer_dialogs(press_ok)
    removing.actions()[0].trigger()
    qtbot.waitUntil(lambda: answers.done, timeout=5000)
    qtbot.waitUntil(lambda: "Sjabloon “Bedankje” verwijderd" in area.state.text(),
                    timeout=5000)
    assert [t.name for t in area.store.templates() if not t.builtin] == []
    assert "Bedankje" not in [a.text() for a in area.drafts_list.templates_menu.actions()]
    assert _remove_menu(area) is None


def test_my_lists_change_the_checks(qtbot, area, monkeypatch):
    def answer(dialog) -> bool:
        dialog.watchlist.setPlainText("@jan_kamerlid")
        dialog.own_words.setPlainText("blorpwerk")
        dialog.mastodon.setValue(1000)
        return True

    monkeypatch.setattr(area, "run_dialog", answer)
    area.preferences_button.click()
    qtbot.waitUntil(lambda: area.service.preferences.load().limits == {"mastodon": 1000},
                    timeout=5000)
    assert area.service.preferences.load().watchlist == ["@jan_kamerlid"]
    assert area.service.word_list.words() == frozenset({"blorpwerk"})
    area.platform_bar.boxes["mastodon"].setChecked(True)
    text = "Het blorpwerk voor @jan_kamerlid is klaar."
    area.editor.setPlainText(text)
    qtbot.waitUntil(lambda: area.result is not None and area.result.text == text, timeout=5000)
    assert "mention.watchlist" in rules_in_panel(area)
    assert "spelling" not in rules_in_panel(area)
    assert area.result.length.limit == 1000


def test_a_reply_keeps_its_link_to_the_item(qtbot, area):
    area.new_draft("Dank voor uw vraag.", topic="Wonen", feed_item_id=17)
    qtbot.waitUntil(lambda: area.draft is not None and area.draft.feed_item_id == 17,
                    timeout=5000)
    assert not area.linked_item.isHidden() and "17" in area.linked_item.text()
    assert area.store.get(area.draft.id).feed_item_id == 17
    assert area.topic.text() == "Wonen"


def test_published_draft_lands_in_the_real_log(qtbot, context, monkeypatch):
    widget = WritingArea(context)  # the app's own recorder: the interaction log
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.draft is not None, timeout=5000)
    widget.topic.setText("Wonen")
    widget.topic.editingFinished.emit()
    widget.editor.setPlainText("Indien u vragen heeft, bel ons.")
    qtbot.waitUntil(lambda: "jargon" in rules_in_panel(widget), timeout=5000)
    monkeypatch.setattr(widget, "ask_publication",
                        lambda: ("https://social.overheid.nl/@gemeente/2", "Mastodon"))
    widget.publish_button.click()
    qtbot.waitUntil(lambda: context.logbook.list() != [], timeout=5000)
    entry = context.logbook.list()[0]
    assert (entry.draft_id, entry.url, entry.platform) == (
        widget.draft.id, "https://social.overheid.nl/@gemeente/2", "Mastodon")
    assert entry.open_findings and entry.open_findings >= 1


def test_publishing_logs_the_platform_by_the_name_the_logbook_uses(qtbot, context, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from ambtenaar20.gui.areas.writing import publishing
    from ambtenaar20.gui.logbook.entry_form import COMMON_PLATFORMS

    widget = WritingArea(context)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.draft is not None, timeout=5000)
    widget.platform_bar.boxes["x"].setChecked(True)
    widget.platform_bar.boxes["mastodon"].setChecked(True)
    widget.editor.setPlainText("Wij zijn morgen open.")
    offered: list[list[str]] = []
    monkeypatch.setattr(publishing, "ask_checked_text",
                        lambda *args, **kwargs: "https://x.com/gemeente/1")

    def pick(parent, title, label, choices, *rest):
        offered.append(list(choices))
        return choices[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    qtbot.mouseClick(widget.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: context.logbook.list() != [], timeout=5000)
    assert offered == [["X", "Mastodon"]]
    assert set(offered[0]) <= set(COMMON_PLATFORMS)
    assert context.logbook.list()[0].platform == "X"


def test_autosave_tries_again_after_a_failed_write(qtbot, area, monkeypatch):
    from ambtenaar20.core.errors import StoreError

    real_save = area.store.save_text
    attempts: list[str] = []

    def flaky(draft_id, text):
        attempts.append(text)
        if len(attempts) == 1:
            raise StoreError("schijf vol")
        real_save(draft_id, text)

    area.editor.setPlainText("Begonnen")
    area.flush()  # stored: the write below is an autosave of a stored draft
    monkeypatch.setattr(area.store, "save_text", flaky)
    area.editor.setPlainText("Moet er toch komen")
    qtbot.waitUntil(lambda: area.state.text() == "schijf vol", timeout=4000)
    qtbot.waitUntil(lambda: real_save.__self__.get(area.draft.id).text == "Moet er toch komen",
                    timeout=6000)
    assert len(attempts) >= 2


def test_a_refused_template_name_is_said_without_a_traceback(qtbot, area, answer_dialogs,
                                                            caplog):
    """The store's refusal is the officer's own mistake, not a bug: shown, not logged as one."""
    import logging

    qtbot.waitUntil(lambda: area.drafts_list.templates_menu.actions() != [], timeout=5000)
    area.editor.setPlainText("Dank voor uw reactie!")
    with caplog.at_level(logging.INFO):
        answers = answer_dialogs(type_text("Aankondiging"), press_ok)
        area.drafts_list.templates_menu.actions()[-1].trigger()
        qtbot.waitUntil(lambda: answers.done, timeout=5000)
        qtbot.waitUntil(lambda: "Er is al een sjabloon" in area.state.text(), timeout=5000)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert "Traceback" not in caplog.text
