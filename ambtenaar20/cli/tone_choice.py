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

#: The Dutch words for ``items_reader.TONES`` (the tone names the window shows, and "auto").
DUTCH_TONES = {"positief": "positive", "neutraal": "neutral", "negatief": "negative",
               "automatisch": "auto"}


def tone_label(text: str) -> str:
    """``text`` as the English label ``items tone`` stores (``ArgumentTypeError`` if none)."""
    from ambtenaar20.cli.items_reader import TONES

    word = text.strip().lower()
    label = DUTCH_TONES.get(word, word)
    if label not in TONES:
        raise argparse.ArgumentTypeError(
            _("'{value}' is no tone; choose from positive, neutral, negative or auto (in "
              "Dutch: positief, neutraal, negatief or automatisch)").format(value=text))
    return label


def accept_dutch_tones(tone: argparse.ArgumentParser) -> None:
    """Let ``items tone``'s TONE argument take the Dutch words too, and say so in its help.

    The argument is declared with the English ``choices`` by ``items_reader``; the labels this
    type returns are always among them, so argparse's own check still holds.
    """
    action = next(action for action in tone._actions if action.dest == "tone")
    action.type = tone_label
    action.help = _("positive, neutral or negative; auto removes your correction (the Dutch "
                    "words positief, neutraal, negatief and automatisch work too)")
