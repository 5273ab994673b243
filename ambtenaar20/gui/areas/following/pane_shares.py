"""How the Volgen area shares its width out among the tree, the item list and the reader.

Apart from the widgets so that the rule can be read (and tested) as arithmetic. At 1400 pixels
and more it is what the panes always started with: the tree 15 %, the reader 32 %, the list the
rest. Short of room (a 1024-pixel screen, a 14 pt font), the list is served first: the reader
had kept a third (and a 383-pixel minimum) while the titles were cut to "…". Shorter still,
the reader puts its buttons' labels on two lines to leave the list its least.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Needs:
    """What each pane needs, in pixels, measured in the current font."""

    #: The tree's own rows and the topics, unread counts included.
    tree: int
    #: The reader's minimum with every button's label on one line: its widest button.
    least_reader: int
    #: The list's columns with some of each title (``TITLE_CHARACTERS`` in the area).
    listing: int
    #: The same with the least of each title that is still of use.
    least_listing: int
    #: The reader's minimum with the labels on two lines (None: as ``least_reader``).
    wrapped_reader: int | None = None


def shares(width: int, needs: Needs) -> list[int]:
    """The widths of the tree, the list and the reader, adding up to ``width``.

    The tree gets 15 %, more (up to a quarter) when its rows need it unless the list would then
    have less than its least; the reader a third, less (down to its minimum) when the list
    would otherwise have less than ``listing``, and less again (down to ``wrapped_reader``)
    when it would have less than its least; the list the rest.
    """
    tree = min(max(width * 15 // 100, needs.tree), width // 4)
    tree = max(width * 15 // 100, min(tree, width - needs.least_listing - needs.least_reader))
    reader = max(needs.least_reader, min(width * 32 // 100, width - tree - needs.listing))
    if needs.wrapped_reader is not None and width - tree - reader < needs.least_listing:
        reader = max(needs.wrapped_reader, min(reader, width - tree - needs.least_listing))
    return [tree, width - tree - reader, reader]


def first_shares(width: int, needs: Needs, compact_listing: int,
                 least_compact_listing: int) -> tuple[list[int], bool]:
    """``shares`` for the item list with its full columns, or with its compact ones (the
    ``listing`` and ``least_listing`` given) when the full ones would have less than their
    least; and whether the list is then compact (it is, narrower than that least)."""
    sizes = shares(width, needs)
    if sizes[1] < needs.least_listing:
        sizes = shares(width, replace(needs, listing=compact_listing,
                                      least_listing=least_compact_listing))
    return sizes, sizes[1] < needs.least_listing
