"""Where a text names something: proper names carry no tone.

The lexicons score words, not names: the river "Zwarte Water" made "Waterschap start met
dijkversterking Zwarte Water" negative (Dutch "zwarte", black), and "GroenLinks", "De Goede" or
"Green Party" get the tone of their words in the same way. Mid-sentence, Dutch capitalises only
names, and English names, titles of people and proper adjectives ("Dutch"), none of which is an
opinion. So capitalised words side by side that do not open a sentence, a line or a quotation
are taken as a name and left out of the tone. A capitalised word alone keeps its tone: officers'
readers capitalise for emphasis ("Ik vind het Schandalig", "Waardeloos en Incompetent"), and a
one-word name ("Zwolle") is mostly not in the lexicons anyway.

Two cases keep their words scored:

- An English headline in title case ("Green Roofs: Costs and Benefits") capitalises every word,
  names or not; there capitals say nothing and no word of that line is left out. Dutch writes
  headlines in sentence case, so in Dutch a short line of capitals ("Dijkversterking Zwarte
  Water") is still a name.
- The first word of a sentence is capitalised anyway ("Boze bewoners over Zwarte Water-plan"
  keeps its "boze"); it is taken as a name only where the text names the same thing mid-sentence
  ("Zwarte Water treedt buiten de oevers" after "dijkversterking Zwarte Water").

Words in capitals ("SLECHT", "EU") are shouting or abbreviations, not names: they keep their tone.

Capitals can stress a phrase too: "Wat een Belachelijke Vertoning van de gemeente!", "What a
Ridiculous Display". Such a run opens with words of strong tone, where a name holds a word the
lexicon does not know ("Water", "Party", "Vries") and its adjectives are mild ("zwarte" -0.275,
"nieuwe" +0.15) or without tone ("green"). So, given the lexicon (``tone``), a run is emphasis
when its opening words all carry tone, one of them strongly (``EMPHATIC``), and either

- the run is nothing but such words ("is Totaal Onacceptabel", "Echt Waardeloos"), or
- it follows a word that announces a judgement: an indefinite article or an exclamation
  ("een", "zo'n", "wat", "a", "such", "so", "really").

"De Goede" and "Great Britain" ("in Great Britain") stay names; "a Good Friday service" would be
taken for emphasis, a price paid for "a Wonderful Job".

A sentence opens at its first real word: a reply starts with handles and tags ("@gemeentezwolle
Teleurstellend dat…"), which are no words of the sentence, and "…" ends a sentence as "." does.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

#: The lexicon's polarity of a word in lower case; None for a word it does not score or one
#: without tone (``toneless_words.py``).
ToneOf = Callable[[str], float | None]

#: How strong (either way) a word's polarity must be to stress a run of capitals: "belachelijke"
#: -1.0, "ridiculous" -0.33 and "grote" +0.37 do; "zwarte" -0.275 and "new" +0.14 do not.
EMPHATIC = 0.3

_WORD = regex.compile(r"[^\W\d_]+")
#: Where a sentence ends; a colon or semicolon also starts a new clause in a headline
#: ("Hitteplan Zwolle: Wat merkt u ervan?"). "…" ends one as "." does ("Wachten op de bus…
#: Teleurstellend…"), and so does a full stop inside a closing quote ("'Dat is slecht.' Jammer").
_SENTENCE_END = regex.compile(r"[.!?:;…]+['\"’”»)\]]*(?=\s|$)")
#: Handles, tags, addresses: no words of the sentence. One that opens a sentence ("@janjansen
#: Teleurstellend dat…", "#hittestress Slecht geregeld") leaves the next word its opening.
_NO_WORDS = regex.compile(
    r"(?:https?://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@#])[@#][\w@.-]*\w")
#: A word right after one of these opens a quotation or an aside: "noemt het 'Belachelijk'".
_OPENERS = frozenset("'\"‘“„«‹([{–—•*")
#: Short words a title in title case still writes in lower case ("Costs and Benefits").
_TITLE_LOWER = frozenset(
    "with from into onto over upon than that till when amid near past like about above after "
    "among under until while".split())
#: Words after which capitals stress a judgement rather than a name: an indefinite article
#: ("een Belachelijke Vertoning", "a Ridiculous Display"), an exclamation ("wat", "what", "how")
#: or a word that intensifies ("echt", "so", "really").
_JUDGEMENT_CUES = {
    "nl": frozenset("een zo'n zo’n zulk zulke wat echt zo heel erg zeer ontzettend enorm "
                    "totaal volstrekt compleet".split()),
    "en": frozenset("a an what how such so very really truly utterly totally absolutely "
                    "completely quite".split()),
}
#: The word right before a run, apostrophe included ("zo'n"), with only spaces between.
_WORD_BEFORE = regex.compile(r"(?<![^\W\d_])([^\W\d_]+(?:['’][^\W\d_]+)?)[ \t]+$")


def name_spans(text: str, language: str, tone: ToneOf | None = None) -> list[tuple[int, int]]:
    """The places in ``text`` of words that are taken as (part of) a proper name; with the
    lexicon's ``tone``, runs of capitals that stress a judgement are told apart from names."""
    spans: list[tuple[int, int]] = []
    names: set[tuple[str, str]] = set()
    openings: list[tuple[regex.Match[str], regex.Match[str]]] = []
    for line in _lines(text):
        if language == "en" and _title_case(line):
            continue
        for words in line:
            for run in _runs(words):
                if tone is not None and _emphasis(text, run, language, tone):
                    continue
                named = [index for index, word in enumerate(run) if not _opens_quote(text, word)]
                spans += [run[index].span() for index in named]
                names.update((run[index].group().lower(), run[index + 1].group().lower())
                             for index in named if index + 1 < len(run))
            if len(words) > 1 and all(_capitalised(w.group()) for w in words[:2]):
                openings.append((words[0], words[1]))
    # "Zwarte Water treedt buiten de oevers": its opening word is part of a name the text
    # uses mid-sentence too.
    spans += [first.span() for first, second in openings
              if (first.group().lower(), second.group().lower()) in names]
    return sorted(spans)


