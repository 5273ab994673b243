"""Packs: the built-in packs are complete, every validation error has a position, overrides work,
and a broken pack never replaces a working one."""

from __future__ import annotations

from pathlib import Path

import pytest

from ambtenaar20.core import i18n
from ambtenaar20.core.drafting.checker import Checker
from ambtenaar20.core.drafting.pack_library import PackLibrary, builtin_packs
from ambtenaar20.core.drafting.packs import PackError, parse_pack
from ambtenaar20.core.drafting.rule_context import CheckOptions

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "resources" / "packs" / "voorbeeldgemeente.toml"
STABLE_IDS = {
    "length", "pii.bsn", "pii.iban", "pii.phone", "pii.email", "pii.address", "confidential",
    "jargon", "readability", "tone.negative", "tone.subjective", "hashtag.case",
    "hashtag.count", "emoji", "caps", "spelling", "link.shortener", "link.source",
    "restraint", "mention.watchlist",
}


def test_builtin_packs_have_the_stable_rule_ids():
    packs = builtin_packs()
    dutch, english = packs["rijksoverheid-standaard"], packs["rijksoverheid-standard-en"]
    assert STABLE_IDS | {"consistency.address-form"} <= {r.id for r in dutch.rules}
    assert {r.id for r in english.rules} >= STABLE_IDS
    for pack in (dutch, english):
        assert (pack.language, pack.version) in (("nl", "1.2.0"), ("en", "1.2.0"))
        assert all(r.id.startswith("manual.") for r in pack.rules if r.kind == "manual")
    # Every automatic rule names the guideline it comes from.
    assert all(r.link for r in dutch.rules if r.kind != "manual")


BROKEN = '''[pack]
id = "Bad Pack"
name = "x"
version = 3
extends = "rijksoverheid-standaard"

[overrides.jargon]
severity = "fatal"

[overrides.nope]
enabled = false

[[rules]]
id = "x.y"
kind = "words"
severity = "warning"
message = "m"
patterns = ['(unclosed']

[[rules]]
id = "x.z"
kind = "colour"

[[rules]]
kind = "words"
severity = "warning"
message = "no id"

[[rules]]
id = "x.q"
kind = "tone"
severity = "loud"
'''


def test_every_schema_error_is_reported_with_its_line():
    with pytest.raises(PackError) as caught:
        parse_pack(BROKEN, "broken.toml", builtin_packs().get)
    where = [(p.line, p.column) for p in caught.value.problems]
    messages = " | ".join(p.message for p in caught.value.problems)
    assert (2, 1) in where and "id" in messages            # bad pack id
    assert (4, 1) in where                                  # version not text
    assert (8, 1) in where and "fatal" not in messages      # severity choices are listed
    assert (10, 1) in where and "nope" in messages          # unknown rule overridden
    assert (18, 1) in where and "'patterns'" in messages
    assert (22, 1) in where and "colour" in messages
    assert (24, 1) in where                                 # rule without id: its header
    assert (32, 1) in where                                 # bad severity
    assert any(p.line == 29 and "measure" in p.message for p in caught.value.problems)
    assert any(p.line == 29 and "message" in p.message for p in caught.value.problems)
    assert len(caught.value.problems) == 10


def test_toml_syntax_error_has_line_and_column():
    with pytest.raises(PackError) as caught:
        parse_pack('[pack]\nid = "a"\nname = \n', "x.toml")
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (3, 8)


def test_missing_pack_section_and_unknown_base():
    with pytest.raises(PackError) as caught:
        parse_pack('[[rules]]\nid = "a"\nkind = "manual"\nquestion = "q"\n')
    assert "[pack]" in caught.value.problems[0].message
    with pytest.raises(PackError) as caught:
        parse_pack('[pack]\nid = "a"\nname = "A"\nversion = "1"\nextends = "nowhere"\n',
                   "a.toml", builtin_packs().get)
    assert [(p.line, p.column) for p in caught.value.problems] == [(5, 1)]


