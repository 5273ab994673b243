"""Text compared without case and accents: "Ömer" and "OMER", "financiële" and "financiele".

Names of people, topics and search words are compared folded. Apart from ``name_spellings``
(which also loads the link patterns and the ``regex`` module, ~13 ms) so that looking up a topic
by its name on the first screen costs only ``unicodedata``.
"""

from __future__ import annotations

import functools
import unicodedata


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-folded text: "Ömer" and "OMER" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


@functools.cache
def _combining() -> dict[int, None]:
    return {code: None for code in range(0x110000) if unicodedata.combining(chr(code))}


def fold_text(text: str) -> str:
    """``fold`` of a long text, uncached; it holds ``fold`` of each of its words."""
    return unicodedata.normalize("NFKD", text).translate(_combining()).casefold()
