"""Where a text writes an account, an address or a link: the patterns names are sought around.

A handle ("@mia@mastodon.nl"), a Fediverse handle without its first "@" (it looks like an e-mail
address) and a link are not words of a name: ``core/person_names.py`` reads names in the words
between them, and an erasure and a pseudonymised export (``core/privacy.py``,
``core/export/pseudonymize.py``) replace them whole. Kept apart from the matcher so these
patterns, which only say *where* such a thing is written, are one place to read and test, and
the matcher stays about *whose* name it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ambtenaar20.core.analysis.links import TLDS
from ambtenaar20.core.name_spellings import MARKS

_CHAR = rf"[\w{MARKS}]"
#: "@klaas_v", "@mia@mastodon.nl", "@jan-willem.bsky.social"; also after "/" or ":"
#: ("mastodon.nl/@mia", "cc:@mia") and run into a word ("RT@mia"), but not the "@" of an e-mail
#: address ("info@mia.nl", "petra.deboer@ziggo.nl", "[verwijderd]@ziggo.nl").
HANDLE = re.compile(
    rf"(?:(?<![\w{MARKS}@.+\-\]])|(?<=[\w{MARKS}.+\-\]])(?=@{_CHAR}+(?:-{_CHAR}+)*"
    rf"(?![\w{MARKS}\-]|\.\w)))@({_CHAR}(?:[\w{MARKS}.\-]*{_CHAR})?)(@[\w-]+(?:\.[\w-]+)+)?")
#: A Fediverse handle written without its first "@" looks like an e-mail address.
ADDRESS = re.compile(rf"(?<![\w{MARKS}.+@-])[\w{MARKS}.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINK_END = r"[^\s<>\"'.,;:!?)\]]"
#: A link in running text: with a scheme or "www.", "mailto:", a bare domain with an ending of
#: ``core/analysis/links.py`` ("mastodon.nl/@mia", "x.com"), any host with a path ("t.me/mia");
#: not the start of an e-mail address ("jan.de" of "jan.de.vries@ziggo.nl").
LINK = re.compile(
    r"(?<![\w@./-])(?:mailto:[^\s<>\"']+"
    rf"|(?:https?://|www\.)[^\s<>\"']*{_LINK_END}"
    rf"|[\w-]+(?:\.[\w-]+)*\.(?:(?:{'|'.join(sorted(TLDS))})(?![\w-])"
    rf"(?:/[^\s<>\"']*{_LINK_END})?|[\w-]+/[^\s<>\"']*{_LINK_END})(?![.@]\w))",
    re.IGNORECASE)


def outside_links(text: str, replace: Callable[[str], str]) -> str:
    """``text`` with ``replace`` applied to the stretches between its links, which stay as they
    are: a link left in the text names nobody, so names are sought around it."""
    pieces: list[str] = []
    position = 0
    for link in LINK.finditer(text):
        pieces += [replace(text[position:link.start()]), link.group(0)]
        position = link.end()
    pieces.append(replace(text[position:]))
    return "".join(pieces)


def link_url(link: str) -> str:
    """A ``LINK`` found in text as a URL: "mastodon.nl/@mia" -> "https://mastodon.nl/@mia"."""
    if "://" in link or link.casefold().startswith("mailto:"):
        return link
    return "https://" + link
