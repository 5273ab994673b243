"""``ambtenaar20 topics add|list|remove``: topics are saved queries over all items."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ambtenaar20.cli.output import add_format_option, print_json, print_table
from ambtenaar20.core.i18n import _, ngettext

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener


def register(subparsers: argparse._SubParsersAction,
             parents: list[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("topics", parents=parents, help=_("manage topics"),
                                   description=_("A topic is a name plus a saved search query."))
    commands = parser.add_subparsers(dest="topics_command", metavar=_("COMMAND"),
                                     parser_class=type(parser), required=True)
    add = commands.add_parser(
        "add", parents=parents, help=_("add a topic"),
        description=_('Query syntax: all words must occur; OR between terms; -term or NOT '
                      'term excludes; "exact phrase"; prefix*; parentheses group. Case and '
                      'accents do not matter.'))
    add.add_argument("name", metavar=_("NAME"), help=_("the topic's name"))
    add.add_argument("--query", required=True, metavar=_("QUERY"), help=_("the search query"))
    add.add_argument("--notify", action="store_true",
                     help=_("show a desktop notification when new items match"))
    add.set_defaults(handler=run_add)
    listing = commands.add_parser("list", parents=parents, help=_("list the topics"),
                                  description=_("List the topics with their query and how many "
                                                "items (unread and in all) match."))
    add_format_option(listing)
    listing.set_defaults(handler=run_list)
    remove = commands.add_parser("remove", parents=parents, help=_("remove a topic"),
                                 description=_("Remove a topic. Its items stay: they belong to "
                                               "their feeds."))
    remove.add_argument("name", metavar=_("NAME"), help=_("the topic's name, as 'topics list' "
                                                          "shows it"))
    remove.set_defaults(handler=run_remove)


def run_add(args: argparse.Namespace, open_context: ContextOpener) -> int:
    topic = open_context().topics.add_topic(args.name, args.query, args.notify)
    print(ngettext("Topic '{name}' added; {count} item matches.",
                   "Topic '{name}' added; {count} items match.",
                   topic["items"]).format(name=topic["name"], count=topic["items"]))
    return 0


def run_list(args: argparse.Namespace, open_context: ContextOpener) -> int:
    topics = open_context().topics.list_topics()
    if args.format == "json":
        print_json([{"id": t["id"], "name": t["name"], "query": t["query"],
                     "notify": t["notify"], "items": t["items"], "unread": t["unread"]}
                    for t in topics])
        return 0
    if not topics:
        print(_("No topics yet. Add one with 'ambtenaar20 topics add {name} --query "
                "{query}'.").format(name=_("NAME"), query=_("QUERY")))
        return 0
    rows = [[_("Name"), _("Unread"), _("Items"), _("Query")]]
    rows += [[t["name"], str(t["unread"]), str(t["items"]), t["query"]] for t in topics]
    print_table(rows)
    return 0


def run_remove(args: argparse.Namespace, open_context: ContextOpener) -> int:
    removed = open_context().topics.remove_topic(args.name)
    print(_("Topic '{name}' removed.").format(name=removed))
    return 0
