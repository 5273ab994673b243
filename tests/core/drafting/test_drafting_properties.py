"""Property tests: any text, the checker never crashes, spans stay inside the text, and a
suggestion replaces exactly its span."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ambtenaar20.core.drafting.rule_context import CheckOptions

# Mix arbitrary Unicode with pieces that trigger rules, so suggestions really get exercised.
PIECES = st.sampled_from([
    "indien ", "Reeds ", "#digitaletoegankelijkheid ", "LET OP DIT NU ", "!!! ", "😀😀 ",
    "u en je ", "termijjn ", "𝐁𝐨𝐥𝐝 ", "https://bit.ly/x ", "12% ", "111222333 ", "\n",
    "[link] ", "[verwijderd] ", "[", "] ", "[Link naar de pagina]",
])
TEXTS = st.lists(st.one_of(st.text(max_size=30), PIECES), max_size=12).map("".join)
OPTIONS = CheckOptions(platforms=("x", "mastodon", "bluesky", "threads"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, language=st.sampled_from([None, "nl", "en"]))
def test_any_text_gives_spans_inside_the_text(nl_checker, text, language):
    result = nl_checker.check(text, language, OPTIONS)
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.text == text[finding.start:finding.end]
        assert finding.severity in ("error", "warning", "info")
    assert result.language in ("nl", "en")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_applying_a_suggestion_replaces_exactly_its_span(en_checker, nl_checker, text):
    for checker in (nl_checker, en_checker):
        for finding in checker.check(text, None, OPTIONS).findings:
            for suggestion in finding.suggestions:
                changed = finding.apply(text, suggestion)
                assert changed[:finding.start] == text[:finding.start]
                assert changed[finding.start:finding.start + len(suggestion)] == suggestion
                assert changed[finding.start + len(suggestion):] == text[finding.end:]
