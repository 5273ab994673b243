"""Readability: Flesch-Douma for Dutch, Flesch reading ease for English, long sentences and words.

Syllables come from pyphen's hyphenation dictionaries (nl_NL, en_US), counted ourselves: the
English formula of textstat would need NLTK's cmudict, which cannot be downloaded offline.
A formula is a soft signal only (no official mapping to B1 exists), so the score finding is
skipped for texts too short to measure. Text in square brackets (a template's placeholder) is
not the officer's wording and is not measured.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from ambtenaar20.core.drafting.model import Finding
from ambtenaar20.core.drafting.packs import Rule
from ambtenaar20.core.drafting.rule_context import RuleContext
from ambtenaar20.core.drafting.text import Span

_DICTIONARIES = {"nl": "nl_NL", "en": "en_US"}
_VOWEL_GROUPS = "aeiouyáéíóúàèëïöüâêîôû"


@lru_cache(maxsize=4)
def _hyphenator(language: str):
    import pyphen

    # Dutch: left/right 1 so every syllable counts, not only where a printer may break a line.
    # English patterns then split "open-s" and "y-ou", so English keeps the defaults.
    edge = 2 if language == "en" else 1
    return pyphen.Pyphen(lang=_DICTIONARIES.get(language, "nl_NL"), left=edge, right=edge)


@lru_cache(maxsize=20000)
def syllables(word: str, language: str) -> int:
    lowered = word.lower()
    by_dictionary = len(_hyphenator(language).positions(lowered)) + 1
    # Fallback for words the patterns do not split: count vowel groups.
    groups = 0
    previous = False
    for char in lowered:
        vowel = char in _VOWEL_GROUPS
        if vowel and not previous:
            groups += 1
        previous = vowel
    if language == "en" and lowered.endswith("e") and not lowered.endswith("le") and groups > 1:
        groups -= 1  # a silent final e ("make", "state")
    return max(1, by_dictionary if by_dictionary > 1 else groups)


def flesch(words: list[Span], sentence_count: int, language: str) -> float | None:
    """Flesch-Douma (nl) or Flesch reading ease (en); None for a text without words."""
    if not words or sentence_count == 0:
        return None
    per_sentence = len(words) / sentence_count
    per_word = sum(syllables(w.text, language) for w in words) / len(words)
    if language == "en":
        score = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    else:
        score = 206.835 - 0.93 * per_sentence - 77 * per_word
    return round(score, 1)


def score(ctx: RuleContext) -> float | None:
    return flesch(ctx.prose_words, len(_prose_sentences(ctx)), ctx.language)


def _prose_sentences(ctx: RuleContext) -> list[Span]:
    """Sentences with a word of the officer's own: "[Gevolg in één zin.]" is a placeholder."""
    if ctx.prose_words is ctx.words:
        return ctx.sentences
    starts = [w.start for w in ctx.prose_words]
    return [s for s in ctx.sentences
            if bisect_left(starts, s.end) > bisect_left(starts, s.start)]


def check_readability(rule: Rule, ctx: RuleContext) -> list[Finding]:
    found = []
    value = score(ctx)
    minimum = float(rule.param("min_score", 60))
    if (value is not None and len(ctx.prose_words) >= int(rule.param("min_words", 25))
            and value < minimum):
        body = ctx.text.strip()
        start = ctx.text.index(body[0])
        found.append(ctx.finding(rule, start, start + len(body), score=ctx.decimal(value, 1),
                                 min_score=f"{minimum:g}"))
    longest = int(rule.param("max_sentence_words", 20))
    starts = [w.start for w in ctx.prose_words]
    for sentence in ctx.sentences:
        # Words are in text order: count those starting inside the sentence by bisection.
        inside = bisect_left(starts, sentence.end) - bisect_left(starts, sentence.start)
        if inside > longest:
            found.append(ctx.finding(rule, sentence.start, sentence.end, count=inside,
                                     max=longest, template=rule.param("sentence_message")))
    most = int(rule.param("max_word_syllables", 7))
    for word in ctx.prose_words:
        counted = syllables(word.text, ctx.language)
        if counted > most:
            found.append(ctx.finding(rule, word.start, word.end, count=counted,
                                     template=rule.param("word_message")))
    return found
