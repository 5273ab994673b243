"""The topic query language: every operator against a real FTS5 index, errors, fuzzing."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ambtenaar20.core.feeds.query import QuerySyntaxError, compile_query

DOCS = {
    1: "Financiële steun voor de zorg in Utrecht",
    2: "Wegwerkzaamheden op de A12 bij Utrecht",
    3: "Zorgverzekeraars en de gemeente over financiën",
    4: "Nieuwe regels voor de woningmarkt",
    5: "De Omgevingswet treedt in werking",
}


@pytest.fixture(scope="module")
def index():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE docs USING fts5(text, "
                 "tokenize='unicode61 remove_diacritics 2')")
    conn.executemany("INSERT INTO docs(rowid, text) VALUES (?, ?)", DOCS.items())
    yield conn
    conn.close()


def search(index, query: str) -> set[int]:
    return {row[0] for row in index.execute(
        "SELECT rowid FROM docs WHERE docs MATCH ?", [compile_query(query)])}


@pytest.mark.parametrize(("query", "expected"), [
    ("utrecht", {1, 2}),
    ("utrecht zorg", {1}),                        # all words must occur
    ("utrecht AND zorg", {1}),
    ("woningmarkt OR omgevingswet", {4, 5}),
    ("utrecht -zorg", {2}),
    ("utrecht NOT zorg", {2}),
    ('"de zorg"', {1}),                          # exact phrase
    ('"zorg de"', set()),
    ("zorg*", {1, 3}),                            # prefix
    ("(woningmarkt OR wegwerkzaamheden) utrecht", {2}),
    ("de -(utrecht OR gemeente)", {4, 5}),
    ("financiele", {1}),                          # diacritic-insensitive
    ("FINANCIËLE", {1}),                          # case-insensitive
    ("financ*", {1, 3}),
    ("a12", {2}),
    ("e-mail", set()),                            # punctuation splits, never FTS syntax
    ('title:zorg', set()),                        # a colon is no column filter: a phrase
])
def test_operators(index, query, expected):
    assert search(index, query) == expected


@pytest.mark.parametrize(("query", "position"), [
    ("", 0),
    ("   ", 0),
    ('zorg "open', 5),
    ("(zorg", 0),
    ("zorg)", 4),
    ("OR zorg", 0),
    ("zorg OR", 5),
    ("zorg OR OR utrecht", 5),
    ("-zorg", 0),
    ("zorg NOT", 5),
    ("()", 0),
])
def test_errors_have_positions(query, position):
    with pytest.raises(QuerySyntaxError) as caught:
        compile_query(query)
    assert caught.value.position == position
    assert str(position + 1) in str(caught.value)


def test_error_is_a_usage_error_for_exit_code_2():
    from ambtenaar20.core.errors import UsageError

    assert issubclass(QuerySyntaxError, UsageError)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "()*-:^NOTR+.\'\\é\u0301\x00')) |
               st.characters(), max_size=40))
def test_arbitrary_queries_only_raise_the_documented_error(index, query):
    try:
        expression = compile_query(query)
    except QuerySyntaxError as error:
        assert 0 <= error.position <= len(query)
        return
    # Whatever compiles must also be accepted by SQLite's FTS5 parser.
    index.execute("SELECT rowid FROM docs WHERE docs MATCH ?", [expression]).fetchall()


VACANCIES = {
    1: "Vacature: zorgcoördinator jeugd",
    2: "Jeugdzorg in de regio krijgt meer geld",
    3: "Vacature jeugdzorg medewerker",
    4: "Zorgkosten stijgen",
    5: "Wegwerkzaamheden in het centrum",
}


@pytest.fixture(scope="module")
def vacancies():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE docs USING fts5(text, "
                 "tokenize='unicode61 remove_diacritics 2')")
    conn.executemany("INSERT INTO docs(rowid, text) VALUES (?, ?)", VACANCIES.items())
    yield conn
    conn.close()


@pytest.mark.parametrize(("query", "expected"), [
    # The documented example: the exclusion holds for the whole query, as in search engines.
    ("zorg* OR jeugdzorg -vacature", {2, 4}),
    ("zorg* OR jeugdzorg NOT vacature", {2, 4}),
    ("-vacature zorg* OR jeugdzorg", {2, 4}),
    ("jeugdzorg -vacature OR zorgkosten", {2, 4}),
    ("zorg* OR jeugdzorg -vacature -regio", {4}),
    # Inside parentheses it holds for what the parentheses hold.
    ("(zorg* OR jeugdzorg -vacature) OR wegwerkzaamheden", {2, 4, 5}),
    ("(zorgcoordinator OR zorgkosten) -stijgen", {1}),
    ("vacature (jeugd OR jeugdzorg -medewerker)", {1}),
])
def test_an_exclusion_holds_for_its_whole_group(vacancies, query, expected):
    assert search(vacancies, query) == expected


@pytest.mark.parametrize(("query", "position"), [
    ("zorg OR -vacature", 8), ("-vacature OR zorg", 0), ("(-a) b", 1)])
def test_an_or_branch_of_exclusions_only_is_still_an_error(query, position):
    with pytest.raises(QuerySyntaxError) as caught:
        compile_query(query)
    assert caught.value.position == position


@pytest.mark.parametrize(("before", "after"), [
    ("", ""), ("zorg OR zorg ", " -vacature"), ("zorg -vacature OR zorg ", ""),
    ('"de zorg" -a OR zorg* -', " OR utrecht -b")])
def test_the_deepest_queries_allowed_are_accepted_by_fts5(index, before, after):
    from ambtenaar20.core.feeds.query import MAX_DEPTH

    deepest = (before + "(") * MAX_DEPTH + "zorg" + (")" + after) * MAX_DEPTH
    index.execute("SELECT rowid FROM docs WHERE docs MATCH ?", [compile_query(deepest)])


def test_deep_parentheses_are_an_error_naming_the_limit():
    from ambtenaar20.core.feeds.query import MAX_DEPTH

    deep = "(" * 400 + "zorg" + ")" * 400
    with pytest.raises(QuerySyntaxError) as caught:
        compile_query(deep)
    assert caught.value.position == MAX_DEPTH
    assert str(MAX_DEPTH) in caught.value.problem


def test_deep_parentheses_exit_2_from_the_command_line(data_dir):
    from tests.helpers import run_cli

    deep = "(" * 400 + "zorg" + ")" * 400
    cli = ("--data-dir", str(data_dir), "--lang", "en")
    for command in (["items", "search", deep], ["topics", "add", "Diep", "--query", deep]):
        result = run_cli(*cli, *command)
        assert result.returncode == 2, result.stderr
        assert "nested more than" in result.stderr and "Traceback" not in result.stderr


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "()*-NOTR é')), max_size=30))
def test_a_query_written_back_compiles_to_the_same_search(query):
    from ambtenaar20.core.feeds.query import parse, to_fts, to_query

    try:
        node = parse(query)
    except QuerySyntaxError:
        return
    assert compile_query(to_query(node)) == to_fts(node)


@pytest.mark.parametrize(("query", "left"), [
    ('afval OR container OR "Petra de Boer"', "afval OR container"),
    ('"Petra de Boer"', None),
    ('afval "Petra de Boer"', None),
    ('afval -"Petra de Boer"', "afval"),
    ("(zorg OR jeugd*) -(petra OR fiets) klacht", "(zorg OR jeugd*) klacht -fiets"),
    ("woningmarkt OR (wonen -fiets)", "woningmarkt OR (wonen -fiets)"),
])
def test_terms_that_can_no_longer_match_are_left_out(index, query, left):
    from ambtenaar20.core.feeds.query import parse, to_fts, to_query, without_terms

    kept = without_terms(parse(query), lambda term: "petra" in term.text.lower())
    assert (None if kept is None else to_query(kept)) == left
    if kept is not None:
        # Over texts without the term, the query left matches what the whole query matched.
        assert search(index, to_query(kept)) == search(index, query)
        assert compile_query(to_query(kept)) == to_fts(kept)


def test_topics_matched_the_old_way_are_matched_again_on_upgrade(context, feed_server):
    """Before, ``zorg* OR jeugdzorg -vacature`` excluded vacancies only from ``jeugdzorg``:
    the upgrade matches topics with ``OR`` and an exclusion again, and only those."""
    from sqlite_utils import Database

    from ambtenaar20.core.feeds import schema
    from tests.feeds.feed_server import rss

    url = feed_server.add("/zorg.xml", rss("Zorg", [
        {"title": title, "guid": str(number), "description": "x"}
        for number, title in VACANCIES.items()]))
    context.feeds.add_feed(url)
    context.feeds.refresh()
    context.topics.add_topic("Zorg", "zorg* OR jeugdzorg -vacature")
    context.topics.add_topic("Wegen", "wegwerkzaamheden -vacature")
    db = context.store.db
    ids = {title: item_id for item_id, title in db.execute("SELECT id, title FROM items")}
    topic = {name: topic_id for topic_id, name in db.execute("SELECT id, name FROM topics")}
    # What the previous version stored: the vacancy for a care coordinator matched "Zorg".
    vacancy = ids["Vacature: zorgcoördinator jeugd"]
    db.execute("INSERT INTO item_topics (topic_id, item_id) VALUES (?, ?), (?, ?)",
               [topic["Zorg"], vacancy, topic["Wegen"], vacancy])
    schema.rematch_exclusions(Database(db.conn))
    matched = {name: {title for (title,) in db.execute(
        "SELECT i.title FROM item_topics t JOIN items i ON i.id = t.item_id "
        "WHERE t.topic_id = ?", [topic_id])} for name, topic_id in topic.items()}
    assert matched["Zorg"] == {VACANCIES[2], VACANCIES[4]}
    assert vacancy in {row[0] for row in db.execute(  # no OR: not matched again
        "SELECT item_id FROM item_topics WHERE topic_id = ?", [topic["Wegen"]])}


def test_a_stored_topic_nested_deeper_than_now_allowed_stops_no_refresh(context, feed_server):
    from ambtenaar20.core.feeds.query import MAX_DEPTH
    from tests.feeds.feed_server import rss

    deep = "(" * (MAX_DEPTH + 1) + "zorg" + ")" * (MAX_DEPTH + 1)
    context.topics.add_topic("Zorg", "zorg")
    context.store.db.execute("INSERT INTO topics (name, query, added) VALUES ('Diep', ?, '')",
                             [deep])  # stored by an earlier version, which allowed it
    context.feeds.add_feed(feed_server.add("/z.xml", rss("Z", [
        {"title": "Zorg in de wijk", "guid": "z1", "description": "x"}])))
    report = context.feeds.refresh()
    assert report.new_items == 1 and report.matched["Zorg"] == 1
