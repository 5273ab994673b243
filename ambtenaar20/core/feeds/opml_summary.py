"""What an OPML import did, in the officer's words: how many feeds were added, already followed
and skipped, and which were skipped.

``FeedService.import_opml`` reports addresses (its JSON is a CLI contract); the window names a
skipped entry by its title in the file as well, which only the file has, so the entries read
from it are passed in beside the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ambtenaar20.core.feeds.opml import OpmlFeed
from ambtenaar20.core.i18n import _, ngettext

#: Skipped entries named one by one; past that "and N more".
NAMED = 3


def import_counts(report: Mapping[str, Sequence[str]], without_address: Sequence[str] = ()) -> str:
    """"1 feed added, 2 already followed, 1 skipped (not a valid http or https address)."."""
    added, existing = len(report["added"]), len(report["existing"])
    invalid = len(report["invalid"]) + len(without_address)
    parts = [ngettext("{n} feed added", "{n} feeds added", added).format(n=added),
             ngettext("{n} already followed", "{n} already followed", existing).format(
                 n=existing)]
    if invalid:
        parts.append(ngettext("{n} skipped (not a valid http or https address)",
                              "{n} skipped (not a valid http or https address)",
                              invalid).format(n=invalid))
    return ", ".join(parts) + "."


def describe_import(report: Mapping[str, Sequence[str]],
                    entries: Iterable[OpmlFeed] = (), without_address: Sequence[str] = ()) -> str:
    """The whole summary: the counts, then the skipped entries by title and address (the
    first ``NAMED``), then those with a login in their address, which are to be added by hand.
    ``entries``: the file's outlines, for the titles (an address without one is named alone);
    ``without_address``: titles of the entries marked as a feed without an address."""
    if not without_address and \
            not any(report[key] for key in ("added", "existing", "invalid", "with_password")):
        return _("The file holds no feeds.")
    lines = [import_counts(report, without_address)]
    skipped = skipped_line(report, entries, without_address)
    if skipped:
        lines.append(skipped)
    with_password = report["with_password"]
    if with_password:
        lines.append(ngettext(
            "{n} skipped because the address holds a user name or password: add it with "
            "Add feed and its login fields.",
            "{n} skipped because the address holds a user name or password: add those with "
            "Add feed and its login fields.", len(with_password)).format(n=len(with_password)))
    return "\n".join(lines)


def skipped_line(report: Mapping[str, Sequence[str]], entries: Iterable[OpmlFeed] = (),
                 without_address: Sequence[str] = ()) -> str | None:
    """"Skipped: Ftp (ftp://…), Zonder adres (no address)." (the first ``NAMED``), or None."""
    if not report["invalid"] and not without_address:
        return None
    titles: dict[str, str] = {}
    for entry in entries:
        titles.setdefault(entry.url, entry.title)
    named = [f"{titles[address]} ({address})" if titles.get(address) else address
             for address in report["invalid"]]
    no_address = _("no address")
    # An entry with neither title nor address has nothing of its own to be named by.
    named += [f"{title} ({no_address})" if title else _("untitled entry (no address)")
              for title in without_address]
    return _("Skipped: {entries}").format(entries=_named(named))


def _named(named: Sequence[str]) -> str:
    text = ", ".join(named[:NAMED])
    rest = len(named) - NAMED
    if rest > 0:
        text += " " + ngettext("and {n} more", "and {n} more", rest).format(n=rest)
    return text + "."
