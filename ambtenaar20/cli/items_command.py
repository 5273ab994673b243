"""``ambtenaar20 items list|search|show|mark|tone``: the fetched items, as text or JSON.

``list`` and ``search`` print newest first; ``show``, ``mark`` and ``tone`` (what the window's
reader does) live in ``items_reader``, ``tone``'s Dutch words in ``tone_choice``. Text shows
this computer's time, as ``log list`` does; JSON keeps ``published`` in UTC (ISO 8601), the
contract scripts rely on.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ambtenaar20.cli import items_reader
from ambtenaar20.cli.output import add_format_option, local_time, print_json, print_table
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener

JSON_FIELDS = ("id", "feed", "title", "link", "published", "topics", "lang", "polarity",
               "subjectivity", "sentiment", "read", "starred", "needs_response", "html", "text")


def register(subparsers: argparse._SubParsersAction,
             parents: list[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "items", parents=parents, help=_("list, search, show and mark items"),
        description=_("List, search and show the fetched items; mark them and correct their "
                      "tone."))
    commands = parser.add_subparsers(dest="items_command", metavar=_("COMMAND"),
                                     parser_class=type(parser), required=True)
    listing = commands.add_parser(
        "list", parents=parents, help=_("list items, newest first"),
        description=_("List items, newest first. Times are in this computer's time zone; "
                      "with --format json they are in UTC."))
    listing.add_argument("--topic", metavar=_("TOPIC"), help=_("only items of this topic"))
    listing.add_argument("--unread", action="store_true", help=_("only unread items"))
    listing.add_argument("--starred", action="store_true", help=_("only starred items"))
    _limit_option(listing)
    add_format_option(listing)
    listing.set_defaults(handler=run_list)
    search = commands.add_parser(
        "search", parents=parents, help=_("search all items"),
        description=_('Query syntax: all words must occur; OR between terms; -term or NOT '
                      'term excludes; "exact phrase"; prefix*; parentheses group.'))
    search.add_argument("query", metavar=_("QUERY"),
                        help=_("what to search for, e.g. waste OR bin"))
    _limit_option(search)
    add_format_option(search)
    search.set_defaults(handler=run_search)
    items_reader.register(commands, parents)


def _limit_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--limit", type=int, default=200, metavar="N",
                        help=_("at most N items (default 200; 0 for all)"))


#: SQLite's LIMIT takes a signed 64-bit number; any larger --limit means "all" just as 0 does.
SQLITE_MAX_LIMIT = 2**63 - 1


def _check_limit(limit: int) -> int:
    if limit < 0:
        raise UsageError(_("--limit must be 0 or more."))
    return 0 if limit > SQLITE_MAX_LIMIT else limit


def run_list(args: argparse.Namespace, open_context: ContextOpener) -> int:
    items = printable_items(open_context).list_items(topic=args.topic, unread=args.unread,
                                                     starred=args.starred,
                                                     limit=_check_limit(args.limit))
    _print(items, args.format)
    return 0


def run_search(args: argparse.Namespace, open_context: ContextOpener) -> int:
    items = printable_items(open_context).list_items(query=args.query,
                                                     limit=_check_limit(args.limit))
    _print(items, args.format)
    return 0


def printable_items(open_context: ContextOpener) -> Any:
    """The ``ItemService``, with tones of older rules noted to be scored again, so the items
    printed are (``analyse_pending``) and the window scores the rest in the background (they
    keep their previous tone until then): a quick update, not a pass over every item inline."""
    from ambtenaar20.core.feeds.tone_rules_upgrade import mark_outdated

    items = open_context().items
    mark_outdated(items.db)
    return items


def _print(items: list[dict[str, Any]], output: str) -> None:
    if output == "json":
        print_json([{name: item[name] for name in JSON_FIELDS} | {"feed_url": item["feed_url"]}
                    for item in items])
        return
    if not items:
        print(_("No items."))
        return
    from ambtenaar20.core.analysis.sentiment import sentiment_name

    # "*" marks unread as mail programs do; the other marks are the window's list column's.
    rows = [[_("ID"), _("Published"), _("Unread"), _("Tone"), _("Flags"), _("Feed"),
             _("Title")]]
    rows += [[str(item["id"]), local_time(item["published"]), " " if item["read"] else "*",
              sentiment_name(item["sentiment"]), _flags(item), item["feed"][:30],
              item["title"][:80]] for item in items]
    print_table(rows)


def _flags(item: dict[str, Any]) -> str:
    marks = [_("starred")] if item["starred"] else []
    if item["needs_response"]:
        marks.append(_("reply"))  # the word the window's list shows for "needs a response"
    return ", ".join(marks)  # "met ster, reactie": Dutch "starred" is two words

