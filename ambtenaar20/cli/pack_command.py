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
    actions = parser.add_subparsers(dest="pack_action", metavar=_("ACTION"), required=True,
                                    parser_class=type(parser))
    actions.add_parser("list", parents=parents, help=_("list built-in and installed packs"))
    show = actions.add_parser("show", parents=parents, help=_("show a pack and its rules"))
    show.add_argument("pack_id", nargs="?", metavar="ID",
                      help=_("pack id (default: the active Dutch pack)"))
    validate = actions.add_parser("validate", parents=parents,
                                  help=_("check a pack file and report every error"))
    validate.add_argument("file", type=Path, metavar="FILE")
    install = actions.add_parser("install", parents=parents,
                                 help=_("validate a pack file and install it"))
    install.add_argument("file", type=Path, metavar="FILE")
    remove = actions.add_parser("remove", parents=parents, help=_("remove an installed pack"))
    remove.add_argument("pack_id", metavar="ID")
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
    try:
        pack = library.load_file(args.file) if action == "validate" else library.install(
            args.file)
    except PackError as error:
        _report(args.file, error)
        return 2
    if action == "validate":
        print(_("{file}: valid pack {id} {version} ({n} rules)").format(
            file=args.file, id=pack.id, version=pack.version, n=len(pack.rules)))
    else:
        print(_("Installed pack {id} {version}; it is now active for language {lang}.").format(
            id=pack.id, version=pack.version, lang=pack.language))
    return 0


def _report(path: Path, error: PackError) -> None:
    for problem in error.problems:
        print(f"{path}:{problem.line}:{problem.column}: {problem.message}")
    print(_("{file}: {n} error(s); the pack was not installed or used.").format(
        file=path, n=len(error.problems)), file=sys.stderr)


def _show(pack: Pack) -> None:
    print(f"{pack.name} ({pack.id} {pack.version}, {pack.language})")
    if pack.organisation:
        print(_("Organisation: {name}").format(name=pack.organisation))
    if pack.extends:
        print(_("Extends: {id}").format(id=pack.extends))
    for rule in pack.rules:
        state = "" if rule.enabled else " " + _("(off)")
        severity = "manual" if rule.kind == "manual" else rule.severity
        print(f"  {rule.id:<26} {rule.kind:<13} {severity:<8}{state}  {rule.message}")
