"""How one person's name may be written: the spellings ``core/person_names.py`` looks for.

A counterpart as typed ("Petra de Boer", "@JanJansen", "@mia@mastodon.nl", "mevrouw Li") gives
spellings in the tiers of ``core/person_names.py``. Words are compared folded (case and accents
removed, ``fold``). Besides the name as typed, its words written apart or run together, a typed
name is also written:

- with the initials of the first name ("J. de Vries", "A.M. van den Heuvel"), without its
  particles ("Zoë Berg-Jansen"), with only one half of a double surname ("Zoë van der Berg",
  "mevrouw Van der Berg", "Zoë Jansen", "mevrouw Jansen", "Petra de Boer" of "Petra Smit-de
  Boer"), and with "van der/den/de" as "vd" or "v.d." ("AnneMarieVdHeuvel");
- never by a title alone: "mevrouw" of "mevrouw Li" is no part of her name;
- by a double first name written whole ("Anne-Marie", "Anne Marie", "Jan-Willem"): one part,
  not two, so it is hidden as one name (also "Jan-Willem", whose "Jan" is too short alone);
- its first names are kept apart ("given"): "Marie" with a surname that is not hers ("Marie
  Jansen") is someone else. A handle's first word is a first name too ("Klaas" of "@klaas_v",
  "Jan-Willem" of "@jan-willem.bsky.social"), unless it is a title or an ordinary word
  ("@GemeenteUtrecht"); what the handle writes after it ("spelled": "v") is all it says of the
  surname (``core/surname_owner.py``). A lower-case handle run together ("@pietdevries") is
  read at its particles (``core/handle_split.py``): "Piet de Vries", "P. de Vries", and "Piet"
  as its first name.

A word the Dutch word list knows as an ordinary word ("groot", "boer", "gemeente") is a name
only when it is written with a capital ("ordinary"); a surname that is one ("de Groot") needs
its particle, the first name or a title elsewhere, alone ("Groot") it counts only in the
person's own records; and a one-word handle ("@gemeente") is a name as the handle, its bare word
a part (or, if it is an ordinary word, only in the person's own records).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ambtenaar20.core.analysis.links import TLDS
from ambtenaar20.core.handle_split import splits
from ambtenaar20.core.text_folding import fold as fold  # re-exported for the name matcher
from ambtenaar20.core.text_folding import fold_text as fold_text

#: What replaces an erased person's name (AVG); language-neutral, since the log is a shared
#: record. It is nobody: no counterpart to hide, no name to look for.
ERASED_MARKER = "[verwijderd]"
#: Name particles, no name on their own ("Petra de Boer": "de" is nobody); "vd" is "van der".
NAME_PARTICLES = frozenset({"de", "den", "der", "van", "het", "ten", "ter", "te", "op", "in",
                            "la", "le", "von", "dos", "da", "el", "al", "d", "t", "v", "vd"})
#: A name part of fewer letters ("Jan", "Li") names too many people to be recognised on its own.
MIN_NAME_PART = 4
#: A full name found run into other letters ("petradeboer1975", "/pdeboer") is this long.
MIN_RUN_IN = 6
#: Titles before a surname: "Mevrouw De Boer" is Petra de Boer ("de heer" is two words).
#: Also academic titles and the roles a text puts before a surname ("Wethouder Groen",
#: "collega Smit", "Dr. Groen"): an officer who listed "Eva Groen" expects those hidden too.
TITLES = frozenset({"mevrouw", "mevr", "mw", "meneer", "mnr", "dhr", "heer",
                    "dr", "drs", "ir", "ing", "mr", "prof", "mrs", "ms", "miss",
                    "wethouder", "burgemeester", "minister", "staatssecretaris", "raadslid",
                    "gedeputeerde", "commissaris", "directeur", "collega", "buurman",
                    "buurvrouw", "dokter", "huisarts", "agent", "inspecteur", "juf"})
#: A handle that starts with a double first name ("jan-willem", "anne-marie_v").
_DOUBLE_FIRST = re.compile(r"[^\W\d_]+[-\u2010\u2011][^\W\d_]+(?![^\W\d_])")
#: Between the halves of a double surname ("Berg-Jansen").
_HYPHEN = re.compile(r"[\-\u2010\u2011]")
#: Particles also written "vd" or "v.d.".
_SHORTENED = frozenset({("van", "de"), ("van", "den"), ("van", "der")})
#: Share of the Dutch word list's corpus from which a word is an ordinary word: "groot" (2.6 in
#: 10,000), "boer", "vries" (6.8 in 10 million). Words the list knows only as names ("jansen",
#: "petra") sit at its floor, 1.3 in 10 million.
ORDINARY_SHARE = 5e-7
#: Combining accents: text typed in decomposed form ("zoe" + U+0308) keeps them apart.
MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
#: A word: letters and digits, with any combining accent.
WORD = re.compile(rf"[^\W_]+(?:[{MARKS}]+[^\W_]*)*")
#: Name variants of more words are matched only written apart or wholly run together.
_MAX_GROUPED = 6
_MAX_GROUPED_VARIANT = 3


def person_key(counterpart: str) -> str:
    """One person however the counterpart was typed: "@JanJansen", " janjansen "."""
    return " ".join(fold(counterpart).split()).lstrip("@")


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return [fold(word) for word in WORD.findall(text)]


@functools.lru_cache(maxsize=65536)
def is_ordinary(word: str) -> bool:
    """Whether ``word`` (folded) is an ordinary Dutch word ("groot", "gemeente"), not a name."""
    from ambtenaar20.core.drafting.spelling import relative_frequency

    return len(word) > 1 and word.isalpha() and relative_frequency(word, "nl") >= ORDINARY_SHARE


def _camel(word: str) -> list[str]:
    """"JanJansen" -> "Jan", "Jansen": a handle's capitals often mark the name's words."""
    if word[1:] == word[1:].lower():
        return [word]  # most words: no capital inside
    pieces, start = [], 0
    for index in range(1, len(word)):
        if word[index - 1].islower() and word[index].isupper():
            pieces.append(word[start:index])
            start = index
    return [*pieces, word[start:]]


def _groupings(names: tuple[str, ...], most: int = _MAX_GROUPED) -> Iterator[tuple[str, ...]]:
    """The words with some run together: ("petra", "deboer"), ("petradeboer",) …"""
    if len(names) > most or len(names) < 3:  # also the common short names, quickly
        yield from (names, ("".join(names),)) if len(names) > 1 else (names,)
        return
    for runs in range(2 ** (len(names) - 1)):
        grouped, current = [], names[0]
        for index, name in enumerate(names[1:]):
            if runs >> index & 1:
                current += name
            else:
                grouped.append(current)
                current = name
        yield (*grouped, current)


def _flat(groups: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(name for group in groups for name in group)


def _is_part(name: str) -> bool:
    return len(name) >= MIN_NAME_PART and name not in NAME_PARTICLES and \
        name not in TITLES and not name.isdigit()


class Spellings(NamedTuple):
    """The spellings of one counterpart, by tier (see ``core/person_names.py``)."""

    written: tuple[str, ...]
    names: set[tuple[str, ...]]
    surnames: set[tuple[str, ...]]
    parts: set[tuple[str, ...]]
    own: set[str]
    handles: set[str]
    #: single words that name someone only when written with a capital ("Groot", not "groot")
    ordinary: set[str]
    #: the full name run together, also found run into other letters ("petradeboer1975")
    run_in: set[str]
    #: the first name, whole or one of its names ("Anne-Marie", "Marie"): whose it is, a
    #: surname written after it tells (``core/surname_after.py``)
    given: frozenset[tuple[str, ...]] = frozenset()
    #: of a handle, the words after its first name ("v" of "klaas_v"; none of "@mia"): what it
    #: spells of the surname
    spelled: frozenset[tuple[str, ...]] = frozenset()


def spellings(counterpart: str) -> Spellings:
    """How a text may name the counterpart ("Petra de Boer", "@JanJansen", "@mia@mastodon.nl")."""
    key = person_key(counterpart)
    typed = " ".join(counterpart.split()).lstrip("@")
    handles = {key}
    if "@" in typed:  # "@mia@mastodon.nl": "@mia" names her too
        handles.add(key.split("@", 1)[0])
        return _of_handle(typed.split("@", 1)[0], handles, fediverse=True)
    if counterpart.strip().startswith("@"):
        return _of_handle(typed, handles, fediverse=False)
    return _of_name(typed, handles)


def _of_handle(local: str, handles: set[str], fediverse: bool) -> Spellings:
    """"@JanJansen", "@klaas_v", "@gemeente", "@jan-willem.bsky.social": a handle has no surname."""
    full = tuple(words(local))
    if "." in local and local.rsplit(".", 1)[1].casefold() in TLDS:  # a domain (Bluesky)
        local = local.split(".", 1)[0]  # "jan-willem" is the name
        handles.add(fold(local))
    typed_words = WORD.findall(local)
    written = tuple(map(fold, typed_words))
    pieces = tuple(fold(piece) for word in typed_words for piece in _camel(word))
    names: set[tuple[str, ...]] = set()
    parts: set[tuple[str, ...]] = set()
    surnames: set[tuple[str, ...]] = set()
    own = {piece for piece in pieces if _is_part(piece)}
    run_in: set[str] = set()
    if len(written) > 1:
        handles.add("".join(written))
    if len(pieces) > 1:
        names.update(_groupings(pieces))
        names.update(_groupings(written))  # "janjansen" of "JanJansen"
        if min(map(len, pieces)) >= 3:  # "janjansen123", not "klaasv" of "klaasvaak"
            run_in.add("".join(pieces))
    elif pieces:  # "@gemeente", "@mia@mastodon.nl": the bare word may be anyone's, or anything
        if not is_ordinary(pieces[0]):
            parts.add(pieces)
        own.add(pieces[0])
    if len(full) > 1 and full != written:  # "jan-willem.bsky.social" without its "@"
        names.update({full, ("".join(full),)})
    given, spelled = _handle_first_names(local, pieces)
    if len(pieces) == 1 and len(pieces[0]) >= MIN_RUN_IN and not is_ordinary(pieces[0]):
        for split in splits(pieces[0]):  # "@pietdevries": "Piet de Vries", "P. de Vries"
            if split.first in NAME_PARTICLES or split.first in TITLES:
                continue  # "@opdeweg" is no "Op de Weg": "op de weg" is an ordinary phrase
            names.update(split.names)
            # As of a typed name: "De Vos" and "Mevrouw (De) Vos" are Frederique de Vos too.
            parts.add(split.words[1:])
            surnames.add((split.surname,))
            given, spelled = given | {(split.first,)}, spelled | {split.words[1:]}
            own.update(word for word in (split.first, split.surname) if _is_part(word))
    # A Fediverse handle's local part is a name, but one typed name outweighs it.
    written = () if fediverse or len(pieces) < 2 else written
    return Spellings(written, names, surnames, parts, own, handles, _ordinary(names, parts, own),
                     {joined for joined in run_in if len(joined) >= MIN_RUN_IN}, given, spelled)


def _handle_first_names(local: str, pieces: tuple[str, ...]) -> tuple[
        frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """The first names of a handle ("klaas" of "klaas_v", "jan willem" of "jan-willem") and
    what it writes after each (("v",), ()); digits say nothing of a surname ("klaas1975")."""
    candidates = [1]
    if _DOUBLE_FIRST.match(local) and len(pieces) > 1:  # "jan-willem": a double first name
        candidates.append(2)
    given, spelled = set(), set()
    for size in candidates:
        first = pieces[:size]
        if not all(name.isalpha() for name in first) or (size == 1 and (
                len(first[0]) < 2 or first[0] in TITLES or is_ordinary(first[0]))):
            continue  # "@GemeenteUtrecht", "@buurman": no first name
        given.add(first)
        spelled.add(tuple(piece for piece in pieces[size:] if piece.isalpha()))
    return frozenset(given), frozenset(spelled)


def _after_title(groups: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The name after a title typed with it ("mevrouw Li", "de heer De Boer")."""
    if groups[:2] == [("de",), ("heer",)]:
        return groups[2:]
    if groups and groups[0] in {(title,) for title in TITLES}:
        return groups[1:]
    return groups