def test_example_organisation_pack_overrides_the_builtin_pack():
    pack = PackLibrary(Path("/nonexistent")).load_file(EXAMPLE)
    assert pack.rule("loanword").enabled is False
    assert pack.rule("readability").param("max_sentence_words") == 15
    assert pack.rule("jargon").severity == "error"
    assert pack.rule("jargon").param("replace")["raadsvoorstel"] == [
        "voorstel aan de gemeenteraad"]
    assert "indien" in pack.rule("jargon").param("replace")  # added to, not replaced
    assert pack.lineage == ("voorbeeldgemeente 2025.1", "rijksoverheid-standaard 1.2.0")
    checker = Checker(pack)
    result = checker.check("Het raadsvoorstel en zaak Z/24/123456 over de deadline, "
                           "zie @raad.voorbeeld.", "nl", CheckOptions(platforms=("mastodon",)))
    rules = {f.rule: f for f in result.findings}
    assert rules["jargon"].severity == "error"
    assert rules["gemeente.zaaknummer"].text == "Z/24/123456"
    assert rules["mention.watchlist"].text == "@raad.voorbeeld"
    assert "loanword" not in rules
    assert result.length.limit == 1000
    assert "manual.wethouder" in [q.id for q in result.checklist]


def test_install_validates_first_and_never_replaces_a_working_pack(tmp_path):
    library = PackLibrary(tmp_path / "packs")
    installed = library.install(EXAMPLE)
    assert library.active("nl").id == installed.id
    good = (tmp_path / "packs" / "voorbeeldgemeente.toml").read_text(encoding="utf-8")
    broken = tmp_path / "voorbeeldgemeente.toml"
    broken.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        'max_sentence_words = 15', 'max_sentence_words = "veel"'), encoding="utf-8")
    with pytest.raises(PackError) as caught:
        library.install(broken)
    assert caught.value.problems[0].line > 1
    assert (tmp_path / "packs" / "voorbeeldgemeente.toml").read_text(encoding="utf-8") == good
    assert library.active("nl").rule("readability").param("max_sentence_words") == 15
    library.remove("voorbeeldgemeente")
    assert library.active("nl").id == "rijksoverheid-standaard"


def test_builtin_packs_cannot_be_removed_or_shadowed(tmp_path):
    from ambtenaar20.core.errors import UsageError

    library = PackLibrary(tmp_path / "packs")
    with pytest.raises(UsageError):
        library.remove("rijksoverheid-standaard")
    copy = tmp_path / "copy.toml"
    copy.write_text('[pack]\nid = "rijksoverheid-standaard"\nname = "x"\nversion = "9"\n'
                    'language = "nl"\n', encoding="utf-8")
    with pytest.raises(UsageError):
        library.install(copy)


def test_documentation_example_pack_validates_and_rules_are_documented():
    import re

    doc = (REPO / "docs" / "guideline-packs.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", doc, re.S)
    example = blocks[-1]
    assert example == EXAMPLE.read_text(encoding="utf-8")
    pack = parse_pack(example, "guideline-packs.md", builtin_packs().get)
    assert pack.id == "voorbeeldgemeente"
    guidelines = (REPO / "docs" / "guidelines.md").read_text(encoding="utf-8")
    for built_in in builtin_packs().values():
        for rule in built_in.rules:
            assert f"`{rule.id}`" in guidelines, rule.id


HEAD = '[pack]\nid = "qa"\nname = "QA"\nversion = "1"\nlanguage = "nl"\n'


def _problems(source: str) -> list:
    with pytest.raises(PackError) as caught:
        parse_pack(source, "qa.toml", builtin_packs().get)
    return caught.value.problems


def test_duplicate_id_is_reported_in_the_same_run_as_the_rule_s_own_errors():
    problems = _problems(HEAD + '\n[[rules]]\nid = "a.b"\nkind = "words"\nseverity = "fatal"\n'
                         'message = "m"\nwords = ["x"]\n\n[[rules]]\nid = "a.b"\nkind = "words"\n'
                         'severity = "warning"\nmessage = "m"\nwords = ["y"]\n')
    assert [(p.line, p.column) for p in problems] == [(10, 1), (15, 1)]
    assert "a.b" in problems[1].message


