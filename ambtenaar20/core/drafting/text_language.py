"""Which language a draft is in, so that its own pack, dictionary and tone lexicon apply.

Feed items are long enough for ``detect_language``'s count of function words. A reply is often
one short sentence ("Good point, see our website.", "Thanks!") with too few of them, and then
fell back to the pack's language: a short English reply was spell-checked as Dutch, every word
marked. The spelling word lists of both languages count how often each word is used; a text
whose words are together far more common in one language is in that language.
"""

from __future__ import annotations

import math
import re

from ambtenaar20.core.analysis.links import URL
from ambtenaar20.core.analysis.sentiment import LANGUAGES, detect_language, language_words
from ambtenaar20.core.drafting import spelling

#: The words together must be this many times likelier in one language than in the other.
_MIN_ODDS = math.log(1000)
#: One word counts at most this much, so that no single word decides a sentence.
_MAX_WORD_ODDS = math.log(150)
#: A draft of at most this many words ("Thanks!", "Agreed.", "Noted, thanks.") has no other
#: evidence: there one word that the other language lacks may decide on its own.
_SHORT_DRAFT = 3
#: English words Dutch officers write in Dutch replies too ("OK", "Top!", "Hi Anna"): no evidence
#: of either language. Names are no words of a language either (they are skipped below, and
#: their odds stay far below ``_MIN_ODDS``: "John" is as Dutch a first name as an English one).
_SHARED = frozenset(
    "ok okay oke oké hi hey top super sorry cool nice wow thx lol oops".split())
#: Enough words to decide; a long text has function words anyway.
_MAX_WORDS = 60
#: English writes these with a capital where Dutch does not: evidence, not names.
_CAPITALISED_IN_ENGLISH = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday i".split())
#: Handles and hashtags are names, not words of either language.
_HANDLE_OR_TAG = re.compile(r"[@#][\w.@-]+")


def draft_language(text: str, fallback: str) -> str:
    """``nl`` or ``en``: from function words, else from word frequencies, else ``fallback``."""
    detected = detect_language(text)
    if detected in LANGUAGES:
        return detected
    plain = _HANDLE_OR_TAG.sub(" ", URL.sub(" ", text))
    words = []
    for match in language_words(plain)[:_MAX_WORDS]:
        word = match.group()
        lowered = word.lower()
        if (word[0].isupper() and lowered not in _CAPITALISED_IN_ENGLISH
                and not _starts_sentence(plain, match.start())):
            continue  # a name ("Rotterdam", "Politie Utrecht") is no evidence of either language
        if lowered not in _SHARED:
            words.append(lowered)
    most = _MIN_ODDS if len(words) <= _SHORT_DRAFT else _MAX_WORD_ODDS
    evidence = 0.0
    for word in words:
        odds = math.log(spelling.relative_frequency(word, "en")
                        / spelling.relative_frequency(word, "nl"))
        evidence += max(-most, min(most, odds))
    if evidence >= _MIN_ODDS:
        return "en"
    if evidence <= -_MIN_ODDS:
        return "nl"
    return fallback


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:\n"
