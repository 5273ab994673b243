"""The word ``items tone`` takes: the English label scripts use, or the Dutch word an officer
types.

The store keeps ``positive``, ``neutral`` and ``negative``, and ``auto`` removes a correction;
those were the only words accepted, so an officer with a Dutch interface who typed what the
window shows ("positief") was refused. Both languages' words are accepted whatever the
interface language, and each is turned into the stored label before anything else sees it.
"""

from __future__ import annotations

import argparse

from ambtenaar20.core.i18n import _

#: What ``items tone`` accepts: a label, or ``auto`` to remove the correction.
TONES = ("positive", "neutral", "negative", "auto")

#: The Dutch words for ``TONES`` (the tone names the window shows, and "auto").
DUTCH_TONES = {"positief": "positive", "neutraal": "neutral", "negatief": "negative",
               "automatisch": "auto"}


def tone_label(text: str) -> str:
    """``text`` as the English label ``items tone`` stores (``ArgumentTypeError`` if none)."""
    word = text.strip().lower()
    label = DUTCH_TONES.get(word, word)
    if label not in TONES:
        raise argparse.ArgumentTypeError(
            _("'{value}' is no tone; choose from positive, neutral, negative or auto (in "
              "Dutch: positief, neutraal, negatief or automatisch)").format(value=text))
    return label