def test_duplicate_of_a_rule_with_an_unknown_kind_is_still_reported():
    problems = _problems(HEAD + '\n[[rules]]\nid = "c.d"\nkind = "colour"\nmessage = 5\n\n'
                         '[[rules]]\nid = "c.d"\nkind = "manual"\nquestion = "q"\n')
    # Unknown kind (9), the common key's wrong type (10) and the duplicate id (13).
    assert [(p.line, p.column) for p in problems] == [(9, 1), (10, 1), (13, 1)]
    assert "c.d" in problems[2].message


@pytest.mark.parametrize("empty", ['""', '"   "', "'\t'"])
def test_empty_name_and_version_are_errors_at_their_keys(empty):
    problems = _problems(f'[pack]\nid = "qa"\nname = {empty}\nversion = {empty}\n'
                         'language = "nl"\n')
    assert [(p.line, p.column) for p in problems] == [(3, 1), (4, 1)]
    assert "'name'" in problems[0].message and "'version'" in problems[1].message


def test_structural_errors_are_all_collected_in_one_pass():
    problems = _problems('[pack]\nname = 3\nversion = "1"\nlanguage = "nl"\ncolour = "red"\n\n'
                         '[[rules]]\nkind = "words"\nseverity = "warning"\nwords = "x"\n'
                         'bogus = 1\n')
    where = [(p.line, p.column) for p in problems]
    assert where == sorted(where)
    assert (1, 1) in where and (2, 1) in where and (5, 1) in where  # no id, name type, key
    assert (10, 1) in where and (11, 1) in where                   # words type, unknown key
    assert sum(1 for p in problems if p.line == 7) == 2            # no id, no message
    assert not any("None" in p.message for p in problems)


def test_rules_are_checked_even_without_a_pack_section():
    problems = _problems('[[rules]]\nid = "a"\nkind = "words"\nseverity = "loud"\n'
                         'message = "m"\n')
    assert "[pack]" in problems[0].message
    assert (4, 1) in [(p.line, p.column) for p in problems]


def test_override_values_are_checked_even_when_its_rule_is_broken_or_unknown():
    problems = _problems(HEAD + '\n[[rules]]\nid = "c.d"\nkind = "colour"\n\n'
                         '[overrides."c.d"]\nenabled = "no"\n\n[overrides.nope]\nseverity = 1\n')
    where = [(p.line, p.column) for p in problems]
    # Unknown kind (9); enabled (12); the unknown rule (14) and its severity (15).
    assert where == [(9, 1), (12, 1), (14, 1), (15, 1)]


def test_toml_syntax_error_is_one_problem_at_the_parser_s_position():
    problems = _problems('[pack]\nid = "qa"\nname = ""\nversion = "1\nlanguage = "nl"\n')
    assert len(problems) == 1 and (problems[0].line, problems[0].column) == (4, 13)


def test_every_bad_item_of_a_list_or_table_is_reported():
    i18n.set_language("en")  # the conftest sets Dutch again afterwards
    problems = _problems(
        '[pack]\nid = "qa"\nname = "QA"\nversion = "1"\nlanguage = "nl"\n'
        'sources = [{ id = "S1", title = 3 }, { id = "S2", colour = "x" }, 7]\n\n'   # 6
        '[[rules]]\nid = "qa.words"\nkind = "words"\nseverity = "warning"\nmessage = "m"\n'
        'words = ["ok", 1, "fine", true]\n\n'                                          # 13
        '[[rules]]\nid = "qa.len"\nkind = "length"\nseverity = "warning"\nmessage = "m"\n'
        'limits = { x = -1, mastodon = "lots", myspace = 10 }\n\n'                     # 20
        '[[rules]]\nid = "qa.sub"\nkind = "substitution"\nseverity = "info"\nmessage = "m"\n\n'
        '[rules.replace]\n"a" = ["b", 2]\n"c" = "d"\n"e" = [3]\n')                     # 29-31
    assert [(p.line, p.message) for p in problems] == [
        (6, "'sources' item 1 'title' must be text (in quotes)"),
        (6, "'sources' item 2 has an unknown name 'colour' (known: id, title, url)"),
        (6, "'sources' item 3 must be a table of names and values"),
        (13, "'words' item 2 must be text (in quotes)"),
        (13, "'words' item 4 must be text (in quotes)"),
        (20, "'limits' 'x' must be a whole number, 0 or more"),
        (20, "'limits' 'mastodon' must be a whole number, 0 or more"),
        (20, "'limits' has an unknown name 'myspace' (known: x, mastodon, bluesky, threads, "
             "linkedin, facebook, instagram)"),
        # A table written as its own section: each problem at its own key.
        (29, "'replace' 'a' item 2 must be text (in quotes)"),
        (30, "'replace' 'c' must be a list, like [\"a\", \"b\"]"),
        (31, "'replace' 'e' item 1 must be text (in quotes)"),
    ]


