"""Drafts with Windows line breaks or Word's non-breaking spaces are checked, not crashed on."""

from __future__ import annotations

import pytest

from ambtenaar20.core.drafting.tone import tone_text


@pytest.mark.parametrize("text", [
    "Beste meneer Jansen,\r\n\r\nStuur uw vraag naar\r\nons team via de website.\r\n",
    "Ga naar\u00a0de website voor meer informatie.",
    "Ga naar\u2003de website.",
    "Stuur uw brief naar\t\r\nons.",
])
def test_naar_before_any_white_space_is_judged(nl_checker, text):
    assert "naar" not in tone_text(text, "nl")  # the preposition, blanked
    result = nl_checker.check(text, "nl")
    assert not [f for f in result.findings if f.rule == "tone.negative"]


def test_naar_as_an_adjective_before_a_windows_line_break_still_counts():
    assert "naar" in tone_text("Dat vind ik naar\r\n", "nl")
