"""Rule kinds about the form of a post: personal data, length, hashtags, emoji, capitals, links.

Personal data comes from ``analysis/pii.py`` (checksums for BSN and IBAN, the numbering plan for
phone numbers), tuned for what officers paste into a draft.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import pairwise

import regex

from ambtenaar20.core.analysis.pii import find_personal_data
from ambtenaar20.core.analysis.pii_allow import allow_list
from ambtenaar20.core.drafting.model import Finding
from ambtenaar20.core.drafting.packs import Rule
from ambtenaar20.core.drafting.platforms import URL, platform
from ambtenaar20.core.drafting.rule_context import RuleContext
from ambtenaar20.core.i18n import _

_EMOJI_PART = r"(?:\p{Extended_Pictographic}|\p{Regional_Indicator}{2})[\p{Emoji_Modifier}\uFE0F]*"
_EMOJI = regex.compile(rf"{_EMOJI_PART}(?:\u200D{_EMOJI_PART})*")
# Mathematical alphanumerics, fullwidth letters and enclosed letters used as "bold" styling.
_FANCY = regex.compile(r"[\U0001D400-\U0001D7FF\uFF21-\uFF3A\uFF41-\uFF5A"
                       r"\u24B6-\u24E9\U0001F130-\U0001F189]+")
_HASHTAG = regex.compile(r"(?<![\w#&])#([\p{L}\p{N}_]+)")
_CAPS_WORD = r"[\p{Lu}]{2,}(?:['’-][\p{Lu}]+)*"
_MARKS = regex.compile(r"[!?]{2,}")
_MIN_PIECE = 3


def check_pii(rule: Rule, ctx: RuleContext) -> list[Finding]:
    """Personal data, less what the pack allows (the organisation's own helpdesk number).

    "Kerkstraat 1-3" with nothing in the sentence to tell a home from a stretch of road works
    is advice, not an error: a warning at most, with the rule's ``range_message``.
    """
    detector = rule.param("detector")
    allowed = allow_list(detector, tuple(rule.param("allow", ())))
    if detector:
        spans = [(m.start, m.end, m.maybe_range)
                 for m in find_personal_data(ctx.text, [detector], ctx.language)]
    else:
        spans = [(m.start(), m.end(), False)
                 for m in regex.finditer(rule.param("pattern"), ctx.text, regex.IGNORECASE)
                 if m.end() > m.start()]
    found = []
    for start, end, maybe_range in spans:
        if allowed.allows(ctx.text[start:end]):
            continue
        if maybe_range:
            found.append(ctx.finding(rule, start, end, template=_range_message(rule),
                                     severity=_at_most_warning(rule.severity)))
        else:
            found.append(ctx.finding(rule, start, end))
    return found


def _range_message(rule: Rule) -> str:
    return rule.param("range_message") or _(
        "'{match}' may be a range of house numbers (road works, for instance) rather than an "
        "address. If it is someone's home (a house number with an addition), remove it.")


def _at_most_warning(severity: str) -> str:
    return "warning" if severity == "error" else severity


def check_length(rule: Rule, ctx: RuleContext) -> list[Finding]:
    """Counts come from the checker (``ctx.lengths``), which applied the pack's limits."""
    found = []
    for key, length in ctx.lengths.items():
        if length.over:
            start = min(length.fits or 0, max(len(ctx.text) - 1, 0))
            found.append(ctx.finding(rule, start, len(ctx.text), platform=platform(key).name,
                                     count=length.count, limit=length.limit))
    return found


def check_hashtag(rule: Rule, ctx: RuleContext) -> list[Finding]:
    tags = list(_HASHTAG.finditer(ctx.text))
    if rule.param("check") == "count":
        limit = int(rule.param("max", 3))
        if len(tags) <= limit:
            return []
        return [ctx.finding(rule, tag.start(), tag.end(), count=len(tags), max=limit)
                for tag in tags[limit:]]
    found = []
    for tag in tags:
        body = tag.group(1)
        if len(body) < int(rule.param("min_length", 8)) or not body.isalpha():
            continue
        if not (body.islower() or body.isupper()):
            continue  # already has capitals inside: CamelCase or a name
        if ctx.entry_word(body.lower()):
            continue  # one word ("#klimaatakkoord"), not several run together
        parts = _split_compound(body.lower(), ctx)
        if parts and len(parts) >= 2:
            camel = "#" + "".join(part.capitalize() for part in parts)
            found.append(ctx.finding(rule, tag.start(), tag.end(), (camel,)))
    return found


def _split_compound(word: str, ctx: RuleContext, depth: int = 0) -> list[str] | None:
    """Split ``word`` into dictionary entries of 3+ letters, longest first piece first."""
    if depth > 0 and len(word) >= _MIN_PIECE and ctx.entry_word(word):
        return [word]
    if depth >= 4:
        return None
    for cut in range(len(word) - _MIN_PIECE, _MIN_PIECE - 1, -1):
        head = word[:cut]
        if ctx.entry_word(head):
            rest = _split_compound(word[cut:], ctx, depth + 1)
            if rest:
                return [head, *rest]
    return None


def check_emoji(rule: Rule, ctx: RuleContext) -> list[Finding]:
    text = ctx.text
    emoji = list(_EMOJI.finditer(text))
    found = []
    limit = int(rule.param("max", 3))
    if len(emoji) > limit:
        found += [ctx.finding(rule, m.start(), m.end(), count=len(emoji), max=limit)
                  for m in emoji[limit:]]
    if rule.param("repeated", True):
        for first, second in pairwise(emoji):
            if second.start() == first.end() and first.group() == second.group():
                found.append(ctx.finding(rule, second.start(), second.end(), ("",),
                                         template=rule.param("repeated_message")))
    if rule.param("between_words", True):
        for match in emoji:
            before = text[:match.start()].rstrip(" ")
            after = text[match.end():].lstrip(" ")
            if before[-1:].isalpha() and after[:1].isalpha():
                found.append(ctx.finding(rule, match.start(), match.end(),
                                         template=rule.param("between_message")))
    if rule.param("fancy_letters", True):
        for match in _FANCY.finditer(text):
            plain = unicodedata.normalize("NFKC", match.group())
            found.append(ctx.finding(rule, match.start(), match.end(), (plain,),
                                     template=rule.param("fancy_message")))
    return found


def check_caps(rule: Rule, ctx: RuleContext) -> list[Finding]:
    pattern = _caps_pattern(int(rule.param("min_words", 3)),
                            int(rule.param("min_word_length", 7)))
    found = []
    for match in pattern.finditer(ctx.text):
        calm = match.group().lower()
        found.append(ctx.finding(rule, match.start(), match.end(), (calm.capitalize(), calm)))
    most = max(int(rule.param("max_marks", 1)), 1)
    for match in _MARKS.finditer(ctx.text):
        if len(match.group()) > most:
            found.append(ctx.finding(rule, match.start(), match.end(), (match.group()[0],),
                                     template=rule.param("marks_message")))
    return found


@lru_cache(maxsize=16)
def _caps_pattern(run: int, long_word: int) -> regex.Pattern:
    """Runs of ``run`` capitalised words, or one capitalised word of ``long_word`` letters."""
    return regex.compile(
        rf"(?<![\w])(?:{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{{max(run - 1, 0)},}}"
        rf"|[\p{{Lu}}]{{{long_word},}})(?![\w])")


def check_links(rule: Rule, ctx: RuleContext) -> list[Finding]:
    links = list(URL.finditer(ctx.text))
    if rule.param("check") == "shortener":
        domains = {d.lower() for d in rule.param("domains", [])}
        found = []
        for link in links:
            host = regex.sub(r"^(?:https?://)?(?:www\.)?", "", link.group().lower())
            if host.split("/", 1)[0] in domains:
                found.append(ctx.finding(rule, link.start(), link.end()))
        return found
    if links:
        return []  # a link is there; whether it is the source is for the officer to judge
    found = []
    for pattern in rule.param("claim_patterns", []):
        found += [ctx.finding(rule, m.start(), m.end())
                  for m in regex.finditer(pattern, ctx.text, regex.IGNORECASE)
                  if m.end() > m.start()]
    return found
