"""``log show``, ``log edit``, ``log delete`` and ``log restore``: one entry of the log.

The window's Logboek reads, changes, deletes and brings back an entry through
``LogbookService.get``/``history``/``edit``/``delete``/``restore``; these actions call the same
methods, so an edit from the shell lands in the history exactly as one in the window, with the
same checks (``validation.clean_fields``, as ``log add``). Deleting only marks an entry: the log
is a record, so the entry stays in the database with its history and ``restore`` brings it back.
Times are shown in this computer's time zone, as ``log list`` shows them.
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ambtenaar20 import APP_SLUG
from ambtenaar20.cli.field_names import FIELD_OPTIONS
from ambtenaar20.cli.output import print_json
from ambtenaar20.cli.record_numbers import record_number
from ambtenaar20.core.i18n import N_, _

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener
    from ambtenaar20.core.logbook.model import HistoryLine, Interaction

#: The largest id SQLite can hold; a bigger number can name no entry.
#: How a history line names its action, in the window's words (``gui/logbook/detail_pane``).
ACTIONS = {"created": N_("created"), "edited": N_("changed"), "deleted": N_("deleted"),
           "restored": N_("restored")}
#: ``log edit`` option -> field of the entry.
EDIT_OPTIONS = (
    ("at", "occurred_at"), ("platform", "platform"), ("kind", "kind"),
    ("direction", "direction"), ("topic", "topic"), ("counterpart", "counterpart"),
    ("url", "url"), ("minutes", "minutes"), ("summary", "summary"), ("outcome", "outcome"),
)


def entry_number(text: str) -> int:
    """The ``ID`` argument: the number ``log list`` shows in its first column."""
    return record_number(text, _("'{value}' is not the number of a log entry"))


def register_actions(actions: argparse._SubParsersAction,
                     parents: list[argparse.ArgumentParser]) -> None:
    from ambtenaar20.cli.log_command import ENTRY_FIELDS, add_entry_options

    id_help = _("number of the entry (the first column of 'log list')")
    show = actions.add_parser("show", parents=parents,
                              help=_("show one entry with all its fields and its history"),
                              description=_("Show one entry of the log with all its fields "
                                            "and its history (who changed what, and when)."))
    show.add_argument("entry_id", metavar="ID", type=entry_number, help=id_help)
    show.add_argument("--format", choices=("text", "json"), default="text",
                      help=_("output: text (default) or json (the entry with its history)"))
    show.set_defaults(handler=run_show)

    edit = actions.add_parser(
        "edit", parents=parents, help=_("change fields of an entry"),
        description=_("Change fields of an entry. Only the fields given change; the old and "
                      "new values are kept in the entry's history, as in the window."))
    edit.add_argument("entry_id", metavar="ID", type=entry_number, help=id_help)
    add_entry_options(edit, adding=False)
    follow_up = edit.add_mutually_exclusive_group()
    follow_up.add_argument("--follow-up", metavar=_("DATE"),
                           help=_("date to follow it up, YYYY-MM-DD"))
    follow_up.add_argument("--no-follow-up", action="store_true",
                           help=_("remove the follow-up date"))
    edit.add_argument("--format", choices=("text", "json"), default="text",
                      help=_("output: text (default) or json (the changed entry)"))
    edit.set_defaults(handler=run_edit, **{FIELD_OPTIONS: ENTRY_FIELDS})

    delete = actions.add_parser(
        "delete", parents=parents, help=_("delete an entry (it is kept for the record)"),
        description=_("Delete an entry, as the window does: it no longer appears in lists and "
                      "exports, but stays in the database with its history, for the record. "
                      "'log restore' brings it back."))
    delete.add_argument("entry_id", metavar="ID", type=entry_number, help=id_help)
    delete.set_defaults(handler=run_delete)

    restore = actions.add_parser(
        "restore", parents=parents, help=_("bring back a deleted entry"),
        description=_("Bring back a deleted entry, as undo in the window does."))
    restore.add_argument("entry_id", metavar="ID", type=entry_number, help=id_help)
    restore.set_defaults(handler=run_restore)


# -- the actions ---------------------------------------------------------------------------------
def run_show(args: argparse.Namespace, open_context: ContextOpener) -> int:
    service = open_context().logbook
    entry = service.get(args.entry_id)
    history = service.history(entry.id)
    if args.format == "json":
        print_json(entry_json(entry, history))
    else:
        for line in entry_lines(entry):
            print(line)
        print(_("History:"))
        for line in history:
            print("  " + describe(line))
    return 0


def run_edit(args: argparse.Namespace, open_context: ContextOpener) -> int:
    changes = edit_changes(args)
    # As ``log add``: check the values before the database is opened, with the same rules the
    # service applies again (``edit`` cleans what it is given).
    from ambtenaar20.core.logbook.validation import clean_fields

    clean_fields(changes)
    service = open_context().logbook
    before = len(service.history(args.entry_id))
    entry = service.edit(args.entry_id, **changes)
    history = service.history(entry.id)
    if args.format == "json":
        print_json(entry.to_json())
    elif len(history) > before:
        print(_("Changed log entry {id}: {changes}").format(
            id=entry.id, changes=describe_changes(history[-1])))
    else:
        print(_("Log entry {id} is unchanged: it already has these values.").format(
            id=entry.id))
    return 0


def run_delete(args: argparse.Namespace, open_context: ContextOpener) -> int:
    service = open_context().logbook
    was_deleted = service.get(args.entry_id).deleted
    entry = service.delete(args.entry_id)
    restore = f"{APP_SLUG} log restore {entry.id}"
    if was_deleted:
        print(_("Log entry {id} was already deleted (on {when}); nothing changed. Bring it "
                "back with: {command}").format(id=entry.id, when=_local(entry.deleted_at),
                                               command=restore))
    else:
        print(_("Deleted log entry {id}. It is kept for the record, with its history, but no "
                "longer appears in lists and exports. Bring it back with: {command}").format(
                    id=entry.id, command=restore))
    return 0


def run_restore(args: argparse.Namespace, open_context: ContextOpener) -> int:
    service = open_context().logbook
    was_deleted = service.get(args.entry_id).deleted
    entry = service.restore(args.entry_id)
    if was_deleted:
        print(_("Restored log entry {id}: {when}, {kind} on {platform}").format(
            id=entry.id, when=_local(entry.occurred_at), kind=_kind(entry.kind),
            platform=_shown("platform", entry.platform)))
    else:
        print(_("Log entry {id} is not deleted; nothing changed.").format(id=entry.id))
    return 0


def edit_changes(args: argparse.Namespace) -> dict[str, Any]:
    """The fields ``log edit`` was given, by the service's names; bad usage when there are none."""
    from ambtenaar20.core.errors import UsageError

    changes = {field: getattr(args, option) for option, field in EDIT_OPTIONS
               if getattr(args, option) is not None}
    if args.no_follow_up:
        changes["follow_up"] = None
    elif args.follow_up is not None:
        changes["follow_up"] = args.follow_up
    if not changes:
        raise UsageError(_("give at least one field to change, e.g. --summary {text} or "
                           "--no-follow-up").format(text=_("TEXT")))
    return changes


