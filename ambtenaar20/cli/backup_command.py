"""``ambtenaar20 backup FILE`` and ``restore FILE`` (the whole state in one file), ``diagnose``.

A backup can be made while the window is open (SQLite's online backup copies a consistent
moment). A restore replaces the files the window works with, so it is refused while a window
holds the data folder.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ambtenaar20.cli.asking import confirmed
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener


def register(
    subparsers: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]
) -> None:
    backup = subparsers.add_parser(
        "backup", parents=parents,
        help=_("write the whole state (database, settings, packs, word lists) to one file"),
        description=_("Write a backup of the database, the settings, the installed guideline "
                      "packs and the word lists to FILE. Passwords are never included."))
    backup.add_argument("file", metavar=_("FILE"), nargs="?",
                        help=_("the backup file to write (.zip)"))
    backup.add_argument("--daily", action="store_true",
                        help=_("instead of FILE: make the automatic daily backup in the backups "
                               "folder if the newest is a day old (for a scheduled task)"))
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore", parents=parents, help=_("replace the whole state by a backup file"),
        description=_("Check the backup in FILE and put it in place of the current state. "
                      "The current state is first saved as an automatic backup in the "
                      "backups folder."))
    restore.add_argument("file", metavar=_("FILE"), help=_("the backup file to restore"))
    restore.add_argument("--yes", action="store_true",
                         help=_("do not ask for confirmation"))
    restore.set_defaults(handler=run_restore)

    diagnose = subparsers.add_parser(
        "diagnose", parents=parents, help=_("show versions, data folder and database health"),
        description=_("Show what IT support needs: versions, data folder, database size and "
                      "check, keyring, recent errors. With --save, write it to FILE without "
                      "personal data."))
    diagnose.add_argument("--save", metavar=_("FILE"),
                          help=_("write the report for IT (without personal data) to FILE"))
    diagnose.set_defaults(handler=run_diagnose)


def _size(size: int) -> str:
    """A file's size as the officer reads it: "44,0 kB", "1,2 MB" in Dutch."""
    from ambtenaar20.core.number_text import decimal_text

    if size >= 100_000:
        return f"{decimal_text(size / 1_000_000)} MB"
    return f"{decimal_text(size / 1000)} kB"


def run_backup(args: argparse.Namespace, open_context: ContextOpener) -> int:
    if args.daily == bool(args.file):
        raise UsageError(_("Give either a backup FILE or --daily."))
    if args.daily:
        made = open_context().backup.run_daily_if_due()
        if made is None:
            print(_("No daily backup needed: the newest is less than a day old (or daily "
                    "backups are switched off)."))
        else:
            print(_("Daily backup written to {path}.").format(path=made))
        return 0
    target = Path(args.file).expanduser()
    if target.is_dir():
        raise UsageError(_("{path} is a folder; give the name of the backup file to write.")
                         .format(path=target))
    result = open_context().backup.create(target)
    print(_("Backup written to {path} ({size}).").format(path=result.path,
                                                          size=_size(result.size)))
    return 0


def run_restore(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.core.backup.process_probe import gui_lock_holder

    source = Path(args.file).expanduser()
    if not source.is_file():
        raise UsageError(_("The backup file {path} does not exist.").format(path=source))
    context = open_context()
    holder = gui_lock_holder(context.paths.gui_lock)
    if holder is not None:
        raise UsageError(_("Ambtenaar 2.0 is open for this data folder (process {pid}). Close "
                           "the window first, or restore from the window (File menu).")
                         .format(pid=holder.pid))
    info = context.backup.inspect(source)
    if not args.yes:
        question = _("Restore the backup made at {created} (version {version})? All current "
                     "data is replaced; it is first saved in the backups folder. [y/N] ").format(
            created=info.created_local, version=info.app_version)
        if not confirmed(question, _("Restoring replaces all current data; add --yes to "
                                     "confirm when not asking interactively.")):
            print(_("Nothing has been restored."))
            return 0
    result = context.backup.restore(source)
    print(_("Backup restored. The previous state was saved as {path}.").format(
        path=result.previous_state))
    return 0


def run_diagnose(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.core import diagnostics

    context = open_context()
    sections = diagnostics.collect(context)
    # Exit 1, "ran and found problems", when the report shows something to fix; with --save
    # too, so a script for IT can tell (the file is written all the same).
    problem = any(section.problem for section in sections)
    if args.save:
        target = Path(args.save).expanduser()
        try:
            diagnostics.save_for_it(context, target, sections=sections)
        except OSError as error:
            from ambtenaar20.core.disk_errors import describe_os_error

            raise UsageError(describe_os_error(error, target)) from error
        print(_("Report for IT saved in {path}.").format(path=target))
        if problem:
            print(_("The report shows something to fix: see the file."), file=sys.stderr)
        return 1 if problem else 0
    print(diagnostics.render(sections))
    return 1 if problem else 0
