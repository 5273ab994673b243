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

from ambtenaar20.cli.field_names import FIELD_OPTIONS, log_field_options
from ambtenaar20.cli.help_examples import add_examples
from ambtenaar20.core import i18n
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _, ngettext
from ambtenaar20.core.logbook.clock import EARLIEST, LATEST, Period, parse_date
from ambtenaar20.core.logbook.kinds import DUTCH_NAMES, KINDS, direction_label, kind_label
from ambtenaar20.core.logbook.model import Interaction, LogFilter
from ambtenaar20.core.logbook.platforms import platform_label

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener


def kinds_help() -> str:
    """The kinds in the officer's language, and the other language's names that work too."""
    names = ", ".join(kind_label(value) for value in KINDS)
    if i18n.current_language() == "en":
        return _("kind of interaction: {names} (the Dutch names work too: {other})").format(
            names=names, other=", ".join(DUTCH_NAMES[value] for value in KINDS))
    return _("kind of interaction: {names} (the English names work too: {other})").format(
        names=names, other=", ".join(KINDS.values()))


#: The fields ``log add`` and ``log edit`` check (``validation.clean_fields``), by their key.
ENTRY_FIELDS = log_field_options("at", "platform", "kind", "direction", "topic", "counterpart",
                                 "url", "minutes", "summary", "outcome", "follow-up")


def register(subparsers: argparse._SubParsersAction,
             parents: list[argparse.ArgumentParser]) -> None:
    log_parser = subparsers.add_parser(
        "log", parents=parents,
        help=_("add, list, show, change, delete or restore entries of the log of interactions"),
        description=_("The log of your interactions: replies, posts, answered questions."))
    actions = log_parser.add_subparsers(dest="log_command", metavar=_("COMMAND"),
                                        parser_class=type(log_parser))
    actions.required = True

    add = actions.add_parser("add", parents=parents, help=_("add an entry to the log"),
                             description=_("Add an entry to the log."))
    add_entry_options(add, adding=True)
    add.add_argument("--follow-up", metavar=_("DATE"), default=None,
                     help=_("date to follow it up, YYYY-MM-DD"))
    add.add_argument("--format", choices=("text", "json"), default="text",
                     help=_("output: text (default) or json (the new entry)"))
    add_examples(add, _('ambtenaar20 log add --platform X --kind reply --topic Waste '
                        '--minutes 10 --summary "Answered a question"'))
    add.set_defaults(handler=run_add, **{FIELD_OPTIONS: ENTRY_FIELDS})

    listing = actions.add_parser("list", parents=parents, help=_("list entries of the log"),
                                 description=_("List entries of the log, oldest first. Dates "
                                               "are local days and both ends are included."))
    listing.add_argument("--from", dest="date_from", metavar=_("DATE"),
                         help=_("first day, YYYY-MM-DD (included)"))
    listing.add_argument("--to", dest="date_to", metavar=_("DATE"),
                         help=_("last day, YYYY-MM-DD (included)"))
    listing.add_argument("--topic", action="append", default=[], metavar=_("TOPIC"),
                         help=_("only this topic (repeat for more)"))
    listing.add_argument("--platform", action="append", default=[], metavar=_("PLATFORM"),
                         help=_("only this platform (repeat for more)"))
    listing.add_argument("--kind", action="append", default=[], metavar=_("KIND"),
                         help=_("only this kind"))
    listing.add_argument("--search", default="", metavar=_("TEXT"),
                         help=_("only entries containing this text"))
    listing.add_argument("--format", choices=("text", "json"), default="text",
                         help=_("output: text (default) or json (a list of entries)"))
    listing.set_defaults(handler=run_list, **{FIELD_OPTIONS: log_field_options("kind")})

    from ambtenaar20.cli.log_entries import register_actions

    register_actions(actions, parents)


def add_entry_options(parser: argparse.ArgumentParser, adding: bool) -> None:
    """The fields of an entry, as ``log add`` takes them and ``log edit`` changes them."""
    parser.add_argument("--platform", required=adding, metavar=_("PLATFORM"),
                        help=_("where it happened, e.g. X, LinkedIn, website, e-mail"))
    parser.add_argument("--kind", required=adding, metavar=_("KIND"), help=kinds_help())
    parser.add_argument("--at", metavar=_("DATE-TIME"),
                        help=_("when (default: now); without an offset it is local time, "
                               "e.g. 2026-03-02T14:30 or 2026-03-02T14:30+01:00") if adding
                        else _("when it happened; without an offset it is local time, "
                               "e.g. 2026-03-02T14:30 or 2026-03-02T14:30+01:00"))
    parser.add_argument("--direction", choices=("in", "out"), default="out" if adding else None,
                        help=_("in (to you) or out (from you); default out") if adding
                        else _("in (to you) or out (from you)"))
    text = _("TEXT")
    parser.add_argument("--topic", default="" if adding else None, metavar=_("TOPIC"),
                        help=_("policy topic"))
    parser.add_argument("--counterpart", default="" if adding else None, metavar=_("PERSON"),
                        help=_("handle or name of the other person"))
    parser.add_argument("--url", default="" if adding else None, metavar="URL",
                        help=_("link to the post or conversation"))
    parser.add_argument("--minutes", default="0" if adding else None, metavar="N",
                        help=_("minutes spent (default 0)") if adding else _("minutes spent"))
    parser.add_argument("--summary", default="" if adding else None, metavar=text,
                        help=_("what it was about"))
    parser.add_argument("--outcome", default="" if adding else None, metavar=text,
                        help=_("what came of it"))


def period_from_options(date_from: str | None, date_to: str | None) -> Period | None:
    """The period of ``--from`` and ``--to``; a wrong date names the option it was given to."""
    if not date_from and not date_to:
        return None
    start = parse_date(date_from, "--from") if date_from else EARLIEST
    end = parse_date(date_to, "--to") if date_to else LATEST
    if start > end:
        raise UsageError("--from: " + _("the start date {start} is after the end date {end} "
                                        "(--to)").format(start=start.isoformat(),
                                                         end=end.isoformat()))
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
            kind=kind_label(entry.kind), platform=platform_label(entry.platform)))
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
    from ambtenaar20.cli.output import local_time, print_table
    from ambtenaar20.core.export.cells import COLUMNS

    # The exports' column names, so the list and the report speak the same words.
    names = dict(COLUMNS)
    rows = [[_(names[field]) for field in ("id", "occurred_at", "platform", "kind", "direction",
                                           "topic", "minutes", "summary")]] if entries else []
    for entry in entries:
        follow = f"  → {entry.follow_up.isoformat()}" if entry.follow_up else ""
        rows.append([str(entry.id), local_time(entry.occurred_at),
                     platform_label(entry.platform)[:12],
                     kind_label(entry.kind)[:18], direction_label(entry.direction)[:9],
                     entry.topic[:18], str(entry.minutes), (entry.summary[:50] + follow).strip()])
    print_table(rows)
    # Grouped as the report and the window group them ("61.635 minuten"); the JSON keeps plain
    # numbers. Loaded here: it brings Qt's locale, which the other commands need not load.
    from ambtenaar20.core.number_text import whole_number_text

    total = sum(entry.minutes for entry in entries)
    print(ngettext("{count} entry, {minutes} minutes", "{count} entries, {minutes} minutes",
                   len(entries)).format(count=whole_number_text(len(entries)),
                                        minutes=whole_number_text(total)))
