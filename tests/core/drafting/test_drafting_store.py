"""The drafts store: drafts survive, dismissals keep rule/pack/reason/time, publishing logs."""

from __future__ import annotations

import pytest

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.drafting.model import Finding
from ambtenaar20.core.errors import UsageError


@pytest.fixture
def context(data_dir):
    ctx = create_app_context(data_dir)
    yield ctx
    ctx.close()


class LogSpy:
    """Stands in for the interaction log: records what publishing hands over."""

    def __init__(self) -> None:
        self.entries: list[tuple] = []

    def record_published(self, draft_id, url, platform, topic, open_findings):
        self.entries.append((draft_id, url, platform, topic, open_findings))


def test_create_list_search_and_autosave(context):
    drafts = context.drafting.drafts
    first = drafts.create("Eerste tekst", topic="Wonen", platforms=["x", "mastodon"],
                          feed_item_id=42)
    second = drafts.create("Tweede over stikstof", topic="Natuur")
    drafts.save_text(first.id, "Eerste tekst, aangepast")
    again = drafts.get(first.id)
    assert again.text == "Eerste tekst, aangepast"
    assert again.platforms == ("x", "mastodon") and again.feed_item_id == 42
    assert [d.id for d in drafts.list(search="stikstof")] == [second.id]
    assert [d.id for d in drafts.list(search="wonen")] == [first.id]
    drafts.update(second.id, status="archived")
    assert [d.id for d in drafts.list(status="archived")] == [second.id]
    with pytest.raises(UsageError):
        drafts.update(second.id, status="weg")


def test_saving_the_same_text_again_is_no_change(context, monkeypatch):
    """QA s7 round 2: only looking at drafts (and then "Nieuw concept" or a template) saved
    the shown one again, so its last-change time and place in the list moved."""
    from ambtenaar20.core.drafting import drafts as drafts_module

    drafts = context.drafting.drafts
    older = drafts.create("Eerste", topic="Wonen")
    newer = drafts.create("Tweede", topic="Wonen")
    monkeypatch.setattr(drafts_module, "_now", lambda: "2099-01-01T00:00:00+00:00")
    drafts.save_text(older.id, "Eerste")
    assert drafts.get(older.id).updated_at == older.updated_at
    assert [draft.id for draft in drafts.list()] == [newer.id, older.id]
    drafts.save_text(older.id, "Eerste, aangepast")
    assert drafts.get(older.id).updated_at == "2099-01-01T00:00:00+00:00"
    assert [draft.id for draft in drafts.list()] == [older.id, newer.id]


def test_text_survives_reopening_the_database(data_dir):
    ctx = create_app_context(data_dir)
    draft = ctx.drafting.drafts.create("")
    ctx.drafting.drafts.save_text(draft.id, "Niet kwijtraken")
    ctx.close()
    reopened = create_app_context(data_dir)
    assert reopened.drafting.drafts.get(draft.id).text == "Niet kwijtraken"
    reopened.close()


def test_dismissal_needs_a_reason_and_is_kept_with_the_draft(context):
    drafts = context.drafting.drafts
    draft = drafts.create("Bel 020-1234567 voor informatie.")
    result = context.drafting.check(draft.text, language="nl")
    phone = next(f for f in result.findings if f.rule == "pii.phone")
    with pytest.raises(UsageError):
        drafts.dismiss(draft.id, phone, "rijksoverheid-standaard 1.0.0", "  ")
    kept = drafts.dismiss(draft.id, phone, "rijksoverheid-standaard 1.0.0",
                          "Openbaar nummer van de gemeente")
    assert (kept.rule, kept.match_text, kept.pack, kept.reason) == (
        "pii.phone", "020-1234567", "rijksoverheid-standaard 1.0.0",
        "Openbaar nummer van de gemeente")
    assert kept.created_at
    # Still dismissed after the text around it changed.
    changed = context.drafting.check("Vragen? Bel 020-1234567.", language="nl")
    still_open = drafts.open_findings(changed.findings, drafts.dismissals(draft.id))
    assert "pii.phone" not in {f.rule for f in still_open}


def test_checklist_ticks(context):
    drafts = context.drafting.drafts
    draft = drafts.create("x")
    drafts.tick(draft.id, "manual.facts")
    drafts.tick(draft.id, "manual.public")
    drafts.tick(draft.id, "manual.public", False)
    assert drafts.ticks(draft.id) == {"manual.facts"}


def test_mark_published_creates_a_log_entry(context):
    drafts = context.drafting.drafts
    draft = drafts.create("Tekst", topic="Wonen")
    spy = LogSpy()
    finding = Finding("jargon", "warning", 0, 5, "Tekst", "m")
    with pytest.raises(UsageError):
        drafts.mark_published(draft.id, "geen adres", "x", [finding], spy)
    assert spy.entries == []
    done = drafts.mark_published(draft.id, "https://x.com/gemeente/status/1", "x", [finding],
                                 spy)
    assert done.status == "published" and done.published_url.endswith("/1")
    assert spy.entries == [(draft.id, "https://x.com/gemeente/status/1", "x", "Wonen",
                            [finding])]


