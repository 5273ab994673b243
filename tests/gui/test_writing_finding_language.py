"""Schrijven shows each finding wholly in one language: the officer's, also when the text is
checked with the rules of another language (a reply to a Dutch item in the English window).

Where a rule has no words in the officer's language (an organisation's own rule), the whole
finding is in its pack's language: name, kind, message and buttons, never half of each.
"""

from __future__ import annotations

from ambtenaar20.core import i18n
from ambtenaar20.gui.areas.writing.area import WritingArea
from ambtenaar20.gui.areas.writing.editor import tooltip_html
from tests.feeds.feed_server import rss
from tests.gui.test_writing_findings_and_language import DUTCH_ITEM
from tests.gui.writing_support import open_area


def panel_entry(area: WritingArea, rule: str) -> str:
    """The findings list's text for ``rule``, after selecting it (which fills the buttons)."""
    row = [f.rule for f in area.panel.findings].index(rule)
    area.panel.list.setCurrentRow(row)
    return area.panel.list.item(row).text()


def checklist(area: WritingArea) -> list[str]:
    return [area.panel.checklist.item(row).text() for row in range(area.panel.checklist.count())]


def check(qtbot, area: WritingArea, text: str) -> None:
    area.editor.setPlainText(text)
    qtbot.waitUntil(lambda: area.result is not None and area.result.text == text, timeout=5000)


def test_english_window_reply_to_a_dutch_item_reads_wholly_english(qtbot, make_context,
                                                                   feed_server):
    i18n.set_language("en")  # conftest sets Dutch back afterwards
    context = make_context("en")
    context.feeds.add_feed(feed_server.add("/afval.xml", rss("Gemeente", [DUTCH_ITEM])))
    context.feeds.refresh()
    area = open_area(qtbot, context)
    area.new_draft(topic="Afval", feed_item_id=context.items.item_ids()[0])
    qtbot.waitUntil(lambda: area.draft.language == "nl", timeout=5000)
    check(qtbot, area, "Wij zullen dit derhalve regelen, na de meeting.")
    assert area.result.language == "nl"  # Dutch rules: Dutch jargon and English loanwords
    assert panel_entry(area, "jargon") == (
        "warning · Civil-service jargon\n'derhalve' is officialese. Plainer: 'daarom', 'dus'.")
    assert area.panel.suggestion_buttons[0].text() == "Replace with: daarom"
    assert "Government posts are written in plain language" in area.panel.detail.text()
    assert "Source of this guideline" in area.panel.detail.text()
    assert panel_entry(area, "loanword") == (
        "info · English word\n'meeting' is English. A common Dutch word: 'overleg'.")
    tip = tooltip_html(area.panel.current_finding())
    assert "English word" in tip and "Suggestion: overleg" in tip
    assert "Have you checked the facts and figures?" in checklist(area)
    assert not any("Hebt u" in question for question in checklist(area))


def test_dutch_window_english_text_reads_wholly_dutch(qtbot, make_context):
    context = make_context("nl")
    area = open_area(qtbot, context)
    check(qtbot, area, "We will utilise the new funds to help people in the region.")
    assert area.result.language == "en"  # English rules
    assert panel_entry(area, "jargon") == (
        "waarschuwing · Ambtelijke taal\n'utilise' is ambtelijke taal. Schrijf liever: 'use'.")
    assert area.panel.suggestion_buttons[0].text() == "Vervang door: use"
    assert "Hebt u de feiten en cijfers gecontroleerd?" in checklist(area)


ORG_PACK = """[pack]
id = "gemeente-eigen"
name = "Gemeente"
version = "1"
extends = "rijksoverheid-standaard"

[[rules]]
id = "pii.zaak"
kind = "words"
severity = "error"
message = "'{match}' is een intern zaaknummer."
patterns = ['Z-\\d{4}']
"""


def test_a_rule_with_only_dutch_words_is_a_wholly_dutch_finding(qtbot, make_context, tmp_path):
    i18n.set_language("en")
    context = make_context("en")
    source = tmp_path / "gemeente-eigen.toml"
    source.write_text(ORG_PACK, encoding="utf-8")
    context.drafting.library.install(source)
    area = open_area(qtbot, context)
    check(qtbot, area, "Uw zaak Z-1234 loopt nog, zoals besproken na de meeting van vandaag.")
    assert area.result.language == "nl"  # detected: the Dutch pack and the organisation's
    assert panel_entry(area, "pii.zaak") == (
        "fout · Persoonsgegevens\n'Z-1234' is een intern zaaknummer.")
    assert "Bron van deze richtlijn" not in area.panel.detail.text()  # it has no link
    assert "(fout)" in tooltip_html(area.panel.current_finding())
    # The built-in rules beside it still have English words.
    assert panel_entry(area, "loanword").startswith("info · English word\n'meeting' is English")
