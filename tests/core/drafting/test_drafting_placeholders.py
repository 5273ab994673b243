"""``template.placeholder``: a template's "[...]" left in a draft is an error; other brackets are
not (the erasure marker "[verwijderd]", "[sic]", "jan [at] gemeente [dot] nl")."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from ambtenaar20.core.drafting.checker import Checker
from ambtenaar20.core.drafting.pack_library import builtin_packs
from ambtenaar20.core.drafting.packs import PackError, parse_pack
from ambtenaar20.core.drafting.placeholders import placeholders_of
from ambtenaar20.core.drafting.rule_context import CheckOptions

REPO = Path(__file__).resolve().parents[3]
# Read here, not through the module under test: the test knows the templates independently.
TEMPLATES = tomllib.loads((REPO / "ambtenaar20" / "packs" / "templates.toml").read_text(
    encoding="utf-8"))["templates"]
BRACKETS = re.compile(r"\[[^\]]+\]")
FILLED = {"nl": ["Ja, dat kan vanaf maandag", "https://www.rijksoverheid.nl/huurtoeslag",
                 "1 juli", "opent het loket later", "u kunt online een afspraak maken"],
          "en": ["Yes, you can from Monday", "https://www.government.nl/benefits",
                 "1 July", "the office opens later", "you can book online"]}
RULE = "template.placeholder"


def _placeholder_findings(checker: Checker, text: str, language: str,
                          options: CheckOptions | None = None) -> list:
    return [f for f in checker.check(text, language, options).findings if f.rule == RULE]


def _checker(language: str, nl_checker: Checker, en_checker: Checker) -> Checker:
    return nl_checker if language == "nl" else en_checker


@pytest.mark.parametrize("template", TEMPLATES, ids=[t["id"] for t in TEMPLATES])
def test_every_placeholder_of_a_built_in_template_left_in_is_an_error(template, nl_checker,
                                                                       en_checker):
    text, language = template["text"], template["language"]
    findings = _placeholder_findings(_checker(language, nl_checker, en_checker), text, language)
    expected = BRACKETS.findall(text)
    assert expected  # every template has something to fill in
    assert [f.text for f in findings] == expected
    assert {f.severity for f in findings} == {"error"}
    for finding in findings:
        assert text[finding.start:finding.end] == finding.text
        assert finding.text in finding.message
    first = findings[0].message
    assert ("nog niet is ingevuld" in first) if language == "nl" else ("not been filled in"
                                                                        in first)


@pytest.mark.parametrize("template", TEMPLATES, ids=[t["id"] for t in TEMPLATES])
def test_a_filled_in_template_has_no_placeholder_finding(template, nl_checker, en_checker):
    language = template["language"]
    answers = iter(FILLED[language])
    text = BRACKETS.sub(lambda _m: next(answers), template["text"])
    assert "[" not in text
    assert _placeholder_findings(_checker(language, nl_checker, en_checker), text,
                                 language) == []


def test_one_placeholder_left_among_filled_ones(nl_checker):
    text = ("Dank voor uw vraag. Ja, dat kan vanaf maandag.\n"
            "Meer informatie vindt u op [link naar de pagina].")
    findings = _placeholder_findings(nl_checker, text, "nl")
    assert [(f.text, f.start) for f in findings] == [("[link naar de pagina]", text.index("["))]


def test_case_and_spaces_do_not_hide_a_placeholder(found_nl, found_en):
    assert found_nl("Lees meer: [Link] en [ link naar de  bron ].", "nl")[RULE] == [
        "[Link]", "[ link naar de  bron ]"]
    assert found_en("Read more: [LINK TO THE PAGE]", "en")[RULE] == ["[LINK TO THE PAGE]"]


@pytest.mark.parametrize("text", [
    "Naam: [verwijderd], zie het logboek.",                         # the erasure marker
    "Mail jan [at] gemeente [dot] nl voor een afspraak.",
    "Hij schreef: 'Wij [de gemeente] doen dat [sic].' Zie ook [1] en [...].",
    "Lees meer: [link](https://www.rijksoverheid.nl/huurtoeslag).",  # a Markdown link: filled
    "Meer op [link naar de pagina over huurtoeslag].",               # edited: no longer exact
    "Een losse [ haak en nog een ] haak, en [] leeg.",
])
def test_other_bracketed_text_is_not_reported(text, found_nl, found_en):
    assert RULE not in found_nl(text, "nl")
    assert RULE not in found_en(text, "en")


def test_the_officers_own_template_placeholders_are_found(found_nl, found_en):
    own = placeholders_of(["Beste [naam van de inwoner],\nUw aanvraag [zaaknummer] is binnen. "
                           "Naam: [verwijderd]."])
    assert own == frozenset({"[naam van de inwoner]", "[zaaknummer]"})
    draft = "Beste [naam van de inwoner],\nUw aanvraag [zaaknummer] is binnen."
    assert RULE not in found_nl(draft, "nl")  # not a known template's: not judged
    assert found_nl(draft, "nl", template_placeholders=own)[RULE] == [
        "[naam van de inwoner]", "[zaaknummer]"]
    assert found_en("Dear [naam van de inwoner], thanks.", "en",
                    template_placeholders=own)[RULE] == ["[naam van de inwoner]"]
    # Even when the officer's template has it, the erasure marker is nobody's placeholder.
    assert RULE not in found_nl("Naam: [verwijderd].", "nl",
                                template_placeholders=frozenset({"[verwijderd]"}))


HEAD = ('[pack]\nid = "gemeente"\nname = "Gemeente"\nversion = "1"\n'
        'extends = "rijksoverheid-standaard"\n')


def test_an_organisation_pack_can_switch_it_off_or_change_it():
    off = Checker(parse_pack(HEAD + '\n[overrides."template.placeholder"]\nenabled = false\n',
                             "off.toml", builtin_packs().get))
    assert _placeholder_findings(off, "Lees meer: [link]", "nl") == []
    changed = Checker(parse_pack(
        HEAD + '\n[overrides."template.placeholder"]\nseverity = "warning"\n'
        'message = "Nog invullen: {match}"\nadd_placeholders = ["[zaaknummer]"]\n',
        "changed.toml", builtin_packs().get))
    findings = _placeholder_findings(changed, "Zaak [zaaknummer], zie [link].", "nl")
    assert [(f.text, f.severity, f.message) for f in findings] == [
        ("[zaaknummer]", "warning", "Nog invullen: [zaaknummer]"),
        ("[link]", "warning", "Nog invullen: [link]")]


def test_a_placeholder_without_brackets_is_a_pack_error_at_its_line():
    with pytest.raises(PackError) as caught:
        parse_pack(HEAD + '\n[overrides."template.placeholder"]\n'
                   'add_placeholders = ["[naam]", "zaaknummer", "[ ]"]\n',
                   "bad.toml", builtin_packs().get)
    problems = caught.value.problems
    assert [(p.line, p.column) for p in problems] == [(8, 1), (8, 1)]
    # Item 2 and 3 (in the interface language), each saying how to write it.
    assert " 2 " in problems[0].message and " 3 " in problems[1].message
    assert all("add_placeholders" in p.message and "[" in p.message for p in problems)


def test_the_service_checks_the_placeholders_of_the_officers_saved_templates(data_dir):
    from ambtenaar20.core.app_context import create_app_context

    context = create_app_context(data_dir, "nl")
    try:
        service = context.drafting
        text = "Uw melding heeft nummer [zaaknummer]. We bellen u binnen een week."
        assert "template.placeholder" not in [f.rule for f in service.check(text).findings]
        service.drafts.add_template("Melding", "Uw melding heeft nummer [zaaknummer].", "nl")
        found = [f.text for f in service.check(text).findings
                 if f.rule == "template.placeholder"]
        assert found == ["[zaaknummer]"]
    finally:
        context.close()
