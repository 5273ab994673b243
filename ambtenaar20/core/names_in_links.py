"""Whether a link names a known person: the link half of ``PersonNames`` (``core/person_names.py``).

An erasure empties, and a pseudonymised export drops, a link that leads to a person: a handle
in its path, a name among its words, a full name run into other letters. Kept apart from the
matcher of running text so each module stays readable; ``PersonNames`` inherits it.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import unquote

from ambtenaar20.core.account_links import link_pieces
from ambtenaar20.core.mention_patterns import ADDRESS
from ambtenaar20.core.name_spellings import MIN_RUN_IN, fold, words


class LinkNames:
    """Link look-ups over the tables a ``PersonNames`` builds."""

    handles: dict[str, int]
    _anywhere: set[str]
    _servers: dict[str, set[str]]
    _ordinary: set[str]

    def form(self, name: Sequence[str], parts: bool = True,
             own: int | None = None) -> int | None:
        raise NotImplementedError

    def match(self, folded: Sequence[str], start: int, joined: Sequence[bool] | None = None,
              parts: bool = True, own: int | None = None) -> tuple[int, int] | None:
        raise NotImplementedError

    def in_link(self, url: str, parts: bool = True, own: int | None = None) -> bool:
        """Whether a link names someone: a segment, query value or fragment that is a handle
        or a name however short ("?user=li", "/wijk/li"), or a name of three letters or more
        among its words ("/klachten/petra-de-boer"), and one of ``MIN_RUN_IN`` letters or more
        run into other letters ("/pdeboer", "janjansen123"). "mia" of "@mia@mastodon.nl" is a
        handle there only as that account on its server ("mastodon.nl/@mia/1")."""
        folded = fold(unquote(url))
        host, pieces = link_pieces(folded)
        for piece in pieces:
            handle = piece.account or piece.text.lstrip("@~")
            # "/@gemeente" is the handle, "/gemeente/" a page about the municipality.
            if self._handle_in_link(handle, host, piece.account) and (
                    handle != piece.text or handle not in self._ordinary):
                return True
            if self._link_form(words(piece.text), parts, own):
                return True
        if any(found.group(0) in self.handles for found in ADDRESS.finditer(folded)):
            return True  # a whole handle anywhere in it ("/share/mia@mastodon.nl,x")
        return self._in_words(words(folded), parts, own)

    def _handle_in_link(self, handle: str, host: str, account: str) -> bool:
        """Whether a piece of a link on ``host`` is a handle; the "mia" of "@mia@mastodon.nl"
        only as that account on its own server (``core/account_links.py``)."""
        if handle not in self.handles:
            return False
        return handle in self._anywhere or handle not in self._servers or (
            bool(account) and host in self._servers[handle])

    def _link_form(self, name: Sequence[str], parts: bool, own: int | None) -> bool:
        """Whether words of a link name someone; an ordinary word ("groot") never alone."""
        if len(name) == 1 and name[0] in self._ordinary:
            return False
        return self.form(name, parts, own) is not None

    def _in_words(self, folded: Sequence[str], parts: bool, own: int | None) -> bool:
        for index, word in enumerate(folded):
            hit = self.match(folded, index, None, parts, own)
            if hit is not None and hit[0] == 1 and word in self._ordinary:
                hit = None  # "/onderwerpen/groot-onderhoud" is no "Groot"
            # "li" is in too many links by chance ("urn:li:activity").
            if hit is not None and sum(map(len, folded[index:index + hit[0]])) >= 3:
                return True
            # Run into other letters only from six: "anna" ends "savanna", and an erasure that
            # empties another entry's link to it loses part of the record.
            for size in range(MIN_RUN_IN, len(word)):
                if self._link_form((word[:size],), parts, own) or \
                        self._link_form((word[-size:],), parts, own):
                    return True
        return False
