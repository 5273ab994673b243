"""A number that names no record is said in one plain sentence, in the officer's language.

``log show 99999`` said "ID: het logboek heeft geen regel 99999": the argument's bare name as a
prefix. Every command that takes a record number (``cli/record_numbers.py``) now says it as
``drafts`` and ``items`` do, and still exits 2.
"""

from __future__ import annotations

import pytest

from tests.helpers import run_cli

MISSING = [
    (("log", "show", "99999"), "Er is geen regel 99999 in het logboek.",
     "There is no log entry 99999."),
    (("log", "edit", "99999", "--minutes", "3"), "Er is geen regel 99999 in het logboek.",
     "There is no log entry 99999."),
    (("log", "delete", "99999"), "Er is geen regel 99999 in het logboek.",
     "There is no log entry 99999."),
    (("log", "restore", "99999"), "Er is geen regel 99999 in het logboek.",
     "There is no log entry 99999."),
    (("drafts", "show", "99999"), "Er is geen concept 99999.", "There is no draft 99999."),
    (("drafts", "delete", "99999"), "Er is geen concept 99999.", "There is no draft 99999."),
    (("items", "show", "99999"), "Er is geen bericht met nummer 99999.",
     "There is no item with number 99999."),
    (("items", "mark", "99999", "--read"), "Er is geen bericht met nummer 99999.",
     "There is no item with number 99999."),
]


@pytest.mark.parametrize(("args", "dutch", "english"), MISSING)
def test_a_missing_record_is_one_plain_line_in_both_languages(tmp_path, args, dutch, english):
    for lang, expected in (("nl", dutch), ("en", english)):
        result = run_cli("--lang", lang, "--data-dir", str(tmp_path / "data"), *args)
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip().splitlines() == [f"ambtenaar20: {expected}"]
        assert result.stdout == ""
