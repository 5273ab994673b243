"""Dutch words the sentiment lexicon reads in the wrong sense, found by their neighbours.

textblob-nl scores words, not meanings. It reads the preposition "naar" ("Ga naar de website",
"Uitstapje naar Bad Bentheim") as the adjective "naar" (nasty, -0.65), and the noun "link" ("via
deze link") as the adjective "link" (risky). Both senses are common, so neither word can simply
be left out: "Dat is naar." is an opinion. Where the neighbours show the other sense, the word's
place is returned, for the tone of feed items (``toneless_words.py``) and of drafts
(``core/drafting/tone.py``) alike.
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
# "link" is the noun (a web link) after an article, determiner or preposition; the lexicon
# reads the adjective "link" (risky) and scores it as an opinion.
_LINK = regex.compile(r"\b(?:de|een|deze|die|dit|onze|uw|via|op|naar|met|bij|in)\s+"
                      r"(?:(?:volgende|onderstaande|bovenstaande|speciale|juiste)\s+)?"
                      r"(?P<word>link)(?![\w-])", regex.IGNORECASE)


def dutch_sense_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has "naar" as a preposition or "link" as a noun: no tone there."""
    spans = [match.span() for match in _NAAR.finditer(text) if _is_preposition(text, match)]
    spans += [match.span("word") for match in _LINK.finditer(text)]
    return spans


def _is_preposition(text: str, match: regex.Match) -> bool:
    following = _NEXT.match(text, match.end()).group(1)
    if following.lower() in _DETERMINERS or following[:1].isupper() or following[:1].isdigit():
        return True  # "is naar de gemeente gestuurd", "naar Amsterdam", "naar 2026"
    previous = _PREVIOUS_WORD.search(text[:match.start()])
    return not (previous and previous.group(1).lower() in _COPULAS)