def _of_name(typed: str, handles: set[str]) -> Spellings:
    """"Petra de Boer", "Zoë van der Berg-Jansen", "mevrouw Li"."""
    # Per word of the name as typed, its pieces: "Anne-Marie" -> ("anne", "marie").
    typed_groups = [group for group in map(WORD.findall, typed.split()) if group]
    groups = [tuple(map(fold, group)) for group in typed_groups]
    written = _flat(groups)
    pieces = tuple(fold(piece) for group in typed_groups for word in group
                   for piece in _camel(word))
    if len(written) > 1:
        handles.add("".join(written))
    names = set(_groupings(pieces)) if written else set()
    if pieces != written:  # the typed words' groupings are among the pieces' (unless too many)
        names.update(_groupings(written))
    body = _after_title(groups)
    if not body:  # "Mevrouw" alone names nobody in particular
        names, written = set(), ()
    # After a title a surname ("mevrouw Li", "mevrouw Van der Berg"), or a whole name.
    surname_only = len(body) < len(groups) and (len(body) < 2 or body[0][0] in NAME_PARTICLES)
    given, rest = ((), body) if surname_only or not body else (body[0], body[1:])
    surnames: set[tuple[str, ...]] = set()
    parts: set[tuple[str, ...]] = set()
    tail = rest
    while tail:  # "van der Berg", "der Berg", "Berg"
        surname = _flat(tail)
        if len(surname) > 1:
            parts.update(_groupings(surname))
        if tail[0][0] not in NAME_PARTICLES or len(tail[0]) > 1:
            surnames.update(_groupings(surname))
            break
        tail = tail[1:]
    core, particles = _flat(tail), _flat(rest[:len(rest) - len(tail)])
    barrel = tail[0][:1] if tail and len(tail[0]) > 1 else ()  # "Berg" of "Berg-Jansen"
    if barrel:
        surnames.add(barrel)  # "mevrouw (Van der) Berg"
        if particles:
            parts.update(_groupings(particles + barrel))  # "van der Berg"
    own: set[str] = set()
    for name in _flat(body):
        if not _is_part(name):
            continue
        if name in core and name not in given and is_ordinary(name):
            own.add(name)  # an ordinary surname alone ("Groot") is theirs only
        else:
            parts.add((name,))
    own.update(piece for piece in pieces if _is_part(piece) and piece not in written)
    if len(given) > 1 and min(map(len, given)) > 1:  # "Anne-Marie", "Jan-Willem": one part
        parts.update(_groupings(given))
    variants = _variants(given, particles, core, barrel)
    last = _last_half(typed, len(rest))
    if last:  # "Smit-de Boer": also "mevrouw (De) Boer", "de Boer", "Petra (de) Boer"
        last_core = _without_particles(last)
        surnames.update(_groupings(last_core))
        if last_core != last:
            parts.update(_groupings(last))
        if given:
            variants.update({given + last, given + last_core})
    for variant in variants:
        names.update(_groupings(variant, _MAX_GROUPED_VARIANT))
    if particles in _SHORTENED:  # grouped as the name itself: "AnneMarie vd Heuvel"
        names.update(_groupings((*given, "vd", *core)))
    run_in = {"".join(name) for name in (written, *variants) if len(name) > 1}
    first_names = frozenset({*_groupings(given), *((name,) for name in given)}) if given \
        else frozenset()
    return Spellings(written, names, surnames, parts, own, handles,
                     _ordinary(names, parts, own),
                     {joined for joined in run_in if len(joined) >= MIN_RUN_IN}, first_names)


