"""How the Volgen area shares its width out among the tree, the item list and the reader.

Apart from the widgets so that the rule can be read (and tested) as arithmetic. At 1400 pixels
and more it is what the panes always started with: the tree 15 %, the reader 32 %, the list the
rest. Short of room (a 1024-pixel screen, a 14 pt font), the list is served first: the reader
had kept a third (and a 383-pixel minimum) while the titles were cut to "…". Shorter still,
the reader puts its buttons' labels on two lines to leave the list its least.

The tree's feed names come after the list's titles: the tree takes them (to a cap) from what
the list has beyond ``listing``, with the reader beside the list or under it. What it
leaves the list counts the feed column as wide as any name makes it, so that a longer feed name
never narrows the tree (it did: the list's feed column grew and the tree gave way to it).
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
    #: The tree with the feeds' names too, each up to a cap (0: only ``tree``).
    named_tree: int = 0
    #: How much wider the list's feed column gets with longer names, to its cap: left to the
    #: list by the tree whatever the names are now.
    feed_growth: int = 0


def shares(width: int, needs: Needs) -> list[int]:
    """The widths of the tree, the list and the reader, adding up to ``width``.

    The tree gets 15 %, more (up to a quarter) when its rows need it unless the list would then
    have less than its least; the reader a third, less (down to its minimum) when the list
    would otherwise have less than ``listing``, and less again (down to ``wrapped_reader``)
    when it would have less than its least; the tree then more for its feeds' names (up to a
    quarter) as far as the list keeps ``listing``; the list the rest.
    """
    least_tree, most_tree = width * 15 // 100, width // 4
    growth = needs.feed_growth
    tree = min(max(least_tree, needs.tree), most_tree)
    tree = max(least_tree,
               min(tree, width - needs.least_listing - growth - needs.least_reader))
    reader = max(needs.least_reader, min(width * 32 // 100, width - tree - needs.listing))
    named = min(needs.named_tree, most_tree)
    tree = max(tree, min(named, width - reader - needs.listing - growth))
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


def below_shares(width: int, needs: Needs) -> list[int]:
    """The widths of the tree and the list with the reader under the list, adding up to
    ``width``: the tree its rows and its feeds' names (``named_tree``), up to a quarter, as far
    as the list keeps ``listing``; never less than 15 %. The titles come first: at 1024 x 768
    with 14 pt, serving only the list's least gave the tree its names but left each title
    twelve characters ("Wonen zond…"), and the titles are what the officer reads."""
    tree = min(max(needs.tree, needs.named_tree), width // 4,
               width - needs.listing - needs.feed_growth)
    tree = max(width * 15 // 100, tree)
    return [tree, width - tree]
