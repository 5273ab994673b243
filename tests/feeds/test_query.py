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
