"""A rule's words in the officer's language, whatever language the text is checked in.

An officer with an English interface who replies to a Dutch item has the Dutch rules check the
Dutch text, but reads every finding in English: message, explanation, checklist question (the
findings panel words the rule's name and its buttons in the same language). The words come from
the rule's own ``translations`` table for that language, and else from the same rule (same id
and kind) in the active pack of that language: the built-in packs are each other's counterparts.

A rule with no words in that language keeps its pack's language, and its whole finding is shown
in that language: never a rule name in one language beside a message in the other.
"""

from __future__ import annotations

from dataclasses import replace

from ambtenaar20.core.drafting import pack_schema as schema
from ambtenaar20.core.drafting.packs import Pack, Rule


def _main_key(rule: Rule) -> str:
    """The key without which a rule has no words: a manual rule's question, else its message."""
    return "question" if rule.kind == "manual" else "message"


def _words_of(rule: Rule) -> dict[str, str]:
    """The words ``rule`` is written with, by their pack key."""
    words = {key: rule.params[key] for key in schema.wording_keys(rule.kind)
             if isinstance(rule.params.get(key), str)}
    words[_main_key(rule)] = rule.message  # a manual rule's message is its question
    if rule.why:
        words["why"] = rule.why
    return words


def word_rule(rule: Rule, pack_language: str, language: str,
              counterpart: Pack | None = None) -> tuple[Rule, str]:
    """``rule`` with its words in ``language`` and that language; if it has no words in
    ``language``, the rule as it is and ``pack_language``.

    Only words change: the rule's kind, severity, link and settings (word lists, patterns,
    thresholds) stay those of the pack that checks the text.
    """
    if language == pack_language:
        return rule, pack_language
    words: dict[str, str] = {}
    other = counterpart.rule(rule.id) if counterpart and counterpart.language == language else None
    if other is not None and other.kind == rule.kind:
        words.update(_words_of(other))
    words.update(rule.translations.get(language, {}))
    main = _main_key(rule)
    if not words.get(main):
        return rule, pack_language
    # A message the other language lacks (the Dutch jargon rule's "context_message") is
    # dropped: the rule then uses its main message, as a rule without one does.
    params = {key: value for key, value in rule.params.items()
              if key not in schema.wording_keys(rule.kind)}
    params.update({key: words[key] for key in schema.wording_keys(rule.kind)
                   if key not in ("message", "why") and key in words})
    return replace(rule, message=words[main], why=words.get("why"), params=params), language