def _runs(words: list[regex.Match[str]]) -> list[list[regex.Match[str]]]:
    """The capitalised words side by side after a sentence's first word, as the words of a
    name stand ("dijkversterking Zwarte Water", "van De Goede"). One alone is emphasis as often
    as a name ("echt Schandalig", "Waardeloos en Incompetent") and keeps its tone; a name of
    one word ("Zwolle", "GroenLinks") mostly has none to lose. The first word of a sentence is
    capitalised anyway, so it starts no run."""
    runs: list[list[regex.Match[str]]] = []
    current: list[regex.Match[str]] = []
    for word in [*words[1:], None]:
        if word is not None and _capitalised(word.group()):
            current.append(word)
            continue
        if len(current) > 1:
            runs.append(current)
        current = []
    return runs


def _emphasis(text: str, run: list[regex.Match[str]], language: str, tone: ToneOf) -> bool:
    """Whether a run of capitals stresses a judgement ("een Belachelijke Vertoning") rather
    than naming something ("het Zwarte Water"): see the module's docstring."""
    leading = []
    for word in run:
        polarity = tone(word.group().lower())
        if not polarity:
            break
        leading.append(polarity)
    if not any(abs(polarity) >= EMPHATIC for polarity in leading):
        return False
    if len(leading) == len(run):
        return True
    before = _WORD_BEFORE.search(text[max(0, run[0].start() - 40):run[0].start()])
    return before is not None and \
        before.group(1).lower() in _JUDGEMENT_CUES.get(language, frozenset())


def _lines(text: str) -> list[list[list[regex.Match[str]]]]:
    """Per line of ``text`` its sentences, each a list of words (of two letters or more) from
    its first real word on: the handles and tags before it are left out."""
    no_words = [match.span() for match in _NO_WORDS.finditer(text)]
    lines = []
    offset = 0
    for line in text.split("\n"):
        sentences = []
        start = offset
        for end in [*(offset + m.end() for m in _SENTENCE_END.finditer(line)),
                    offset + len(line)]:
            words = [w for w in _WORD.finditer(text, start, end) if len(w.group()) > 1]
            while words and _inside(words[0], no_words):
                words.pop(0)
            if words:
                sentences.append(words)
            start = end
        lines.append(sentences)
        offset += len(line) + 1
    return lines


def _inside(word: regex.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(start <= word.start() < end for start, end in spans)


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
