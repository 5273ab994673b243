"""``ambtenaar20 pack``: list, show, validate, install and remove guideline packs.

``validate`` and ``install`` report every error with line and column and exit 2; ``install``
copies a pack into the data folder only after it validated, so a working pack is never
replaced by a broken one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ambtenaar20 import APP_SLUG
from ambtenaar20.cli.pack_files import readable_pack
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener
    from ambtenaar20.core.drafting.packs import Pack, PackError


def register(
    subparsers: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]
) -> None:
    parser = subparsers.add_parser("pack", parents=parents, help=_("manage guideline packs"),
                                   description=_("List, show, validate, install and remove "
                                                 "guideline packs."))
    actions = parser.add_subparsers(dest="pack_action", metavar=_("COMMAND"), required=True,
                                    parser_class=type(parser))
    actions.add_parser("list", parents=parents, help=_("list built-in and installed packs"),
                       description=_("List the built-in and installed guideline packs: id, "
                                     "version, language, name, and which pack is active for "
                                     "each language."))
    show = actions.add_parser("show", parents=parents, help=_("show a pack and its rules"),
                              description=_("Show a guideline pack and its rules: id, kind, "
                                            "severity and the message a draft gets."))
    show.add_argument("pack_id", nargs="?", metavar="ID",
                      help=_("pack id (default: the active Dutch pack)"))
    file_help = _("the pack file (.toml)")
    validate = actions.add_parser(
        "validate", parents=parents, help=_("check a pack file and report every error"),
        description=_("Check a guideline pack file and report every error with its line and "
                      "column (exit 2 when there is one). Nothing is installed."))
    validate.add_argument("file", type=Path, metavar=_("FILE"), help=file_help)
    install = actions.add_parser(
        "install", parents=parents, help=_("validate a pack file and install it"),
        description=_("Validate a guideline pack file and copy it into the data folder; it "
                      "becomes the active pack for its language. A pack with errors is not "
                      "installed, so a working pack is never replaced by a broken one."))
    install.add_argument("file", type=Path, metavar=_("FILE"), help=file_help)
    remove = actions.add_parser(
        "remove", parents=parents, help=_("remove an installed pack"),
        description=_("Remove an installed guideline pack; the built-in pack for its language "
                      "is active again. Built-in packs cannot be removed."))
    remove.add_argument("pack_id", metavar="ID", help=_("id of the installed pack, as 'pack "
                                                        "list' shows it"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.core.drafting.packs import PackError

    library = open_context().drafting.library
    action = args.pack_action
    if action == "list":
        for entry in library.entries():
            kind = _("built-in") if entry.builtin else _("installed")
            active = " " + _("(active)") if entry.active else ""
            print(f"{entry.pack.id}\t{entry.pack.version}\t{entry.pack.language}\t"
                  f"{entry.pack.name}\t{kind}{active}")
        return 0
    if action == "show":
        pack = library.lookup(args.pack_id) if args.pack_id else library.active("nl")
        if pack is None:
            raise UsageError(_("No pack with id '{id}'.").format(id=args.pack_id))
        _show(pack)
        return 0
    if action == "remove":
        library.remove(args.pack_id)
        print(_("Removed pack {id}.").format(id=args.pack_id))
        return 0
    readable_pack(args.file)
    try:
        pack = library.load_file(args.file) if action == "validate" else library.install(
            args.file)
    except PackError as error:
        _report(args.file, error, action)
        return 2
    if action == "validate":
        print(_("{file}: valid pack {id} {version} ({n} rules)").format(
            file=args.file, id=pack.id, version=pack.version, n=len(pack.rules)))
    else:
        print(_("Installed pack {id} {version}; it is now active for language {lang}.").format(
            id=pack.id, version=pack.version, lang=pack.language))
    return 0


def _report(path: Path, error: PackError, action: str) -> None:
    from ambtenaar20.cli.pack_verdicts import not_installed, not_valid, problem_lines

    # Like a compiler: every error on standard output, the verdict as the one error line.
    for line in problem_lines(path, error):
        print(line)
    verdict = not_valid if action == "validate" else not_installed
    print(f"{APP_SLUG}: " + verdict(path, error), file=sys.stderr)


def _show(pack: Pack) -> None:
    from ambtenaar20.cli.pack_messages import PLACES_NOTE, readable_message

    print(f"{pack.name} ({pack.id} {pack.version}, {pack.language})")
    if pack.organisation:
        print(_("Organisation: {name}").format(name=pack.organisation))
    if pack.extends:
        print(_("Extends: {id}").format(id=pack.extends))
    with_places = False
    for rule in pack.rules:
        state = "" if rule.enabled else " " + _("(off)")
        severity = "manual" if rule.kind == "manual" else rule.severity
        message = readable_message(rule.message)
        with_places = with_places or message != rule.message
        print(f"  {rule.id:<26} {rule.kind:<13} {severity:<8}{state}  {message}")
    if with_places:
        print(_(PLACES_NOTE))
