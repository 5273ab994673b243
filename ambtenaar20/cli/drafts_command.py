"""``ambtenaar20 drafts``: the drafts of Schrijven from the shell (list, show, add, edit, copy,
delete).

Everything the window does to a draft goes through ``DraftStore`` and ``DraftingService``; these
commands call the same methods, so a draft added here is one the window lists, and a draft is
checked here as the window checks it (``DraftingService.check_draft``). What the officer decides
about a draft (ignoring a finding, ticking a question, publishing) is in ``drafts_decisions``,
the reply templates in ``drafts_templates``.
Times are shown in this computer's time zone; JSON keeps them as stored, in UTC.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ambtenaar20.cli.asking import confirmed
from ambtenaar20.cli.help_examples import add_examples
from ambtenaar20.cli.output import print_json
from ambtenaar20.cli.record_numbers import record_number
from ambtenaar20.core.drafting.drafts import STATUS_LABELS, STATUSES
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _, ngettext

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener
    from ambtenaar20.core.drafting.drafts import Dismissal, Draft
    from ambtenaar20.core.drafting.model import CheckResult

#: The largest id SQLite can hold; a bigger number can name no draft.
#: The Dutch status names the window shows, accepted whatever the interface language.
DUTCH_STATUSES = {"concept": "draft", "gecontroleerd": "checked", "gepubliceerd": "published",
                  "gearchiveerd": "archived"}


# -- argument types ------------------------------------------------------------------------------
def draft_number(text: str) -> int:
    """The ``ID`` argument: the number ``drafts list`` shows in its first column."""
    return record_number(text, _("'{value}' is not the number of a draft"))


def status_value(text: str) -> str:
    """A status as stored (``draft``…), from its English or Dutch name."""
    word = text.strip().lower()
    value = DUTCH_STATUSES.get(word, word)
    if value not in STATUSES:
        raise argparse.ArgumentTypeError(
            _("'{value}' is no status; choose from draft, checked, published or archived (in "
              "Dutch: concept, gecontroleerd, gepubliceerd or gearchiveerd)").format(value=text))
    return value


def platform_key(text: str) -> str:
    """A platform as a draft keeps it (``x``), from its key, a common alias or its name."""
    from ambtenaar20.core.drafting.platforms import platform, platforms

    found = platform(text)
    if found is None:
        raise argparse.ArgumentTypeError(
            _("'{value}' is no platform; choose from {names}").format(
                value=text, names=", ".join(platforms())))
    return found.id


def add_id_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft_id", metavar="ID", type=draft_number,
                        help=_("number of the draft (the first column of 'drafts list')"))


def _platforms_help() -> str:
    from ambtenaar20.core.drafting.platforms import platforms

    return _("a platform the draft is for, whose length it is checked against (repeat for "
             "more): {names}").format(names=", ".join(platforms()))


def _status_help() -> str:
    return _("status: draft, checked, published or archived (the Dutch names concept, "
             "gecontroleerd, gepubliceerd and gearchiveerd work too)")


# -- the parsers ---------------------------------------------------------------------------------
def register(subparsers: argparse._SubParsersAction,
             parents: list[argparse.ArgumentParser]) -> None:
    drafts = subparsers.add_parser(
        "drafts", parents=parents,
        help=_("list, show, add, change, copy, delete, check off and publish drafts; "
               "keep reply templates"),
        description=_("The drafts of Schrijven: everything the window does to a draft."))
    actions = drafts.add_subparsers(dest="drafts_command", metavar=_("COMMAND"),
                                    parser_class=type(drafts))
    actions.required = True
    json_output = _("output: text (default) or json")

    listing = actions.add_parser(
        "list", parents=parents, help=_("list the drafts"),
        description=_("List the drafts, the most recently changed first, with their status, "
                      "topic, platforms, last change and first line. Times are in this "
                      "computer's time zone; with --format json they are in UTC."))
    listing.add_argument("--status", type=status_value, metavar="STATUS",
                         help=_("only drafts with this status: draft, checked, published or "
                                "archived (the Dutch names work too)"))
    listing.add_argument("--format", choices=("text", "json"), default="text", help=json_output)
    add_examples(listing, _("ambtenaar20 drafts list --status draft"))
    listing.set_defaults(handler=run_list)

    show = actions.add_parser(
        "show", parents=parents, help=_("show a draft with its findings and checklist"),
        description=_("Show a draft: its text, the findings still open (as 'check' gives "
                      "them, for the draft's platforms and topic), the ignored findings with "
                      "their reasons, and the checklist with what is ticked."))
    add_id_argument(show)
    show.add_argument("--format", choices=("text", "json"), default="text", help=json_output)
    add_examples(show, _("ambtenaar20 drafts show 3 --format json"))
    show.set_defaults(handler=run_show)

    add = actions.add_parser(
        "add", parents=parents, help=_("add a draft from a file or standard input"),
        description=_("Add a draft with the text of FILE, or of standard input when FILE is "
                      "'-' or not given. Prints the number of the new draft."))
    add.add_argument("--topic", default="", metavar=_("TOPIC"),
                     help=_("policy topic of the draft; its words count as your own"))
    add.add_argument("--platform", dest="platforms", action="append", default=[],
                     type=platform_key, metavar=_("PLATFORM"), help=_platforms_help())
    add.add_argument("--format", choices=("text", "json"), default="text",
                     help=_("output: text (default) or json (the new draft)"))
    add.add_argument("file", nargs="?", default="-", metavar=_("FILE"),
                     help=_("file with the text; '-' or nothing reads standard input"))
    add_examples(add, _("ambtenaar20 drafts add --topic Waste --platform x draft.txt"))
    add.set_defaults(handler=run_add)

    edit = actions.add_parser(
        "edit", parents=parents, help=_("change the text, topic, platforms or status of a draft"),
        description=_("Change a draft as the window does. Only what is given changes."))
    add_id_argument(edit)
    edit.add_argument("--topic", metavar=_("TOPIC"), help=_("the new topic ('' for none)"))
    chosen = edit.add_mutually_exclusive_group()
    chosen.add_argument("--platform", dest="platforms", action="append", type=platform_key,
                        metavar=_("PLATFORM"),
                        help=_platforms_help() + " " + _("(replaces the platforms it had)"))
    chosen.add_argument("--no-platforms", action="store_true",
                        help=_("the draft is for no particular platform"))
    edit.add_argument("--status", type=status_value, metavar="STATUS",
                      help=_status_help() + " " + _("(setting published does not add it to "
                                                    "the log; 'drafts publish' does)"))
    edit.add_argument("--text-file", metavar=_("FILE"),
                      help=_("replace the text with that of this file ('-' reads standard "
                             "input)"))
    edit.add_argument("--format", choices=("text", "json"), default="text",
                      help=_("output: text (default) or json (the changed draft)"))
    add_examples(edit, _("ambtenaar20 drafts edit 3 --status checked"))
    edit.set_defaults(handler=run_edit)

    delete = actions.add_parser(
        "delete", parents=parents, help=_("delete a draft"),
        description=_("Delete a draft with its ignored findings and ticks. This cannot be "
                      "undone; a log entry of its publication stays. Asks first, unless --yes "
                      "is given; without a terminal to ask on, --yes is needed."))
    add_id_argument(delete)
    delete.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    add_examples(delete, _("ambtenaar20 drafts delete 3 --yes"))
    delete.set_defaults(handler=run_delete)

    copy = actions.add_parser(
        "copy", parents=parents, help=_("make a copy of a draft, to publish it again"),
        description=_("Make a new draft with the text, topic and platforms of a draft, and "
                      "the item it replies to, as the window's 'Make a copy' does: a published "
                      "draft is published once, its copy can be published again. The copy "
                      "starts as a draft, without the ignored findings and ticks. Prints the "
                      "number of the new draft."))
    add_id_argument(copy)
    copy.add_argument("--format", choices=("text", "json"), default="text",
                      help=_("output: text (default) or json (the new draft)"))
    add_examples(copy, _("ambtenaar20 drafts copy 3"))
    copy.set_defaults(handler=run_copy)

    from ambtenaar20.cli.drafts_decisions import register_decisions
    from ambtenaar20.cli.drafts_templates import register_templates

    register_decisions(actions, parents)
    register_templates(actions, parents)


# -- the actions ---------------------------------------------------------------------------------
def run_list(args: argparse.Namespace, open_context: ContextOpener) -> int:
    drafts = open_context().drafting.drafts.list(status=args.status)
    if args.format == "json":
        print_json([draft_json(draft) for draft in drafts])
        return 0
    if not drafts:
        print(_("There are no drafts with status {status}.").format(
            status=_(STATUS_LABELS[args.status])) if args.status else _("There are no drafts."))
        return 0
    from ambtenaar20.cli.output import local_time, print_table

    rows = [[_("ID"), _("Status"), _("Topic"), _("Platforms"), _("Last change"),
             _("First line")]]
    for draft in drafts:
        rows.append([str(draft.id), _(STATUS_LABELS[draft.status]), draft.topic[:20] or "-",
                     platform_names(draft.platforms) or "-", local_time(draft.updated_at),
                     _first_line(draft)[:50] or _("(empty draft)")])
    print_table(rows)
    print(ngettext("{count} draft", "{count} drafts", len(drafts)).format(count=len(drafts)))
    return 0


def run_show(args: argparse.Namespace, open_context: ContextOpener) -> int:
    service = open_context().drafting
    draft = service.drafts.get(args.draft_id)
    dismissals = service.drafts.dismissals(draft.id)
    result = service.check_draft(draft)
    ticks = service.drafts.ticks(draft.id)
    if args.format == "json":
        print_json(shown_json(draft, result, dismissals, ticks))
    else:
        from ambtenaar20.cli.drafts_decisions import print_draft

        print_draft(draft, result, dismissals, ticks)
    return 0


def run_add(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.cli.text_input import read_text

    text = read_text(args.file)  # before the database opens: an unreadable file adds nothing
    if not text.strip():
        # The window's "New draft" starts empty because the officer types next; from a file
        # an empty draft is a mistake (a wrong file, an empty pipe).
        shown = _("standard input") if args.file == "-" else args.file
        raise UsageError(_("{file} has no text; a draft needs some text. Nothing was added.")
                         .format(file=shown))
    draft = open_context().drafting.drafts.create(text, args.topic.strip(), args.platforms)
    if args.format == "json":
        print_json(draft_json(draft))
    else:
        print(_("Added draft {id}.").format(id=draft.id))
    return 0


def run_edit(args: argparse.Namespace, open_context: ContextOpener) -> int:
    platforms = () if args.no_platforms else args.platforms
    if args.topic is None and platforms is None and args.status is None \
            and args.text_file is None:
        raise UsageError(_("give at least one thing to change: --topic, --platform, "
                           "--no-platforms, --status or --text-file"))
    text = None
    if args.text_file is not None:
        from ambtenaar20.cli.text_input import read_text

        text = read_text(args.text_file)
    store = open_context().drafting.drafts
    store.get(args.draft_id)  # an unknown number: exit 2 before anything is written
    if text is not None:
        store.save_text(args.draft_id, text)
    topic = args.topic.strip() if args.topic is not None else None
    draft = store.update(args.draft_id, topic=topic,
                         platforms=None if platforms is None else tuple(dict.fromkeys(platforms)),
                         status=args.status)
    if args.format == "json":
        print_json(draft_json(draft))
    else:
        print(_("Changed draft {id}.").format(id=draft.id))
    return 0


def run_copy(args: argparse.Namespace, open_context: ContextOpener) -> int:
    draft = open_context().drafting.drafts.copy(args.draft_id)
    if args.format == "json":
        print_json(draft_json(draft))
    else:
        print(_("Copied draft {id} to new draft {new}.").format(id=args.draft_id, new=draft.id))
    return 0


def run_delete(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.core.replies import abandoned_reply_entry, delete_draft

    context = open_context()
    draft = context.drafting.drafts.get(args.draft_id)
    if not args.yes:
        # The window's question, with the same words.
        title = _first_line(draft) or _("(empty draft)")
        if abandoned_reply_entry(context, draft) is not None:
            question = _("Delete the draft “{title}” and the log entry of this reply? The "
                         "reply was never published. The draft cannot be brought back; the "
                         "log entry is kept as deleted, with its history.").format(title=title)
        else:
            question = _("Delete the draft “{title}”? This cannot be undone.").format(
                title=title)
        if draft.published_at is not None:
            question += " " + _("Its entry in the log stays.")
        if not confirmed(question + " " + _("[y/N] "),
                         _("Deleting a draft cannot be undone; add --yes to confirm when not "
                           "asking interactively.")):
            print(_("Nothing was deleted."))
            return 0
    entry = delete_draft(context, draft.id)
    if entry is not None:
        message = _("Deleted draft {id} and log entry {entry}, the reply it started (never "
                    "published; 'log restore {entry}' brings the entry back).").format(
            id=draft.id, entry=entry.id)
    else:
        message = _("Deleted draft {id}.").format(id=draft.id)
    if draft.published_at is not None:
        message += " " + _("Its entry in the log stays.")
    print(message)
    return 0


# -- showing drafts ------------------------------------------------------------------------------
def platform_names(keys: tuple[str, ...]) -> str:
    """``X, Mastodon``: the names the window shows for the platforms a draft keeps."""
    from ambtenaar20.core.drafting.platforms import platforms

    known = platforms()
    return ", ".join(known[key].name if key in known else key for key in keys)


def _first_line(draft: Draft) -> str:
    lines = draft.text.strip().splitlines()
    return lines[0].strip() if lines else ""


def draft_json(draft: Draft) -> dict[str, Any]:
    """A draft as ``drafts list --format json`` gives it (moments as stored, in UTC)."""
    return {
        "id": draft.id, "status": draft.status, "topic": draft.topic,
        "platforms": list(draft.platforms), "language": draft.language,
        "feed_item_id": draft.feed_item_id, "created_at": draft.created_at,
        "updated_at": draft.updated_at, "published_at": draft.published_at,
        "published_url": draft.published_url, "first_line": _first_line(draft),
    }


def shown_json(draft: Draft, result: CheckResult, dismissals: list[Dismissal],
               ticks: set[str]) -> dict[str, Any]:
    """``drafts show --format json``: the draft, its text, and its check as the window has it.

    ``findings`` are the ones still open, each in the shape of ``check``'s findings;
    ``ignored_findings`` are those a dismissal covers, with its reason.
    """
    from ambtenaar20.core.drafting.drafts import DraftStore

    still_open = DraftStore.open_findings(result.findings, dismissals)
    ignored = [{**finding.as_json(),
                "reason": next(d.reason for d in dismissals if d.covers(finding))}
               for finding in result.findings if finding not in still_open]
    metrics = result.as_json()["metrics"]
    return {
        **draft_json(draft), "text": draft.text,
        "findings": [finding.as_json() for finding in still_open],
        "ignored_findings": ignored,
        "dismissals": [{"rule": d.rule, "text": d.match_text, "reason": d.reason,
                        "pack": d.pack, "created_at": d.created_at} for d in dismissals],
        "checklist": [{"id": q.id, "question": q.question, "ticked": q.id in ticks}
                      for q in result.checklist],
        "check": {"language": result.language,
                  "pack": {"id": result.pack_id, "version": result.pack_version},
                  "lengths": [{"platform": key, "count": length.count, "limit": length.limit}
                              for key, length in result.lengths.items()],
                  "metrics": metrics},
    }
