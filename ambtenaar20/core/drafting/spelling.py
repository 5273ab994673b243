"""Spelling: words unknown to the Dutch or English dictionary and to the officer's word list.

pyspellchecker ships frequency lists for both languages. Dutch glues words together
("woningbouwvereniging"), so an unknown Dutch word is accepted when it splits into known
words (with the linking -s- or -en-). Names are left alone: a capital in the middle of a
sentence marks a name, all capitals an abbreviation.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

from ambtenaar20.core.atomic_file import atomic_write_text
from ambtenaar20.core.drafting.model import Finding
from ambtenaar20.core.drafting.packs import Rule
from ambtenaar20.core.drafting.rule_context import RuleContext

_lock = threading.Lock()
_checkers: dict[str, object] = {}
_SENTENCE_OPENERS = set(".!?:;\n\"'“‘(-–—•*>")
_MIN_COMPOUND = 8
_MIN_PART = 3


def _checker(language: str):
    with _lock:
        found = _checkers.get(language)
        if found is None:
            from spellchecker import SpellChecker

            found = SpellChecker(language=language if language in ("nl", "en") else "nl")
            _checkers[language] = found
        return found


@lru_cache(maxsize=50000)
def in_dictionary(word: str, language: str) -> bool:
    """``word`` (lower case) is in the dictionary, directly or, in Dutch, as a compound."""
    checker = _checker(language)
    if word in checker:
        return True
    plain = _without_accents(word)
    if plain != word and plain in checker:
        return True  # accents for stress: "één", "vóór", "dát"
    if language == "en":
        return any(form in checker for form in _american_forms(word))
    return language == "nl" and len(word) >= _MIN_COMPOUND and _compound(word, checker, 0)


#: British endings and their American forms. The English word list is American, and British
#: spelling ("organisation", "colour", "centre") is what Dutch government English uses.
_BRITISH = tuple((re.compile(pattern), american) for pattern, american in (
    (r"is(e|es|ed|ing|ation|ations|er|ers)$", r"iz\1"),
    (r"ys(e|es|ed|ing)$", r"yz\1"),
    (r"our", "or"),
    (r"tre(s?)$", r"ter\1"),
    (r"ence(s?)$", r"ense\1"),
    (r"ogue(s?)$", r"og\1"),
    (r"ll(ed|ing|er|ers)$", r"l\1"),
    (r"mme(s?)$", r"m\1"),
))


def _american_forms(word: str) -> set[str]:
    """The American spellings a British ``word`` may stand for, each rule alone and together."""
    forms = set()
    combined = word
    for pattern, american in _BRITISH:
        changed = pattern.sub(american, word)
        if changed != word:
            forms.add(changed)
        combined = pattern.sub(american, combined)
    forms.add(combined)
    forms.discard(word)
    return forms


def _without_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _compound(word: str, checker, depth: int) -> bool:
    if depth > 2:
        return False
    for cut in range(len(word) - _MIN_PART, _MIN_PART - 1, -1):
        head, tail = word[:cut], word[cut:]
        heads = [head]
        for link in ("s", "en", "e"):  # the linking sounds of Dutch compounds
            if head.endswith(link):
                heads.append(head[:-len(link)])
        if not any(len(h) >= _MIN_PART and h in checker for h in heads):
            continue
        if tail in checker or (len(tail) >= _MIN_COMPOUND - 2
                               and _compound(tail, checker, depth + 1)):
            return True
    return False


def relative_frequency(word: str, language: str) -> float:
    """How common ``word`` (lower case) is in the language's word list, as a share of all words.

    Add-one smoothed, so a word the list lacks is rare rather than impossible.
    """
    frequency = _checker(language).word_frequency
    return (frequency[word] + 1) / (frequency.total_words + 1)


def in_word_list(word: str, language: str) -> bool:
    """``word`` (lower case) is itself a dictionary entry (not only a compound of entries)."""
    return word in _checker(language)


@lru_cache(maxsize=5000)
def suggestions(word: str, language: str) -> tuple[str, ...]:
    checker = _checker(language)
    candidates = checker.known(checker.edit_distance_1(word))
    if not candidates and len(word) <= 12:
        candidates = checker.candidates(word) or set()
        candidates.discard(word)
    ranked = sorted(candidates, key=lambda w: (-checker.word_usage_frequency(w), w))
    return tuple(ranked[:3])


def known_word(word: str, language: str) -> bool:
    return in_dictionary(word.lower(), language)


def check_spelling(rule: Rule, ctx: RuleContext) -> list[Finding]:
    shortest = int(rule.param("min_length", 3))
    ignored = {w.lower() for w in rule.param("ignore", [])} | ctx.options.own_words
    found = []
    for word in ctx.words:
        if ctx.in_link(word.start, word.end):
            continue  # part of a link or an (obscured) e-mail address
        for start, piece in _pieces(word.start, word.text, ctx.language):
            if len(piece) < shortest or piece.isupper():
                continue
            if piece[0].isupper() and not _sentence_start(ctx.text, start):
                continue  # a name
            if any(c.isupper() for c in piece[1:]):
                continue  # a name with a capital inside: WhatsApp, LinkedIn, iPhone, DigiD
            lowered = piece.lower()
            if lowered in ignored or in_dictionary(lowered, ctx.language):
                continue
            if ctx.language == "nl" and _old_genitive(ctx.text, start, lowered):
                continue
            fixes = tuple(_same_case(piece, s) for s in suggestions(lowered, ctx.language))
            # Without suggestions "Bedoel je: ?" reads as broken; a pack may say it otherwise.
            plain = None if fixes else rule.param("no_suggestion_message", None)
            found.append(ctx.finding(rule, start, start + len(piece), fixes, template=plain))
    return found


def _pieces(start: int, word: str, language: str = "nl") -> list[tuple[int, str]]:
    """Parts of a hyphenated word, without a possessive or plural ``'s``.

    In English the ending of a contraction goes too ("didn't" is checked as "did", "we're" as
    "we"), so a suggestion only ever replaces the stem; contractions the dictionary knows and
    "can't", "won't", "shan't", "ain't" are accepted as they are.
    """
    pieces = []
    offset = start
    for part in word.replace("’", "'").split("-"):
        core = part.split("'", 1)[0]
        if language == "en" and "'" in part:
            lowered = part.lower()
            negation = _NEGATION.match(part)
            if lowered in _IRREGULAR_CONTRACTIONS or lowered in _checker("en"):
                core = ""  # "can't", "won't", "o'clock"
            elif negation:
                core = negation.group(1)  # "shoudn't": only "shoud" is replaced
            elif lowered.endswith("'t"):
                core = part  # "dind't": the whole word, so "didn't" can be suggested
        if core:
            pieces.append((offset, core))
        offset += len(part) + 1
    return pieces


#: English contractions whose stem is no word of its own.
_IRREGULAR_CONTRACTIONS = frozenset({"can't", "won't", "shan't", "ain't"})
#: "didn't", "wasn't", "couldn't": the stem before "n't".
_NEGATION = re.compile(r"(\w+)n't$", re.IGNORECASE)
#: The old genitive after "'s": "'s avonds", "'s nachts", "'s-Hertogenbosch".
_GENITIVE_BEFORE = re.compile(r"(?:^|[^\w'’])['’]s[ \-]$", re.IGNORECASE)


def _old_genitive(text: str, start: int, lowered: str) -> bool:
    """``lowered`` (at ``start``) follows "'s " as in "'s avonds" or "'s-Gravenhage"."""
    if not _GENITIVE_BEFORE.search(text[max(0, start - 4):start]):
        return False
    if text[start - 1] == "-" and text[start:start + 1].isupper():
        return True  # a place name: "'s-Hertogenbosch", "'s-Gravenhage"
    return lowered.endswith("s") and in_dictionary(lowered[:-1], "nl")


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_OPENERS


def _same_case(original: str, suggestion: str) -> str:
    return suggestion[:1].upper() + suggestion[1:] if original[:1].isupper() else suggestion


class WordList:
    """The officer's own words, one per line in the data folder; accepted by the spelling rule."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def words(self) -> frozenset[str]:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return frozenset()
        return frozenset(line.strip().lower() for line in lines if line.strip())

    def add(self, word: str) -> None:
        current = set(self.words())
        current.add(word.strip().lower())
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, "\n".join(sorted(current)) + "\n")

    def replace_all(self, words: list[str]) -> None:
        """The whole list at once (the officer edited it)."""
        cleaned = sorted({w.strip().lower() for w in words if w.strip()})
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, "".join(f"{w}\n" for w in cleaned))

    def remove(self, word: str) -> None:
        current = set(self.words()) - {word.strip().lower()}
        atomic_write_text(self.path, "".join(f"{w}\n" for w in sorted(current)))
