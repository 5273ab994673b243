"""Words without tone: what the sentiment lexicons score but a policy text does not mean.

The lexicons average every sense of a word. In the texts of a municipality or a water board the
common sense is a plain description, while the scored senses are rare there: "green" (roofs,
space) counted as negative because the English lexicon also knows "naive" and "looking pale";
"Koele plekken kaart online" was negative because every Dutch sense of "koel" ("niet hartelijk",
"koelbloedig") scores -0.6. Left in, such words tilt whole topics and their trend.

Four kinds of words are left out of the tone score and of the words named for a tone:

- proper names (``proper_names.py``: the river "Zwarte Water" is no black water);
- ``BUILT_IN``, a short list per language of words whose scored senses are rare in government
  text (each with its reason below);
- Dutch words in a sense the lexicon does not mean (``word_senses.py``: the preposition
  "naar", the noun "link");
- the officer's own list "Woorden zonder toon" (``ToneSettings.toneless_words`` in the settings,
  edited under Preferences and with ``ambtenaar20 tone-words``), for the words of their field.

A word on a list stands for its inflections too: "koel" for "koele", "koeler"; "nat" for
"natte"; "green" for "greener". The text itself is never changed, the words are blanked only in
what the lexicon sees (offsets stay put), as with greetings (``formulas.py``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import regex

from ambtenaar20.core.analysis.proper_names import ToneOf, name_spans
from ambtenaar20.core.analysis.word_senses import dutch_sense_spans
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _

#: Per language: words that describe rather than judge in government and policy text.
BUILT_IN: dict[str, frozenset[str]] = {
    "en": frozenset({
        # The colour and the policy (green roofs, green space). The lexicon averages in "naive"
        # and "looking pale" (-0.5 each): -0.2, so nearly every item about green roofs leaned
        # negative.
        "green",
        # Temperature (cool places, cool pavements); the lexicon scores "fashionable" (+0.6).
        "cool",
        # Temperature (a hot summer); the lexicon only knows "marked by excited activity"
        # (+0.25 on average), so heat warnings came out positive.
        "hot",
        # Weather and water (a wet winter); the lexicon scores wetness as -0.1 and subjective.
        "wet",
    }),
    "nl": frozenset({
        # Het groen, groene daken: the subject of the text, not an opinion of it. The lexicon
        # scores "jong" (-0.1) and "milieuvriendelijk" (+0.4).
        "groen",
        # Temperature (koele plekken); all three senses ("fris", "niet hartelijk",
        # "koelbloedig") score -0.6.
        "koel",
        # Weather and water (een natte herfst, natte natuur); "niet droog" scores -0.1 and
        # 0.4 subjective, enough to make a plain water-level report negative.
        "nat",
        # Busy ("de brandweer had het druk") or the noun pressure ("de druk op de dijk"); the
        # lexicon's senses "bedrijvig", "turbulent" and "van karakter" are all negative.
        "druk",
        # The past participle of "maken" (een plan gemaakt, openbaar gemaakt); the lexicon only
        # knows the adjective "onecht" (-0.6, 0.9 subjective), so a plain announcement read as
        # strongly negative.
        "gemaakt",
        # Arranged, settled (het is geregeld, goed geregeld); the lexicon scores the sense
        # "regelmatig" (+0.15) and then takes "slecht" before it as a mere intensifier, so
        # "slecht geregeld" came out positive.
        "geregeld",
    }),
}

#: A word of a list: letters, joined by hyphens or apostrophes ("zee-arm", "wadi's").
_ENTRY = regex.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: A word of a text as the lexicon takes it: "groen-blauwe" is one word, not "groen".
_TEXT_WORD = regex.compile(r"(?<![\w'’-])[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SEPARATORS = regex.compile(r"[\s,;]+")
_VOWELS = "aeiouy"


def parse_words(text: str) -> list[str]:
    """The words of a field or argument: one a line, or separated by commas or spaces."""
    return [part for part in _SEPARATORS.split(text) if part]


def clean_words(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` in lower case, each once, in the order given; ``UsageError`` names the first
    entry that is no word ("12", "#klimaat")."""
    cleaned: dict[str, None] = {}
    for word in words:
        tidy = word.strip().lower()
        if not tidy:
            continue
        if not _ENTRY.fullmatch(tidy):
            raise UsageError(_("'{word}' is not a word: use letters only, one word at a "
                               "time.").format(word=word.strip()))
        cleaned[tidy] = None
    return tuple(cleaned)


def built_in_words(words: Iterable[str]) -> list[str]:
    """Those of ``words`` that are built in already for every language. The officer's list
    applies to all languages: "cool", built in for English only ("cool places"), still scores
    +0.7 in Dutch text, so an officer who adds it is heard."""
    everywhere = frozenset.intersection(*BUILT_IN.values())
    return [word for word in clean_words(words) if word in everywhere]


