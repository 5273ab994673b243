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
from ambtenaar20.core.drafting.text import Span, fill, find_phrases, match_case


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
    separable = {key.lower(): value for key, value in rule.param("separable", {}).items()}
    found = []
    for span in find_phrases(ctx.text, table.keys(), bool(rule.param("case_sensitive", False))):
        if ctx.in_link(span.start, span.end):
            continue  # replacing a word inside a link or address would break it
        key = " ".join(span.text.lower().split())
        verb = _separated_verb(ctx, span, separable.get(key))
        if verb is not None:
            found.append(_separable_finding(rule, ctx, span, verb, lowered.get(verb.lower(), [])))
            continue
        alternatives = tuple(match_case(span.text, alt) for alt in lowered.get(key, []))
        if key in uncertain:
            # The word also has an ordinary meaning: a hint, never more.
            found.append(ctx.finding(rule, span.start, span.end, alternatives,
                                     template=rule.param("context_message"), severity="info"))
        else:
            found.append(ctx.finding(rule, span.start, span.end, alternatives))
    return found


def _separated_verb(ctx: RuleContext, span: Span, entry: list[str] | None) -> str | None:
    """The verb whose particle ``span`` is ("delen wij u mede": "mededelen"), when one of its
    forms stands before it in the sentence; else None."""
    if not entry:
        return None
    verb, forms = entry
    sentence = next((s for s in ctx.sentences if s.start <= span.start < s.end), None)
    start = sentence.start if sentence else 0
    pattern = regex.compile(rf"(?<![\w-])(?:{forms})(?![\w-])", regex.IGNORECASE)
    return verb if pattern.search(ctx.text, start, span.start) else None


def _separable_finding(rule: Rule, ctx: RuleContext, span: Span, verb: str,
                       alternatives: list[str]) -> Finding:
    """The particle of a split verb: the alternatives are named, not offered, since replacing
    the particle alone ("delen wij u ook") breaks the sentence."""
    shown = ", ".join(f"'{a}'" for a in alternatives) or "—"
    template = fill(rule.param("separable_message") or rule.message, suggestions=shown, verb=verb)
    return ctx.finding(rule, span.start, span.end, template=template)


def check_consistency(rule: Rule, ctx: RuleContext) -> list[Finding]:
    """Both forms of address in one text: report the less used form, offer the other."""
    formal = [s for s in find_phrases(ctx.text, rule.param("formal", []))
              if not ctx.in_link(s.start, s.end) and not _letter(ctx.text, s)]
    informal = [s for s in find_phrases(ctx.text, rule.param("informal", []))
                if not ctx.in_link(s.start, s.end) and not _letter(ctx.text, s)]
    if not formal or not informal:
        return []
    minority = formal if len(formal) < len(informal) else informal
    swap = {key.lower(): value for key, value in rule.param("swap", {}).items()}
    # Words whose swap depends on the sentence ("je vraag" -> "uw vraag", "Heeft u" -> "Heb
    # je"): the other form is named in the message, never offered as a one-click replacement.
    hint_only = {word.lower() for word in rule.param("hint_only", [])}
    found = []
    for span in minority:
        other = swap.get(span.text.lower())
        suggestions = (match_case(span.text, other),) if other else ()
        if span.text.lower() in hint_only:
            shown = ", ".join(f"'{s}'" for s in suggestions) or "—"
            template = fill(rule.param("hint_message") or rule.message, suggestions=shown)
            found.append(ctx.finding(rule, span.start, span.end, template=template))
        else:
            found.append(ctx.finding(rule, span.start, span.end, suggestions))
    return found


#: Words before a capital letter "U" that make it a name, not the pronoun: "lijn U", "bus U".
_LETTER_AFTER = frozenset({"lijn", "bus", "tram", "metro", "trein", "vak", "blok", "gebouw",
                           "type", "route", "perron", "spoor", "zaal", "vleugel", "klasse"})


def _letter(text: str, span: Span) -> bool:
    """``span`` is the letter "U" of a name ("U-pas", "U-bocht", "lijn U"), not the pronoun."""
    if span.text.lower() != "u":
        return False
    if text[span.end:span.end + 1] in ("-", "‑"):
        return True
    if span.text != "U":
        return False
    before = regex.search(r"(\p{L}+)\s+$", text[max(0, span.start - 20):span.start])
    return bool(before) and before.group(1).lower() in _LETTER_AFTER


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
    compounds = ctx.language == "nl"
    plain = [w for w in words if not w.isupper()]
    found += [span for span in find_phrases(ctx.text, plain, word_start=compounds)
              if not compounds or _compound_of(span.text, plain, ctx)]
    found += find_phrases(ctx.text, rule.param("parties", []), case_sensitive=True)
    return sorted(found, key=lambda span: span.start)


def _compound_of(word: str, heads: list[str], ctx: RuleContext) -> bool:
    """``word`` is one of ``heads``, an inflection ("moties", "kabinetten") or a compound that
    goes on with a word ("kabinetsbeleid"), not an ordinary word that only starts like one
    ("motief", "motieven")."""
    lowered = word.lower().replace("’", "'")
    head = max((h.lower() for h in heads if lowered.startswith(h.lower())), key=len, default="")
    rest = lowered[len(head):]
    if not rest or not head or rest in ("s", "n", "en", "'s", head[-1] + "en"):
        return True
    for link in ("", "s", "en", "e", "n"):  # the linking sounds of Dutch compounds
        tail = rest[len(link):]
        if rest.startswith(link) and len(tail) >= 4 and ctx.known_word(tail):
            return True
    return len(rest) > 1 and not ctx.entry_word(lowered)


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
