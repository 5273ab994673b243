"""``check`` words its findings in the interface language (``--lang`` before the command, else
the system's), and checks with the rules of the text's language (``check --lang``).

The JSON keeps its shape; only the language of ``message`` and ``question`` follows the officer.
"""

from __future__ import annotations

import json

from tests.cli.test_check_cli import run

DUTCH = "Wij zullen dit derhalve oppakken, bijv. in een meeting.\n"
ENGLISH = "We will utilise the funds.\n"
FINDING_KEYS = {"rule", "severity", "start", "end", "text", "message", "suggestions", "link"}


def findings(payload: dict) -> dict[str, dict]:
    return {finding["rule"]: finding for finding in payload["findings"]}


def test_english_interface_dutch_text_gives_dutch_rules_in_english(tmp_path, data_dir):
    draft = tmp_path / "concept.txt"
    draft.write_text(DUTCH, encoding="utf-8")
    result = run("--lang", "en", "check", "--lang", "nl", "--format", "json", str(draft),
                 data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["language"] == "nl"
    found = findings(payload)
    assert {"jargon", "loanword", "abbreviation"} <= set(found)  # Dutch rules
    assert found["jargon"]["message"] == "'derhalve' is officialese. Plainer: 'daarom', 'dus'."
    assert found["loanword"]["message"].startswith("'meeting' is English.")
    assert all(set(finding) == FINDING_KEYS for finding in payload["findings"])
    assert "Have you checked the facts and figures?" in [q["question"]
                                                         for q in payload["checklist"]]
    text = run("--lang", "en", "check", "--lang", "nl", str(draft), data_dir=data_dir)
    assert "1:16 warning jargon 'derhalve' is officialese. Plainer: 'daarom', 'dus'." in (
        text.stdout.splitlines())


def test_dutch_interface_english_text_gives_english_rules_in_dutch(tmp_path, data_dir):
    draft = tmp_path / "draft.txt"
    draft.write_text(ENGLISH, encoding="utf-8")
    # No --lang before the command: the system's language, Dutch here (LANG=C.UTF-8).
    result = run("check", "--lang", "en", "--format", "json", str(draft), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["language"] == "en"
    assert findings(payload)["jargon"]["message"] == (
        "'utilise' is ambtelijke taal. Schrijf liever: 'use'.")
    assert "Hebt u de feiten en cijfers gecontroleerd?" in [q["question"]
                                                           for q in payload["checklist"]]


def test_pack_validate_accepts_a_rule_with_words_in_the_other_language(tmp_path, data_dir):
    pack = tmp_path / "gemeente.toml"
    pack.write_text("""[pack]
id = "gemeente-woorden"
name = "Gemeente"
version = "1"
extends = "rijksoverheid-standaard"

[[rules]]
id = "gemeente.zaak"
kind = "words"
severity = "warning"
message = "'{match}' is een intern zaaknummer."
patterns = ['Z-\\d{4}']

[rules.translations.en]
message = "'{match}' is an internal case number."
""", encoding="utf-8")
    assert run("pack", "validate", str(pack), data_dir=data_dir).returncode == 0
    result = run("--lang", "en", "check", "--lang", "nl", "--pack", str(pack), data_dir=data_dir,
                 stdin="Zaak Z-1234 loopt.")
    assert "warning gemeente.zaak 'Z-1234' is an internal case number." in result.stdout