def test_every_bad_item_of_an_override_and_of_sources_sections_is_reported():
    i18n.set_language("en")
    problems = _problems(
        '[pack]\nid = "qa"\nname = "QA"\nversion = "1"\nextends = "rijksoverheid-standaard"\n\n'
        '[[pack.sources]]\nid = "S1"\nurl = 1\n\n[[pack.sources]]\nid = 2\n\n'      # 9, 12
        '[overrides.jargon]\nadd_replace = { "x" = [1], "y" = ["ok"], "z" = "w" }\n'  # 15
        'add_context_dependent = ["a", 5, 6]\n')                                     # 16
    assert [(p.line, p.message) for p in problems] == [
        (9, "'sources' item 1 'url' must be text (in quotes)"),
        (12, "'sources' item 2 'id' must be text (in quotes)"),
        (15, "'add_replace' 'x' item 1 must be text (in quotes)"),
        (15, "'add_replace' 'z' must be a list, like [\"a\", \"b\"]"),
        (16, "'add_context_dependent' item 2 must be text (in quotes)"),
        (16, "'add_context_dependent' item 3 must be text (in quotes)"),
    ]


def test_bad_allow_entries_of_pii_rules_are_reported_at_their_line():
    i18n.set_language("en")
    problems = _problems(
        '[pack]\nid = "qa"\nname = "QA"\nversion = "1"\nextends = "rijksoverheid-standaard"\n\n'
        '[overrides."pii.phone"]\nallow = ["14 070", "070 123 456", 5]\n\n'                # 8
        '[overrides."pii.email"]\nadd_allow = ["@gemeente", "info@gemeente.nl"]\n\n'      # 11
        '[overrides."pii.bsn"]\nallow = ["123456782"]\n\n'                                  # 14
        '[[rules]]\nid = "qa.address"\nkind = "pii"\ndetector = "address"\n'
        'severity = "error"\nmessage = "m"\nallow = ["Stadhuisplein", "Stadhuisplein 1"]\n')  # 22
    assert [(p.line, p.column, p.message.split(" must ")[0].split(" is ")[0])
            for p in problems] == [
        (8, 1, "'allow' item 3"), (8, 1, "'allow' item 2"), (11, 1, "'add_allow' item 1"),
        (14, 1, "'allow'"), (22, 1, "'allow' item 1")]
    assert "phone number" in problems[1].message
    assert "@gemeente.nl" in problems[2].message
    assert "BSN" in problems[3].message


def test_allow_lists_are_kept_and_extended_by_overrides():
    pack = parse_pack(
        '[pack]\nid = "qa"\nname = "QA"\nversion = "1"\nextends = "rijksoverheid-standaard"\n\n'
        '[overrides."pii.phone"]\nallow = ["14 070"]\nadd_allow = ["070 123 4567"]\n',
        "qa.toml", builtin_packs().get)
    assert pack.rule("pii.phone").param("allow") == ["14 070", "070 123 4567"]
    checker = Checker(pack)
    found = checker.check("Bel 070 123 4567 of 070 765 4321.", "nl").findings
    assert [f.text for f in found if f.rule == "pii.phone"] == ["070 765 4321"]