def test_templates_builtin_and_own(context):
    drafts = context.drafting.drafts
    names = [t.name for t in drafts.templates("nl")]
    assert {"Antwoord op een vraag", "Correctie van onjuiste informatie",
            "Aankondiging"} <= set(names)
    own = drafts.add_template("Bedankje", "Dank voor uw reactie!", "nl")
    assert own in drafts.templates("nl") and not own.builtin
    with pytest.raises(UsageError):
        drafts.remove_template("correction")
    drafts.remove_template(own.id)
    assert own not in drafts.templates("nl")


def test_own_preferences_reach_the_checker(context):
    from ambtenaar20.core.drafting.preferences import DraftingPreferences

    service = context.drafting
    assert service.preferences.load() == DraftingPreferences()
    service.preferences.save(DraftingPreferences(
        watchlist=["@jan_kamerlid"], topic_words=["stikstof"], limits={"mastodon": 1000}))
    result = service.check("Ik vind dat stikstofplan onzin, zeg ik tegen @jan_kamerlid. " * 12,
                           language="nl", platforms=("mastodon",))
    rules = {f.rule for f in result.findings}
    assert "mention.watchlist" in rules and "restraint" in rules
    assert result.length.limit == 1000 and "length" not in rules
    (context.paths.data_dir / "drafting.json").write_text("{broken", encoding="utf-8")
    assert service.preferences.load() == DraftingPreferences()


def test_own_templates_follow_the_rules_of_the_menu(context):
    drafts = context.drafting.drafts
    for name, text in (("", "Tekst"), ("  ", "Tekst"), ("Naam", ""), ("Naam", " \n")):
        with pytest.raises(UsageError, match="naam en een tekst"):
            drafts.add_template(name, text, "nl")
    with pytest.raises(UsageError, match="'de'"):
        drafts.add_template("Duits", "Danke!", "de")
    drafts.add_template("Bedankje", "Dank voor uw reactie!", "nl")
    # The menu shows own templates of every language beside the built-in ones: a name it
    # already has, in any case or spacing, would be two entries nobody can tell apart.
    for taken, language in (("bedankje ", "en"), ("  BEDANKJE", "nl"), ("Aankondiging", "nl"),
                            ("announcement", "en")):
        with pytest.raises(UsageError, match="al een sjabloon"):
            drafts.add_template(taken, "Andere tekst", language)
    assert [t.name for t in drafts.templates() if not t.builtin] == ["Bedankje"]


def test_only_an_existing_own_template_is_removed(context):
    drafts = context.drafting.drafts
    own = drafts.add_template("Bedankje", "Dank voor uw reactie!", "nl")
    with pytest.raises(UsageError, match="Ingebouwde sjablonen"):
        drafts.own_template("correction")
    with pytest.raises(UsageError, match="geen eigen sjabloon 99"):
        drafts.remove_template("99")
    assert drafts.remove_template(own.id) == own
    with pytest.raises(UsageError, match=f"geen eigen sjabloon {own.id}"):
        drafts.remove_template(own.id)


def test_the_built_in_templates_are_read_once_for_the_menu_and_the_check(context, monkeypatch):
    from ambtenaar20.core.drafting import placeholders, templates

    reads = []
    packaged = templates._packaged_text
    monkeypatch.setattr(templates, "_packaged_text", lambda: reads.append(1) or packaged())
    templates.builtin_templates.cache_clear()
    placeholders.builtin_placeholders.cache_clear()
    try:
        drafts = context.drafting.drafts
        first = drafts.templates()
        assert drafts.templates() == first
        assert "[link naar de pagina]" in placeholders.builtin_placeholders()
        assert len(reads) == 1
    finally:
        templates.builtin_templates.cache_clear()
        placeholders.builtin_placeholders.cache_clear()


def test_a_copy_is_a_new_unpublished_draft_with_the_same_text_topic_platforms_and_item(
        context):
    drafts = context.drafting.drafts
    original = drafts.create("Vanaf maandag halen we het afval op.", topic="Afval",
                             platforms=["x", "mastodon"], feed_item_id=7, language="nl")
    finding = Finding("jargon", "warning", 0, 5, "Vanaf", "m")
    drafts.dismiss(original.id, finding, "pakket 1.0", "Vakterm")
    drafts.tick(original.id, "manual.facts")
    published = drafts.mark_published(original.id, "https://x.com/g/1", "x", [], LogSpy())

    copy = drafts.copy(original.id)
    assert copy.id > original.id
    assert (copy.text, copy.topic, copy.platforms, copy.feed_item_id, copy.language) == \
        (original.text, "Afval", ("x", "mastodon"), 7, "nl")
    assert (copy.status, copy.published_at, copy.published_url) == ("draft", None, None)
    # The officer judges the next publication again: no dismissals or ticks come along.
    assert drafts.dismissals(copy.id) == [] and drafts.ticks(copy.id) == set()
    assert drafts.get(original.id) == published  # the original is untouched
    spy = LogSpy()
    drafts.mark_published(copy.id, "https://mastodon.social/@g/2", "mastodon", [], spy)
    assert [entry[0] for entry in spy.entries] == [copy.id]
    with pytest.raises(UsageError, match="geen concept 999"):
        drafts.copy(999)
