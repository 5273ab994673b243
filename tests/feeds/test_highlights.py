"""The words the reader marks in an item: found again by the search index's own rules."""

from __future__ import annotations

from ambtenaar20.core.feeds.highlights import included_terms, term_spans


def marked(text: str, *queries: str) -> list[str]:
    return [text[start:end] for start, end in term_spans(text, included_terms(queries))]


def test_words_are_found_without_case_or_diacritics_and_only_whole():
    text = "Het Klimaat, de KLIMAATTAFEL en het überleven; Uberleven. klimaat_tafel"
    assert marked(text, "klimaat") == ["Klimaat", "klimaat"]  # not KLIMAATTAFEL
    assert marked(text, "Überleven") == ["überleven", "Uberleven"]
    assert marked(text, "tafel") == ["tafel"]  # the underscore separates words, as in FTS5


def test_a_prefix_marks_the_whole_word():
    assert marked("Klimaatakkoord en klimaat, maar niet het oerklimaat", "klimaat*") == [
        "Klimaatakkoord", "klimaat"]


def test_a_phrase_and_a_split_term_need_their_words_in_a_row():
    text = "De CO2-uitstoot daalt. CO2 en uitstoot apart; co2 uitstootcijfers."
    assert marked(text, '"co2 uitstoot"') == ["CO2-uitstoot"]
    assert marked(text, "co2-uitstoot") == ["CO2-uitstoot"]  # the index splits it the same way
    assert marked(text, '"co2 uitstoot"*') == ["CO2-uitstoot", "co2 uitstootcijfers"]


def test_excluded_terms_are_not_marked_and_or_options_are():
    text = "Jeugdzorg zoekt een vacature voor de zorg."
    assert marked(text, "(zorg OR jeugdzorg) -vacature") == ["Jeugdzorg", "zorg"]
    assert marked(text, "zorg NOT vacature") == ["zorg"]


def test_several_topics_mark_together_and_overlaps_are_joined():
    text = "Nieuwe woningbouw in Utrecht"
    assert marked(text, "woning*", '"woningbouw in"', "utrecht") == ["woningbouw in", "Utrecht"]


def test_a_query_that_cannot_be_read_marks_nothing_and_raises_nothing():
    assert included_terms(['"niet gesloten', "(", ""]) == ()
    assert marked("zorg", '"niet gesloten', "zorg") == ["zorg"]
    assert term_spans("", included_terms(["zorg"])) == []


def test_only_the_parts_of_a_query_that_match_the_item_are_marked():
    # "Wonen" is in this item, but with "fiets", which excludes that part of the topic: the
    # item is there for "woningmarkt" alone (found by QA).
    query = "woningmarkt OR (wonen -fiets)"
    item = "Wonen met de fiets in de woningmarkt"
    assert marked(item, *[]) == []
    terms = included_terms([query], item)
    assert [term.text for term in terms] == ["woningmarkt"]
    assert [item[a:b] for a, b in term_spans(item, terms)] == ["woningmarkt"]
    assert [t.text for t in included_terms([query], "Wonen in de stad")] == ["wonen"]
    # All words of a group must be there; a group that does not match marks nothing.
    assert [t.text for t in included_terms(["zorg jeugd*"], "zorg en jeugdzorg")] == [
        "zorg", "jeugd"]
    assert included_terms(["zorg jeugd*"], "alleen zorg") == ()
