"""``ambtenaar20 feeds add|list|remove|rename|import|export``: managing the followed feeds."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ambtenaar20.cli.help_examples import add_examples
from ambtenaar20.cli.output import add_format_option, local_time, print_json, print_table
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.feeds.addresses import assumed_https
from ambtenaar20.core.i18n import _, ngettext

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener


def register(subparsers: argparse._SubParsersAction,
             parents: list[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("feeds", parents=parents, help=_("manage the followed feeds"),
                                   description=_("Add, list, remove, import and export feeds."))
    commands = parser.add_subparsers(dest="feeds_command", metavar=_("COMMAND"),
                                     parser_class=type(parser), required=True)

    add = commands.add_parser("add", parents=parents, help=_("follow a feed"),
                              description=_("Follow a feed by its http(s) address. For a web "
                                            "page, the feed it announces is followed."))
    add.add_argument("url", metavar="URL",
                     help=_("address of the feed, or of a web page that announces one"))
    add.add_argument("--title", metavar=_("TITLE"), help=_("your own name for the feed"))
    add.add_argument("--user", metavar=_("USER"),
                     help=_("user name for a feed behind a login (Basic auth)"))
    add.add_argument("--password-stdin", action="store_true",
                     help=_("read the password from standard input; it is kept in the "
                            "system keyring only"))
    add_examples(add, _("ambtenaar20 feeds add https://example.org/news.rss --title News"))
    add.set_defaults(handler=run_add)

    listing = commands.add_parser("list", parents=parents, help=_("list the followed feeds"),
                                  description=_("List the followed feeds with their number, "
                                                "items and the result of the last refresh. "
                                                "Times are in this computer's time zone; with "
                                                "--format json they are in UTC."))
    add_format_option(listing)
    listing.set_defaults(handler=run_list)

    feed_help = _("the feed's address, or its number as 'feeds list' shows it")
    remove = commands.add_parser("remove", parents=parents,
                                 help=_("stop following a feed and delete its items"),
                                 description=_("Stop following a feed and delete its items. "
                                               "Asks first, unless --yes is given."))
    remove.add_argument("feed", metavar="URL|ID", help=feed_help)
    remove.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    remove.set_defaults(handler=run_remove)

    rename = commands.add_parser(
        "rename", parents=parents, help=_("give a feed another name"),
        description=_("Give a feed your own name. An empty name ('') gives it back the feed's "
                      "own title at the next refresh."))
    rename.add_argument("feed", metavar="URL|ID", help=feed_help)
    rename.add_argument("title", metavar=_("TITLE"), help=_("the new name"))
    rename.set_defaults(handler=run_rename)

    opml = _("FILE") + ".opml"
    importing = commands.add_parser(
        "import", parents=parents, help=_("follow the feeds of an OPML file"),
        description=_("Follow every feed in an OPML file, as other feed readers export it; "
                      "its folders become categories. Feeds already followed are skipped."))
    importing.add_argument("file", metavar=opml, type=Path,
                           help=_("the OPML file to read"))
    add_format_option(importing)
    importing.set_defaults(handler=run_import)

    export = commands.add_parser(
        "export", parents=parents, help=_("write the followed feeds to an OPML file"),
        description=_("Write the followed feeds to an OPML file that other feed readers can "
                      "import. User names and passwords are never written."))
    export.add_argument("file", metavar=opml, type=Path, help=_("the OPML file to write"))
    export.set_defaults(handler=run_export)


def run_add(args: argparse.Namespace, open_context: ContextOpener) -> int:
    password = None
    if args.password_stdin:
        if not args.user:
            raise UsageError(_("--password-stdin needs --user."))
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UsageError(_("No password was given on standard input."))
    elif args.user:
        raise UsageError(_("--user needs --password-stdin (the password is read from "
                           "standard input)."))
    service = open_context().feeds
    url = service.validate_url(args.url)
    if service.is_followed(url):  # said before the address is fetched
        raise UsageError(_("The feed {url} is already being followed.").format(url=url))
    # Refuses (exit 2, nothing stored) what the server says can never be a feed: the address
    # given, or the one feed the web page at that address announces. Without a scheme, also
    # when its http form is followed; the https form may turn out to be http.
    user = args.user
    found = service.discover(args.url, user, password)
    if assumed_https(args.url):
        print(found.scheme_note(args.url.strip(), url), file=sys.stderr)
        url = found.taken_as_http or url
    if found.kind == "page":
        if len(found.feeds) > 1:
            # Added one by one with `feeds add`, each is checked as an address given directly.
            choices = "; ".join(f"{link} ({title})" if title else link
                                for link, title in found.feeds)
            raise UsageError(_("{url} is a web page with several feeds; add one of them: "
                               "{choices}").format(url=url, choices=choices))
        url = found.feeds[0][0]
        print(_("The web page announces the feed {url}; following that.").format(url=url),
              file=sys.stderr)
    if found.without_login:
        # The login was given for the page's address: it is neither sent to nor stored for a
        # feed elsewhere.
        print(found.login_note(url), file=sys.stderr)
        user, password = None, None
    if not found.checked:
        # Offline, or a problem that may pass: followed all the same, and the reason said.
        print(found.unchecked_note(url), file=sys.stderr)
    feed = service.add_feed(url, args.title, user, password)
    print(_("Following {url} (number {id}).").format(url=feed["url"], id=feed["id"]))
    return 0


def run_list(args: argparse.Namespace, open_context: ContextOpener) -> int:
    feeds = open_context().feeds.list_feeds()
    if args.format == "json":
        print_json([{
            "id": feed["id"], "url": feed["url"], "title": feed["title"],
            "category": feed["category"], "user": feed["username"],
            "status": feed["last_status"], "error": feed["last_error"],
            "last_checked": feed["last_checked"], "last_success": feed["last_success"],
            "items": feed["item_count"], "unread": feed["unread"], "gone": bool(feed["gone"]),
        } for feed in feeds])
        return 0
    if not feeds:
        print(_("No feeds yet. Add one with 'ambtenaar20 feeds add URL' or import an OPML "
                "file."))
        return 0
    from ambtenaar20.core.feeds.status_names import status_name

    rows = [[_("ID"), _("Title"), _("Items"), _("Status"), _("Last success"), _("Address")]]
    for feed in feeds:
        rows.append([str(feed["id"]), feed["title"] or "-", str(feed["item_count"]),
                     status_name(feed["last_status"]), local_time(feed["last_success"]),
                     feed["url"]])
    print_table(rows)
    for feed in feeds:
        if feed["last_error"]:
            print(_("{id}: {error}").format(id=feed["id"], error=feed["last_error"]))
    return 0


def run_remove(args: argparse.Namespace, open_context: ContextOpener) -> int:
    service = open_context().feeds
    feed = service.find_feed(args.feed)
    if not args.yes and sys.stdin.isatty():
        try:
            answer = input(_("Stop following {url} and delete its items? [y/N] ").format(
                url=feed["url"]))
        except EOFError:  # Ctrl-D: no answer is no
            print()
            answer = ""
        if answer.strip().lower() not in ("y", "yes", "j", "ja"):
            print(_("Nothing was removed."))
            return 0
    service.remove_feed(str(feed["id"]))
    print(_("No longer following {url}; its items were deleted.").format(url=feed["url"]))
    return 0


def run_rename(args: argparse.Namespace, open_context: ContextOpener) -> int:
    feed = open_context().feeds.rename_feed(args.feed, args.title)
    if feed["title"]:
        print(_("Feed {id} is now called '{title}'.").format(id=feed["id"], title=feed["title"]))
    else:
        # An empty title is no mistake: the feed's own title comes back at the next refresh.
        print(_("Feed {id} has no title of its own now; the next refresh uses the feed's "
                "title.").format(id=feed["id"]))
    return 0


def run_import(args: argparse.Namespace, open_context: ContextOpener) -> int:
    report = open_context().feeds.import_opml(args.file)
    if args.format == "json":
        # The contract's lists of addresses: an entry without one is in none of them.
        print_json(report)
        return 0
    from ambtenaar20.core.feeds.opml import read_opml_file
    from ambtenaar20.core.feeds.opml_summary import skipped_line

    # Read again for the skipped entries' titles, and those without an address at all.
    read = read_opml_file(args.file)
    added = len(report["added"])
    print(ngettext("{added} feed added, {existing} already followed, {invalid} skipped (not a "
                   "valid http or https address).",
                   "{added} feeds added, {existing} already followed, {invalid} skipped (not a "
                   "valid http or https address).", added).format(
        added=added, existing=len(report["existing"]),
        invalid=len(report["invalid"]) + len(read.without_address)))
    skipped = skipped_line(report, read.feeds, read.without_address)
    if skipped:
        print(skipped)
    if report["with_password"]:
        print(_("{count} skipped because the address holds a user name or password: add those "
                "with 'feeds add' and --user.").format(count=len(report["with_password"])))
    return 0


def run_export(args: argparse.Namespace, open_context: ContextOpener) -> int:
    context = open_context()
    context.paths.refuse_as_output(args.file)
    count = context.feeds.export_opml(args.file)
    print(ngettext("{count} feed written to {path}.", "{count} feeds written to {path}.",
                   count).format(count=count, path=args.file))
    return 0
