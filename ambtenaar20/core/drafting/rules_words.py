"""Rule kinds that look for words and phrases: words, substitution, consistency, restraint,
mentions.

Matching is on whole words and case-insensitive unless a pack says otherwise, so "mede" does
not fire inside "medewerker" and "U" at the start of a sentence still counts as "u".
"""

from __future__ import annotations

import regex

from ambtenaar20.core.drafting.model import Finding
from ambtenaar20.core.drafting.packs import Rule
from ambtenaar20.core.drafting.rule_context import RuleContext
from ambtenaar20.core.drafting.text import Span, find_phrases, match_case


def check_words(rule: Rule, ctx: RuleContext) -> list[Finding]:
    case_sensitive = bool(rule.param("case_sensitive", False))
    exceptions = {e.lower() for e in rule.param("exceptions", [])}
    spans = [(s.start, s.end) for s in
             find_phrases(ctx.text, rule.param("words", []), case_sensitive)]
    flags = 0 if case_sensitive else regex.IGNORECASE
    for pattern in rule.param("patterns", []):
        spans += [(m.start(), m.end()) for m in regex.finditer(pattern, ctx.text, flags)
                  if m.end() > m.start()]
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if ctx.text[start:end].lower() in exceptions:
            continue
        if any(start < e and end > s for s, e in taken):
            continue  # a word inside a longer phrase already reported
        taken.append((start, end))
        found.append(ctx.finding(rule, start, end))
    return found


def check_substitution(rule: Rule, ctx: RuleContext) -> list[Finding]:
    table: dict[str, list[str]] = rule.param("replace", {})
    lowered = {key.lower(): value for key, value in table.items()}
    uncertain = {word.lower() for word in rule.param("context_dependent", [])}
    found = []
    for span in find_phrases(ctx.text, table.keys(), bool(rule.param("case_sensitive", False))):
        if ctx.in_link(span.start, span.end):
            continue  # replacing a word inside a link or address would break it
        key = " ".join(span.text.lower().split())
        alternatives = tuple(match_case(span.text, alt) for alt in lowered.get(key, []))
        if key in uncertain:
            # The word also has an ordinary meaning: a hint, never more.
            found.append(ctx.finding(rule, span.start, span.end, alternatives,
                                     template=rule.param("context_message"), severity="info"))
        else:
            found.append(ctx.finding(rule, span.start, span.end, alternatives))
    return found


def check_consistency(rule: Rule, ctx: RuleContext) -> list[Finding]:
    """Both forms of address in one text: report the less used form, offer the other."""
    formal = [s for s in find_phrases(ctx.text, rule.param("formal", []))
              if not ctx.in_link(s.start, s.end)]
    informal = [s for s in find_phrases(ctx.text, rule.param("informal", []))
                if not ctx.in_link(s.start, s.end)]
    if not formal or not informal:
        return []
    minority = formal if len(formal) < len(informal) else informal
    swap = {key.lower(): value for key, value in rule.param("swap", {}).items()}
    found = []
    for span in minority:
        other = swap.get(span.text.lower())
        suggestions = (match_case(span.text, other),) if other else ()
        found.append(ctx.finding(rule, span.start, span.end, suggestions))
    return found


def check_restraint(rule: Rule, ctx: RuleContext) -> list[Finding]:
    """An opinion marker in a text that touches politics or the officer's own policy area."""
    opinions = find_phrases(ctx.text, rule.param("opinion", []))
    if not opinions:
        return []
    topics = [*rule.param("topics", []), *ctx.options.topic_words]
    about: list[str] = []
    own = find_phrases(ctx.text, topics, word_start=True)
    if own:
        about.append(own[0].text)
    political = _political(rule, ctx)
    if political:
        about.append(political[0].text)
    if not about:
        return []
    subject = " / ".join(dict.fromkeys(about))
    return [ctx.finding(rule, span.start, span.end, about=subject) for span in opinions]


def _political(rule: Rule, ctx: RuleContext) -> list[Span]:
    """Political actors: words in any case, abbreviations and party names exactly as written.

    Party names that are ordinary words too ("Volt" in "230 volt", "DENK") only count with
    their own capitals. Dutch words also count at the start of a compound ("kabinetsbeleid").
    """
    words = rule.param("political", [])
    found = find_phrases(ctx.text, [w for w in words if w.isupper()], case_sensitive=True)
    found += find_phrases(ctx.text, [w for w in words if not w.isupper()],
                          word_start=ctx.language == "nl")
    found += find_phrases(ctx.text, rule.param("parties", []), case_sensitive=True)
    return sorted(found, key=lambda span: span.start)


_MENTION = regex.compile(r"(?<![\w@])@((?:[\w.]*\w)?)(?:@([\w-]+(?:\.[\w-]+)+))?")


def check_mentions(rule: Rule, ctx: RuleContext) -> list[Finding]:
    watched = {w.lower().lstrip("@") for w in [*rule.param("watchlist", []),
                                               *ctx.options.watchlist]}
    if not watched:
        return []
    found = []
    for match in _MENTION.finditer(ctx.text):
        user = match.group(1).rstrip(".").lower()
        full = f"{user}@{match.group(2).lower()}" if match.group(2) else user
        if user in watched or full in watched:
            found.append(ctx.finding(rule, match.start(), match.end()))
    return found
