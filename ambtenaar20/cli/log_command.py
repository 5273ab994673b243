"""``ambtenaar20 log add`` and ``ambtenaar20 log list``: the interaction log from the shell.

Options and JSON fields are a fixed contract (scripts and checks rely on them); see
``docs/logbook.md``. Bad values exit 2 with a message that names the field; nothing is written.
The actions on one entry (``show``, ``edit``, ``delete``, ``restore``) are in ``log_entries``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from ambtenaar20.core.i18n import _, ngettext
from ambtenaar20.core.logbook.clock import EARLIEST, LATEST, Period, parse_date
from ambtenaar20.core.logbook.kinds import DUTCH_NAMES, KINDS, direction_label, kind_label
from ambtenaar20.core.logbook.model import Interaction, LogFilter

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener


def kinds_help() -> str:
    pairs = ", ".join(f"'{DUTCH_NAMES[value]}' ({value})" for value in KINDS)
    return _("kind of interaction: {pairs}; English names (reply, post, question answered, "
             "correction, referred, private message, other) work too").format(pairs=pairs)


def register(subparsers: argparse._SubParsersAction,
             parents: list[argparse.ArgumentParser]) -> None:
    log_parser = subparsers.add_parser(
        "log", parents=parents,
        help=_("add, list, show, change, delete or restore entries of the log of interactions"),
        description=_("The log of your interactions: replies, posts, answered questions."))
    actions = log_parser.add_subparsers(dest="log_command", metavar=_("ACTION"),
                                        parser_class=type(log_parser))
    actions.required = True

    add = actions.add_parser("add", parents=parents, help=_("add an entry to the log"),
                             description=_("Add an entry to the log."))
    add.add_argument("--platform", required=True, help=_("where it happened, e.g. X, "
                                                         "LinkedIn, website, e-mail"))
    add.add_argument("--kind", required=True, help=kinds_help())
    add.add_argument("--at", metavar="ISO-DATETIME",
                     help=_("when (default: now); without an offset it is local time, "
                            "e.g. 2026-03-02T14:30 or 2026-03-02T14:30+01:00"))
    add.add_argument("--direction", choices=("in", "out"), default="out",
                     help=_("in (to you) or out (from you); default out"))
    add.add_argument("--topic", default="", help=_("policy topic"))
    add.add_argument("--counterpart", default="", help=_("handle or name of the other person"))
    add.add_argument("--url", default="", help=_("link to the post or conversation"))
    add.add_argument("--minutes", default="0", metavar="N", help=_("minutes spent (default 0)"))
    add.add_argument("--summary", default="", help=_("what it was about"))
    add.add_argument("--outcome", default="", help=_("what came of it"))
    add.add_argument("--follow-up", metavar="DATE", default=None,
                     help=_("date to follow it up, YYYY-MM-DD"))
    add.add_argument("--format", choices=("text", "json"), default="text",
                     help=_("output: text (default) or json (the new entry)"))
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", parents=parents, help=_("list entries of the log"),
                                 description=_("List entries of the log, oldest first. Dates "
                                               "are local days and both ends are included."))
    listing.add_argument("--from", dest="date_from", metavar="DATE",
                         help=_("first day, YYYY-MM-DD (included)"))
    listing.add_argument("--to", dest="date_to", metavar="DATE",
                         help=_("last day, YYYY-MM-DD (included)"))
    listing.add_argument("--topic", action="append", default=[],
                         help=_("only this topic (repeat for more)"))
    listing.add_argument("--platform", action="append", default=[],
                         help=_("only this platform (repeat for more)"))
    listing.add_argument("--kind", action="append", default=[], help=_("only this kind"))
    listing.add_argument("--search", default="", help=_("only entries containing this text"))
    listing.add_argument("--format", choices=("text", "json"), default="text",
                         help=_("output: text (default) or json (a list of entries)"))
    listing.set_defaults(handler=run_list)

    from ambtenaar20.cli.log_entries import register_actions

    register_actions(actions, parents)


def period_from_options(date_from: str | None, date_to: str | None) -> Period | None:
    if not date_from and not date_to:
        return None
    start = parse_date(date_from, "from") if date_from else EARLIEST
    end = parse_date(date_to, "to") if date_to else LATEST
    return Period(start, end)


def run_add(args: argparse.Namespace, open_context: ContextOpener) -> int:
    fields = {
        "platform": args.platform, "kind": args.kind, "direction": args.direction,
        "topic": args.topic, "counterpart": args.counterpart, "url": args.url,
        "minutes": args.minutes, "summary": args.summary, "outcome": args.outcome,
        "follow_up": args.follow_up,
    }
    if args.at is not None:
        fields["occurred_at"] = args.at
    # Validate before the database is opened, so bad input never creates or touches it.
    from ambtenaar20.core.logbook.validation import clean_fields

    clean_fields(fields)
    entry = open_context().logbook.add(**fields)
    if args.format == "json":
        print(json.dumps(entry.to_json(), ensure_ascii=False, indent=2))
    else:
        print(_("Added log entry {id}: {when}, {kind} on {platform}").format(
            id=entry.id, when=entry.occurred_at.strftime("%Y-%m-%d %H:%M"),
            kind=kind_label(entry.kind), platform=entry.platform))
    return 0


def run_list(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.core.logbook.kinds import parse_kind

    period = period_from_options(args.date_from, args.date_to)
    kinds = tuple(parse_kind(kind) for kind in args.kind)
    service = open_context().logbook
    entries = service.list(LogFilter(period=period, topics=tuple(args.topic),
                                     platforms=tuple(args.platform), kinds=kinds,
                                     search=args.search))
    if args.format == "json":
        json.dump([entry.to_json() for entry in entries], sys.stdout, ensure_ascii=False,
                  indent=2)
        sys.stdout.write("\n")
    else:
        _print_table(entries)
    return 0


def _print_table(entries: list[Interaction]) -> None:
    for entry in entries:
        follow = f"  → {entry.follow_up.isoformat()}" if entry.follow_up else ""
        # This computer's time, like the window: the stored offset may be another zone's.
        when = entry.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{entry.id:>6}  {when}  "
              f"{entry.platform[:12]:<12}  {kind_label(entry.kind)[:18]:<18}  "
              f"{direction_label(entry.direction)[:9]:<9}  {entry.topic[:18]:<18}  "
              f"{entry.minutes:>4} min  "
              f"{entry.summary[:50]}{follow}")
    total = sum(entry.minutes for entry in entries)
    print(ngettext("{count} entry, {minutes} minutes", "{count} entries, {minutes} minutes",
                   len(entries)).format(count=len(entries), minutes=total))