def _last_half(typed: str, size: int) -> tuple[str, ...]:
    """The last half of a double surname, the last ``size`` words of ``typed``: "jansen" of
    "Heuvel-Jansen", "de boer" of "Smit-de Boer"; () when the surname is not double."""
    tokens = [token for token in typed.split() if WORD.search(token)]
    halves = _HYPHEN.split(" ".join(tokens[-size:])) if size else []
    if len(halves) < 2 or not WORD.search(halves[0]):
        return ()
    return tuple(words(halves[-1]))


def _without_particles(name: tuple[str, ...]) -> tuple[str, ...]:
    """"boer" of "de boer"; a name that is all particles stays."""
    start = 0
    while start < len(name) - 1 and name[start] in NAME_PARTICLES:
        start += 1
    return name[start:]


def _variants(given: tuple[str, ...], particles: tuple[str, ...], core: tuple[str, ...],
              barrel: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Other ways to write a first name and surname: "J. de Vries", "Zoë Berg-Jansen"."""
    if not given or not core:
        return set()
    initials = tuple(name[0] for name in given)
    found = {given + core}
    if barrel:
        found.add(given + barrel)
    shortened = [particles, ("vd",), ("v", "d")] if particles in _SHORTENED else [particles]
    for short in shortened:
        found.update({given + short + core, initials[:1] + short + core,
                      initials + short + core})
        if barrel:
            found.add(given + short + barrel)
    return found


def _ordinary(names: set[tuple[str, ...]], parts: set[tuple[str, ...]],
              own: set[str]) -> set[str]:
    """The single words among the spellings that are ordinary words too ("Groot", "Gemeente")."""
    single = {form[0] for forms in (names, parts) for form in forms if len(form) == 1}
    return {name for name in single | own if is_ordinary(name)}
