"""Outside input never escapes as an undocumented exception: OPML, guideline packs, CLI dates.

Each parser may only raise its documented error (``UsageError``, ``PackError``), whatever the
bytes; the feeds, topic queries and backup files have their own property tests.
"""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ambtenaar20.core.drafting.packs import PackError, parse_pack
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.feeds.opml import read_opml
from ambtenaar20.core.logbook.clock import parse_date, parse_datetime

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

OPML_PIECES = st.sampled_from([
    "<opml>", "</opml>", "<body>", "</body>", '<outline text="a" xmlUrl="https://e.nl/f">',
    "</outline>", '<outline title="map">', "<outline/>", '<?xml version="1.0"?>',
    '<!DOCTYPE x [<!ENTITY a "aaaa">]>', "&a;", "&amp;", "<![CDATA[x]]>", "\x00", "é",
    'xmlUrl="javascript:alert(1)"', 'xmlUrl="file:///etc/passwd"'])


@FUZZ
@given(data=st.one_of(st.binary(max_size=400),
                      st.lists(OPML_PIECES, max_size=12).map(lambda p: "".join(p).encode())))
def test_opml_reader_only_raises_usage_error(tmp_path, data):
    target = tmp_path / "feeds.opml"
    target.write_bytes(data)
    try:
        feeds = read_opml(target)
    except UsageError:
        return
    assert all(isinstance(feed.url, str) for feed in feeds)


PACK_PIECES = st.sampled_from([
    "[pack]\n", 'id = "org"\n', 'name = "Org"\n', 'language = "nl"\n', 'version = "1"\n',
    'extends = "rijksoverheid-standaard"\n', "[[rules]]\n", 'id = "x"\n', 'kind = "words"\n',
    'severity = "error"\n', 'severity = "fatal"\n', 'words = ["a", "(b"]\n', "words = 3\n",
    'message = "m"\n', "[overrides]\n", 'jargon = { enabled = false }\n', "= =\n", '"\n',
    "[[rules]]\nkind = 1\n", 'patterns = ["[a-"]\n', "threshold = 1e999\n"])


@FUZZ
@given(source=st.one_of(st.text(max_size=300),
                        st.lists(PACK_PIECES, max_size=14).map("".join)))
def test_pack_parser_only_raises_pack_error_with_positions(source):
    try:
        parse_pack(source, "fuzz.toml")
    except PackError as error:
        assert error.problems
        lines = source.count("\n") + 1
        assert all(1 <= problem.line <= lines + 1 and problem.column >= 1
                   for problem in error.problems)


@FUZZ
@given(text=st.one_of(st.text(max_size=40),
                      st.text(alphabet=string.digits + "-:T+Z. ", max_size=30)))
def test_cli_dates_only_raise_usage_error_naming_the_field(text):
    for parse in (parse_date, parse_datetime):
        try:
            parse(text, "from")
        except UsageError as error:
            assert str(error).startswith("from")