# -- showing an entry ----------------------------------------------------------------------------
def entry_json(entry: Interaction, history: list[HistoryLine]) -> dict[str, Any]:
    """The entry as ``log list --format json`` gives it, with its deletion and its history."""
    return {
        **entry.to_json(),
        "deleted_at": entry.deleted_at,
        "history": [{"changed_at": line.changed_at, "changed_by": line.changed_by,
                     "action": line.action, "old_values": line.old_values,
                     "new_values": line.new_values} for line in history],
    }


def entry_lines(entry: Interaction) -> list[str]:
    """The entry's fields, one per line, under the headers of the exports."""
    from ambtenaar20.core.export.cells import COLUMNS

    rows = [(_(header), _shown(name, getattr(entry, name)))
            for name, header in COLUMNS if name not in ("id", "draft_id", "item_id")]
    if entry.draft_id is not None:
        rows.append((_("Draft"), str(entry.draft_id)))
    if entry.item_id is not None:
        rows.append((_("Feed item"), str(entry.item_id)))
    width = max(len(label) for label, _value in rows)
    lines = [_("Log entry {id}").format(id=entry.id)]
    if entry.deleted:
        lines.append(_("Deleted on {when}; kept for the record. Bring it back with: "
                       "{command}").format(when=_local(entry.deleted_at),
                                           command=f"{APP_SLUG} log restore {entry.id}"))
    for label, value in rows:
        first, *more = value.splitlines() or [""]
        lines.append(f"  {label:<{width}}  {first}")
        lines += [f"  {'':<{width}}  {line}" for line in more]
    return lines


def describe(line: HistoryLine) -> str:
    """One history line: when (local time), who, what; for a change, the old and new values."""
    action = _(ACTIONS.get(line.action, line.action))
    text = f"{_local(line.changed_at)}  {line.changed_by}  {action}"
    if line.action == "edited":
        text += ": " + describe_changes(line)
    return text


def describe_changes(line: HistoryLine) -> str:
    """``Summary: old → new; Minutes: 0 → 5`` for an edit's history line."""
    from ambtenaar20.core.export.cells import COLUMNS

    headers = dict(COLUMNS)
    return "; ".join(
        f"{_(headers[name]) if name in headers else name}: "
        f"{_one_line(_shown(name, line.old_values.get(name)))} → {_one_line(_shown(name, value))}"
        for name, value in line.new_values.items())


def _shown(name: str, value: Any) -> str:
    """A stored value as the officer reads it: labels for codes, local times, '–' for nothing."""
    if value is None or value == "":
        return "–"
    if name == "kind":
        return _kind(str(value))
    if name == "direction":
        from ambtenaar20.core.logbook.kinds import direction_label

        return direction_label(str(value))
    if name == "occurred_at":
        return _local(value)
    if name == "platform" and isinstance(value, str):
        # Stored "Telefoon" reads "Phone" in English, as in the window; JSON keeps the value.
        from ambtenaar20.core.logbook.platforms import platform_label

        return platform_label(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _kind(value: str) -> str:
    from ambtenaar20.core.logbook.kinds import kind_label

    return kind_label(value)


def _local(moment: datetime | str | None) -> str:
    """A stored moment (UTC or with an offset) on this computer's clock, as ``log list``."""
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        except ValueError:
            return moment
    if moment is None:
        return "–"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # the history's stamps are UTC
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _one_line(text: str) -> str:
    return " ↵ ".join(text.splitlines()) or text


