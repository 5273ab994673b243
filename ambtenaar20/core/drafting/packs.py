"""Guideline packs: read a TOML file, report every problem with its position, apply overrides.

A pack is data, not code: a communications department can write one without a programmer. An
organisation pack may ``extends`` another pack (usually the built-in one) and then switch rules
off, change their severity or thresholds, add words (``[overrides."rule-id"]``) and add rules of
its own (``[[rules]]``). Loading either gives a complete, valid ``Pack`` or raises
``PackError`` listing every problem found, so a broken pack is never half used.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ambtenaar20.core.drafting import pack_schema as schema
from ambtenaar20.core.drafting.pack_positions import key_positions, locate
from ambtenaar20.core.errors import Ambtenaar20Error
from ambtenaar20.core.i18n import _
from ambtenaar20.core.toml_errors import toml_problem


@dataclass(frozen=True)
class PackProblem:
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.message}"


class PackError(Ambtenaar20Error):
    """A pack that cannot be used; ``problems`` has every error with its position."""

    def __init__(self, source_name: str, problems: list[PackProblem]) -> None:
        self.source_name = source_name
        self.problems = problems
        first = problems[0] if problems else PackProblem(1, 1, "")
        super().__init__(_("The guideline pack {name} has {n} error(s); first: line {line}, "
                           "column {column}: {message}").format(
            name=source_name, n=len(problems), line=first.line, column=first.column,
            message=first.message))


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    severity: str
    message: str
    link: str | None = None
    why: str | None = None
    enabled: bool = True
    params: dict[str, Any] = field(default_factory=dict)
    #: Per language other than the pack's: this rule's words in it (``message``, ``why``, the
    #: kind's other messages), so a finding can be read in the officer's language.
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    def param(self, name: str, default: Any = None) -> Any:
        return self.params.get(name, default)


@dataclass(frozen=True)
class Pack:
    id: str
    name: str
    version: str
    language: str
    rules: tuple[Rule, ...]
    organisation: str = ""
    description: str = ""
    sources: tuple[dict, ...] = ()
    extends: str | None = None
    #: ``id version`` of every pack this one is built on, the pack itself first.
    lineage: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Pack id and version, with the packs it builds on; stored with every dismissal."""
        return " < ".join(self.lineage) if self.lineage else f"{self.id} {self.version}"

    def rule(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    def active_rules(self) -> list[Rule]:
        return [rule for rule in self.rules if rule.enabled]


#: Finds a base pack by id (built-in or installed); None when unknown.
BaseLookup = Callable[[str], "Pack | None"]

#: Keys every override may change, whatever the rule's kind.
_OVERRIDE_COMMON = {k: v for k, v in schema.COMMON.items() if k not in ("id", "kind")}


def load_pack_file(path: Path, base_lookup: BaseLookup | None = None) -> Pack:
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(str(path), [PackProblem(1, 1, _("cannot be read: {error}").format(
            error=error))]) from error
    return parse_pack(source, str(path), base_lookup)


def parse_pack(source: str, source_name: str = "<pack>",
               base_lookup: BaseLookup | None = None) -> Pack:
    """The pack in ``source``, with its base pack's rules merged in."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        line, column, reason = toml_problem(error, source)
        raise PackError(source_name, [PackProblem(line, column, _(
            "not valid TOML: {error}").format(error=reason))]) from error
    checker = _Validator(key_positions(source), base_lookup)
    pack = checker.build(data)
    if checker.problems:
        raise PackError(source_name, sorted(checker.problems, key=lambda p: (p.line, p.column)))
    assert pack is not None
    return pack


class _Validator:
    def __init__(self, positions: dict, base_lookup: BaseLookup | None) -> None:
        self.positions = positions
        self.base_lookup = base_lookup
        self.problems: list[PackProblem] = []

    def error(self, path: tuple, message: str) -> None:
        line, column = locate(self.positions, path)
        self.problems.append(PackProblem(line, column, message))

    def build(self, data: dict) -> Pack | None:
        for key in data:
            if key not in ("pack", "rules", "overrides"):
                self.error((key,), _("unknown section '{key}' (known: pack, rules, "
                                     "overrides)").format(key=key))
        meta = data.get("pack")
        if isinstance(meta, dict):
            self._check_table(("pack",), meta, schema.PACK_KEYS)
            base = self._base(meta)
            required = ("id", "name", "version") + (() if "extends" in meta else ("language",))
            for key in required:
                if key not in meta:
                    self.error(("pack",), _("[pack] needs '{key}'").format(key=key))
        else:
            # Keep going: the rules and overrides are checked all the same, so one run
            # reports every problem.
            self.error(("pack",), _("the [pack] section with id, name and version is missing"))
            meta, base = {}, None
        rules: dict[str, Rule] = {rule.id: rule for rule in base.rules} if base else {}
        # Ids of this pack's own rules, valid or not: a duplicate is reported even when the
        # first rule with that id has errors of its own.
        declared: set[str] = set()
        own = data.get("rules", [])
        if not isinstance(own, list):
            self.error(("rules",), _("rules must be written as [[rules]] sections"))
            own = []
        for index, raw in enumerate(own):
            rule = self._rule(("rules", index), raw)
            rule_id = raw.get("id") if isinstance(raw, dict) else None
            if not isinstance(rule_id, str) or not schema.RULE_ID.match(rule_id):
                continue
            if rule_id in declared or rule_id in rules:
                what = (_("is already in the base pack; change it under [overrides.\"{id}\"]")
                        if base and base.rule(rule_id) else _("is used twice"))
                self.error(("rules", index, "id"), _("rule id '{id}' {what}").format(
                    id=rule_id, what=what.format(id=rule_id)))
                continue
            declared.add(rule_id)
            if rule is not None:
                rules[rule_id] = rule
        overrides = data.get("overrides", {})
        if not isinstance(overrides, dict):
            self.error(("overrides",), _("overrides must be [overrides.\"rule-id\"] sections"))
            overrides = {}
        for rule_id, change in overrides.items():
            if rule_id not in rules:
                if rule_id not in declared:  # a broken own rule has its errors reported
                    self.error(("overrides", rule_id), _(
                        "override of unknown rule '{id}'").format(id=rule_id))
                if isinstance(change, dict):  # the rule's kind is unknown: common keys only
                    self._check_table(("overrides", rule_id), change, _OVERRIDE_COMMON,
                                      unknown_keys=False)
                continue
            rules[rule_id] = self._override(("overrides", rule_id), rules[rule_id], change)
        if self.problems:
            return None
        lineage = (f"{meta['id']} {meta['version']}", *(base.lineage if base else ()))
        return Pack(
            id=meta["id"], name=meta["name"], version=meta["version"],
            language=meta.get("language", base.language if base else "nl"),
            rules=tuple(rules.values()), organisation=meta.get("organisation", ""),
            description=meta.get("description", ""), sources=tuple(meta.get("sources", ())),
            extends=meta.get("extends"), lineage=lineage,
        )

    def _base(self, meta: dict) -> Pack | None:
        name = meta.get("extends")
        if not isinstance(name, str):
            return None
        base = self.base_lookup(name) if self.base_lookup else None
        if base is None:
            self.error(("pack", "extends"), _("extends an unknown pack '{id}'").format(id=name))
        elif "language" in meta and meta["language"] != base.language:
            self.error(("pack", "language"), _("language '{lang}' differs from the base pack's "
                                               "'{base}'").format(lang=meta["language"],
                                                                  base=base.language))
        return base

    def _check_table(self, path: tuple, table: dict, checks: dict,
                     unknown_keys: bool = True) -> bool:
        """Report every key of ``table`` with a wrong value (and, if asked, every unknown key)."""
        fine = True
        for key, value in table.items():
            check = checks.get(key)
            if check is None:
                if unknown_keys:
                    self.error((*path, key), _("unknown key '{key}'").format(key=key))
                    fine = False
                continue
            # A list or table value reports each bad item, at the item where it can be found.
            for where, problem in schema.problems(check, value):
                self.error((*path, key, *where), f"'{key}' {problem}")
                fine = False
        return fine

    def _check_allow(self, path: tuple, table: dict, detector: str | None) -> bool:
        """``allow`` entries of a pii rule that its detector could never report (a typo)."""
        fine = True
        for key in ("allow", "add_allow"):
            if isinstance(table.get(key), list):  # other values: reported as the wrong type
                for where, problem in schema.problems(schema.allowed_entries(detector),
                                                      table[key]):
                    self.error((*path, key, *where), f"'{key}' {problem}")
                    fine = False
        return fine

    def _rule(self, path: tuple, raw: object) -> Rule | None:
        if not isinstance(raw, dict):
            self.error(path, _("a rule must be a [[rules]] section"))
            return None
        kind = raw.get("kind")
        rule_id = raw.get("id")
        id_ok = isinstance(rule_id, str) and bool(schema.RULE_ID.match(rule_id))
        if not id_ok:
            self.error((*path, "id") if "id" in raw else path, _(
                "rule needs an 'id' of small letters, digits, '.', '_' and '-'"))
        if kind not in schema.KINDS:
            known = ", ".join(schema.KINDS)
            if "kind" in raw:
                self.error((*path, "kind"), _("unknown rule kind '{kind}' (known: {known})")
                           .format(kind=kind, known=known))
            else:
                self.error(path, _("rule needs a 'kind', one of: {known}").format(known=known))
            # Without a kind its own parameters are unknown; still check the common keys.
            self._check_table(path, {k: v for k, v in raw.items() if k not in ("id", "kind")},
                              schema.COMMON, unknown_keys=False)
            return None
        ok = self._check_table(path, {k: v for k, v in raw.items() if k != "id"},
                               {**schema.COMMON, **schema.KINDS[kind],
                                "translations": schema.translations(kind)}) and id_ok
        needed = (*schema.REQUIRED.get(kind, ()), *(() if kind == "manual"
                                                    else ("severity", "message")))
        for key in needed:
            if key not in raw:
                if id_ok:
                    self.error(path, _("rule '{id}' ({kind}) needs '{key}'").format(
                        id=rule_id, kind=kind, key=key))
                else:
                    self.error(path, _("this {kind} rule needs '{key}'").format(
                        kind=kind, key=key))
                ok = False
        if kind == "pii" and ("detector" in raw) == ("pattern" in raw):
            self.error(path, _("a pii rule needs exactly one of 'detector' and 'pattern'"))
            ok = False
        if kind == "pii":
            ok = self._check_allow(path, raw, raw.get("detector")) and ok
        if not ok:
            return None
        params = {k: v for k, v in raw.items() if k in schema.KINDS[kind]}
        return Rule(id=rule_id, kind=kind, severity=raw.get("severity", "info"),
                    message=raw.get("message", raw.get("question", "")),
                    link=raw.get("link"), why=raw.get("why"),
                    enabled=raw.get("enabled", True), params=params,
                    translations=raw.get("translations", {}))

    def _override(self, path: tuple, rule: Rule, change: object) -> Rule:
        if not isinstance(change, dict):
            self.error(path, _("an override must be a table of keys"))
            return rule
        own = schema.KINDS[rule.kind]
        checks = dict(_OVERRIDE_COMMON)
        checks.update(own)
        checks.update({f"add_{name}": own[name] for name in schema.extendable(rule.kind)})
        checks["translations"] = schema.translations(rule.kind)
        fine = self._check_table(path, change, checks)
        if rule.kind == "pii":
            detector = change.get("detector", rule.param("detector"))
            fine = self._check_allow(path, change, detector) and fine
        if not fine:
            return rule
        params = dict(rule.params)
        for key, value in change.items():
            if key.startswith("add_"):
                name = key[4:]
                current = params.get(name)
                if isinstance(value, dict):
                    params[name] = {**(current or {}), **value}
                else:
                    params[name] = [*(current or []), *value]
            elif key in own:
                params[key] = value
        common = {k: change[k] for k in ("severity", "message", "link", "why", "enabled")
                  if k in change}
        # Per language, the override's words replace the base rule's, the others stay.
        translations = {language: {**rule.translations.get(language, {}), **words}
                        for language, words in change.get("translations", {}).items()}
        return replace(rule, params=params, translations={**rule.translations, **translations},
                       **common)