def add_words(saved: list[str], words: Iterable[str]) -> tuple[list[str], list[str]]:
    """The saved list with ``words`` added, and the words that were new. A built-in word is
    not added: it has no tone already (``built_in_words`` names them)."""
    before = clean_words(saved)
    wanted = clean_words(words)
    if not wanted:
        raise UsageError(_("Give at least one word."))
    built_in = built_in_words(wanted)
    added = [word for word in wanted if word not in before and word not in built_in]
    return [*before, *added], added


def remove_words(saved: list[str], words: Iterable[str]) -> tuple[list[str], list[str]]:
    """The saved list without ``words`` and the words removed; ``UsageError`` when one of
    them is not in the list (nothing is removed then)."""
    before = clean_words(saved)
    unwanted = clean_words(words)
    if not unwanted:
        raise UsageError(_("Give at least one word."))
    missing = [word for word in unwanted if word not in before]
    if missing:
        raise UsageError(_("'{word}' is not in the list of words without tone.").format(
            word=missing[0]))
    return [word for word in before if word not in unwanted], list(unwanted)


@functools.lru_cache(maxsize=256)
def word_forms(word: str, language: str) -> frozenset[str]:
    """``word`` and its inflections in ``language`` (a generous set: a form that is no real
    word does no harm, it never occurs)."""
    forms = {word}
    if language == "nl":
        stem = _dutch_stem(word)
        forms |= {stem + "e", stem + "en", stem + "er", word + "s", word + "st", word + "ste",
                  stem + "ere", word + "der", word + "dere"}
    elif language == "en":
        base = word[:-1] if word.endswith("e") else word
        double = word + word[-1] if _short_closed(word) else word
        base_y = word[:-1] + "i" if word.endswith("y") else word
        forms |= {word + "s", word + "es", base + "er", base + "est", base + "ed", base + "ing",
                  word + "ly", double + "er", double + "est", double + "ed", double + "ing",
                  base_y + "es", base_y + "er", base_y + "est", base_y + "ed"}
    return frozenset(forms)


def toneless_spans(text: str, language: str, own_words: Iterable[str] = (),
                   tone: ToneOf | None = None) -> list[tuple[int, int]]:
    """Where in ``text`` the words without tone are: names, the built-in and the own words.
    ``tone``, the lexicon's polarity of a word, tells names from capitals that stress."""
    if language not in BUILT_IN:
        return []
    forms = _forms(tuple(BUILT_IN[language]) + tuple(own_words), language)
    # A word without tone stresses nothing either: "a Green Party" stays a name.
    spans = name_spans(text, language, None if tone is None else
                       lambda word: None if word in forms else tone(word))
    spans += [match.span() for match in _TEXT_WORD.finditer(text)
              if match.group().lower() in forms]
    if language == "nl":  # "naar de gemeente", "via deze link": not "nasty", not "risky"
        spans += dutch_sense_spans(text)
    return spans


def without_toneless(text: str, language: str, own_words: Iterable[str] = (),
                     tone: ToneOf | None = None) -> str:
    """``text`` with its words without tone replaced by spaces."""
    spans = toneless_spans(text, language, own_words, tone)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def mentions(text: str, words: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``words`` in any form of either language."""
    forms = _forms(tuple(words), "nl") | _forms(tuple(words), "en")
    return any(match.group().lower() in forms for match in _TEXT_WORD.finditer(text))


def search_prefixes(words: Iterable[str]) -> list[str]:
    """For each word, the start that all its forms share: what a full-text search for
    candidates asks for ("zwa" for "zwaar", "zware")."""
    prefixes = []
    for word in words:
        forms = word_forms(word, "nl") | word_forms(word, "en")
        shortest, longest = min(forms), max(forms)
        length = 0
        while length < len(shortest) and shortest[length] == longest[length]:
            length += 1
        prefixes.append(shortest[:length])
    return prefixes


@functools.lru_cache(maxsize=64)
def _forms(words: tuple[str, ...], language: str) -> frozenset[str]:
    return frozenset().union(*(word_forms(word.strip().lower(), language) for word in words
                               if word.strip()))


def _dutch_stem(word: str) -> str:
    """The stem an ending is added to: "zwaar" -> "zwar", "nat" -> "natt", "boos" -> "boz"."""
    stem = word
    if len(stem) >= 3 and stem[-1] not in _VOWELS and stem[-2] == stem[-3] and \
            stem[-2] in "aeou":
        stem = stem[:-2] + stem[-1]  # a long vowel is written once before an ending
    elif _short_closed(stem) and not stem.endswith(("w", "x")):
        stem += stem[-1]  # a short vowel keeps its sound with a doubled consonant
    if stem.endswith("f"):
        stem = stem[:-1] + "v"
    elif stem.endswith("s") and not stem.endswith("ss"):
        stem = stem[:-1] + "z"
    return stem


def _short_closed(word: str) -> bool:
    """One vowel letter between consonants at the end: "nat", "druk", "hot", "wet"."""
    return (len(word) >= 3 and word[-1] not in _VOWELS and word[-2] in _VOWELS
            and word[-3] not in _VOWELS)
