"""Where a text names something: proper names carry no tone.

The lexicons score words, not names: the river "Zwarte Water" made "Waterschap start met
dijkversterking Zwarte Water" negative (Dutch "zwarte", black), and "GroenLinks", "De Goede" or
"Green Party" get the tone of their words in the same way. Mid-sentence, Dutch capitalises only
names, and English names, titles of people and proper adjectives ("Dutch"), none of which is an
opinion. So a capitalised word that does not open a sentence, a line or a quotation is taken as
(part of) a name and left out of the tone.

Two cases keep their words scored:

- An English headline in title case ("Green Roofs: Costs and Benefits") capitalises every word,
  names or not; there capitals say nothing and no word of that line is left out. Dutch writes
  headlines in sentence case, so in Dutch a short line of capitals ("Dijkversterking Zwarte
  Water") is still a name.
- The first word of a sentence is capitalised anyway ("Boze bewoners over Zwarte Water-plan"
  keeps its "boze"); it is taken as a name only where the text names the same thing mid-sentence
  ("Zwarte Water treedt buiten de oevers" after "dijkversterking Zwarte Water").

Words in capitals ("SLECHT", "EU") are shouting or abbreviations, not names: they keep their tone.
"""

from __future__ import annotations

import regex

_WORD = regex.compile(r"[^\W\d_]+")
#: Where a sentence ends; a colon or semicolon also starts a new clause in a headline
#: ("Hitteplan Zwolle: Wat merkt u ervan?").
_SENTENCE_END = regex.compile(r"[.!?:;]+(?=\s|$)")
#: A word right after one of these opens a quotation or an aside: "noemt het 'Belachelijk'".
_OPENERS = frozenset("'\"‘“„«‹([{–—•*")
#: Short words a title in title case still writes in lower case ("Costs and Benefits").
_TITLE_LOWER = frozenset(
    "with from into onto over upon than that till when amid near past like about above after "
    "among under until while".split())


def name_spans(text: str, language: str) -> list[tuple[int, int]]:
    """The places in ``text`` of words that are taken as (part of) a proper name."""
    spans: list[tuple[int, int]] = []
    names: set[tuple[str, str]] = set()
    openings: list[tuple[regex.Match[str], regex.Match[str]]] = []
    for line in _lines(text):
        if language == "en" and _title_case(line):
            continue
        for words in line:
            for index, word in enumerate(words):
                if index == 0 or not _capitalised(word.group()) or _opens_quote(text, word):
                    continue
                spans.append(word.span())
                if index + 1 < len(words) and _capitalised(words[index + 1].group()):
                    names.add((word.group().lower(), words[index + 1].group().lower()))
            if len(words) > 1 and all(_capitalised(w.group()) for w in words[:2]):
                openings.append((words[0], words[1]))
    # "Zwarte Water treedt buiten de oevers": its opening word is part of a name the text
    # uses mid-sentence too.
    spans += [first.span() for first, second in openings
              if (first.group().lower(), second.group().lower()) in names]
    return sorted(spans)


def _lines(text: str) -> list[list[list[regex.Match[str]]]]:
    """Per line of ``text`` its sentences, each a list of words (of two letters or more)."""
    lines = []
    offset = 0
    for line in text.split("\n"):
        sentences = []
        start = offset
        for end in [*(offset + m.end() for m in _SENTENCE_END.finditer(line)),
                    offset + len(line)]:
            words = [w for w in _WORD.finditer(text, start, end) if len(w.group()) > 1]
            if words:
                sentences.append(words)
            start = end
        lines.append(sentences)
        offset += len(line) + 1
    return lines


def _capitalised(word: str) -> bool:
    """A capital, then at least one small letter: "Water", "GroenLinks"; not "EU", "SLECHT"."""
    return word[0].isupper() and any(letter.islower() for letter in word[1:])


def _title_case(line: list[list[regex.Match[str]]]) -> bool:
    """Every word after the first capitalised but short ones and a few prepositions, and at
    least two of them: "Green Roofs: Costs and Benefits", not "Flooding in Zwolle"."""
    rest = [w.group() for words in line for w in words][1:]
    lower = [w for w in rest if not w[0].isupper()]
    return (len(rest) - len(lower) >= 2
            and all(len(w) <= 3 or w.lower() in _TITLE_LOWER for w in lower))


def _opens_quote(text: str, word: regex.Match[str]) -> bool:
    before = text[max(0, word.start() - 2):word.start()].rstrip()
    return bool(before) and before[-1] in _OPENERS
