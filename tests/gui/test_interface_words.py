"""The Dutch interface shows words, not internal ids or English: rule names instead of rule ids,
"onbekend" instead of "unknown", templates of the interface language, form words in errors."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

import ambtenaar20
from ambtenaar20.core import i18n
from ambtenaar20.core.drafting.drafts import Template
from ambtenaar20.core.drafting.model import Finding
from ambtenaar20.gui.areas.following.reader import ReaderPane
from ambtenaar20.gui.areas.writing.drafts_list import DraftsList
from ambtenaar20.gui.areas.writing.editor import tooltip_html
from ambtenaar20.gui.areas.writing.findings_panel import FindingsPanel
from ambtenaar20.gui.areas.writing.rule_labels import rule_label
from ambtenaar20.gui.logbook.report_view import ReportView

PACKS = Path(ambtenaar20.__file__).parent / "packs"


class Marked:
    """A catalogue that marks every text it translates, so a test sees what went through ``_``
    also for messages the Dutch catalogue does not have yet."""

    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧"

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return f"⟦{singular if count == 1 else plural}⟧"


@pytest.fixture
def marked(monkeypatch, make_context):
    make_context("nl")
    monkeypatch.setattr(i18n, "_translations", Marked())


def test_reader_says_unknown_language_in_the_interface_language(qtbot, marked):
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.show_item({"id": 1, "title": "t", "feed": "f", "published": "2026-01-01T10:00:00Z",
                      "lang": "unknown", "sentiment": None, "sentiment_override": None,
                      "html": "", "link": "", "read": True, "starred": False,
                      "needs_response": False})
    assert "⟦unknown⟧" in reader.meta.text()


def finding(rule: str) -> Finding:
    return Finding(rule=rule, severity="error", start=0, end=9, text="111222333",
                   message="Dit lijkt een burgerservicenummer.")


def test_findings_show_the_rules_name_not_its_id(qtbot, marked):
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_findings([finding("pii.bsn"), finding("readability")])
    texts = [panel.list.item(row).text() for row in range(panel.list.count())]
    assert "⟦Personal data: citizen service number (BSN)⟧" in texts[0]
    assert "⟦Readability⟧" in texts[1]
    assert not any("pii.bsn" in text or "readability" in text for text in texts)
    assert "pii.bsn" not in tooltip_html(finding("pii.bsn"))


def test_every_rule_of_the_built_in_packs_has_a_name():
    ids = {rule["id"] for path in PACKS.glob("rijksoverheid-*.toml")
           for rule in tomllib.loads(path.read_text(encoding="utf-8"))["rules"]}
    assert ids and {rule_id for rule_id in ids if rule_label(rule_id) == rule_id} == set()
    # A rule of an organisation's own pack: its family's name, else its own id.
    assert rule_label("pii.passport") == rule_label("pii") != "pii.passport"
    assert rule_label("gemeente.huisstijl") == "gemeente.huisstijl"


TEMPLATES = [Template("reply-question", "Antwoord op een vraag", "…", "nl", True),
             Template("reply-question-en", "Reply to a question", "…", "en", True),
             Template("7", "Mijn eigen sjabloon", "…", "en", False)]


@pytest.mark.parametrize(("language", "shown"), [
    ("nl", ["Antwoord op een vraag", "Mijn eigen sjabloon"]),
    ("en", ["Reply to a question", "Mijn eigen sjabloon"]),
])
def test_templates_menu_has_the_built_in_templates_of_the_interface_language(
        qtbot, make_context, language, shown):
    make_context(language)
    drafts = DraftsList()
    qtbot.addWidget(drafts)
    drafts.set_templates(TEMPLATES)
    actions = drafts.templates_menu.actions()
    separator = next(index for index, action in enumerate(actions) if action.isSeparator())
    assert [action.text() for action in actions[:separator]] == shown
    # Below the line: saving the text, and removing one of the officer's own.
    saving, removing = (action.text() for action in actions[separator + 1:])
    assert (saving, removing) == {
        "nl": ("Tekst bewaren als sjabloon…", "Eigen sjabloon verwijderen"),
        "en": ("Save text as template…", "Remove own template")}[language]


def test_report_names_the_date_fields_as_the_form_does(qtbot, make_context):
    view = ReportView(make_context("nl"))
    qtbot.addWidget(view)
    view.set_period(date(2026, 11, 5), date(2026, 11, 1))
    view.update_summary()
    text = view.summary_label.text()
    assert "Van 05-11-2026" in text and "Tot en met 01-11-2026" in text
    assert "from:" not in text and "(to)" not in text
    assert not view.export_button.isEnabled()


def test_reader_names_the_words_behind_a_computed_tone(qtbot, make_context):
    make_context("nl")
    reader = ReaderPane()
    qtbot.addWidget(reader)
    item = {"id": 1, "title": "t", "feed": "f", "published": "2026-01-01T10:00:00Z",
            "lang": "nl", "sentiment": "negative", "sentiment_override": None, "html": "",
            "link": "", "read": True, "starred": False, "needs_response": False,
            "tone_words": ["belachelijk", "echt slecht onduidelijk"]}
    reader.show_item(item)
    assert "negatief (woorden: ‘belachelijk’, ‘echt slecht onduidelijk’)" in reader.meta.text()
    # Corrected by the officer: the computed tone's words no longer explain what is shown.
    reader.show_item({**item, "sentiment": "neutral", "sentiment_override": "neutral"})
    assert "belachelijk" not in reader.meta.text()


def test_the_item_a_reply_answers_shows_its_date_as_the_window_does(qtbot, make_context):
    from ambtenaar20.gui.areas.writing.linked_item import LinkedItemPanel

    make_context("nl")
    panel = LinkedItemPanel()
    qtbot.addWidget(panel)
    panel.show_item({"title": "Afval", "feed": "Gemeente", "text": "Vraag",
                     "published": "2026-11-23T09:00:00+00:00"})
    assert "23-11-2026" in panel.text() and "2026-11-23" not in panel.text()


def test_log_filters_are_named_after_their_field_not_their_first_choice(qtbot, make_context):
    from ambtenaar20.gui.logbook.filter_bar import FilterBar

    make_context("nl")
    bar = FilterBar()
    qtbot.addWidget(bar)
    names = [bar.topic_combo.accessibleName(), bar.platform_combo.accessibleName(),
             bar.kind_combo.accessibleName()]
    assert names == ["Onderwerp", "Platform", "Soort"]
