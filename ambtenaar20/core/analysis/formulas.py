"""Greetings and sign-offs, which the sentiment lexicons read as opinions.

Nearly every reply opens with "Beste meneer Jansen," and ends with "Met vriendelijke groet": the
Dutch lexicon scores "beste" as very positive and very subjective (0.68 and 0.98), so a factual
reply was "mostly an opinion"; English "Kind regards" and "Best wishes" did the same. These
formulas are politeness, not tone: their words are blanked before a text is scored (offsets
stay put). The same word in a sentence ("de beste oplossing") is still scored.
"""

from __future__ import annotations

import regex

_FLAGS = regex.IGNORECASE | regex.MULTILINE
#: An opening word at the start of a line (after any @handles: "@jdevries Beste Jan,"), before a
#: name or title and a comma or line end; or before a capitalised name and a full stop ("Beste
#: Jan."), so that "Beste manier is bellen." is still scored.
_HANDLES = r"^[ \t]*(?:@[\w.]+[ \t]+)*"
_AFTER_NAME = r"[ \t]+(?:[^\n,.!?]{1,40}(?:,|$)|[^\n,.!?]{0,30}(?-i:\p{Lu})[\w'-]*\.)"
_OPENINGS = {
    "nl": regex.compile(_HANDLES + r"(?P<word>beste|geachte|lieve|hallo|hoi|dag)" + _AFTER_NAME,
                        _FLAGS),
    "en": regex.compile(_HANDLES + r"(?P<word>dear|hi|hello)" + _AFTER_NAME, _FLAGS),
}
_CLOSINGS = {
    "nl": regex.compile(r"\b(?:met[ \t]+)?(?P<word>vriendelijke|hartelijke|beste|warme|"
                        r"lieve)[ \t]+groet(?:en|jes)?\b|\b(?P<word>fijne?|prettige?)[ \t]+(?:dag|"
                        r"avond|middag|ochtend|weekend|feestdagen|vakantie|jaarwisseling)\b|"
                        r"\b(?P<word>hartelijk)[ \t]+(?:dank|bedankt)\b", _FLAGS),
    "en": regex.compile(r"\b(?:with[ \t]+)?(?P<word>kind|best|warm|warmest|kindest)[ \t]+"
                        r"(?:regards|wishes)\b|\bhave[ \t]+a[ \t]+(?P<word>nice|good|great)"
                        r"[ \t]+(?:day|weekend|evening)\b", _FLAGS),
}


def without_formulas(text: str, language: str) -> str:
    """``text`` with the words of greetings and sign-offs replaced by spaces."""
    if language not in _OPENINGS:
        return text
    spans = [match.span("word") for match in _OPENINGS[language].finditer(text)]
    for match in _CLOSINGS[language].finditer(text):
        spans += [span for span in match.spans("word") if span != (-1, -1)]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
