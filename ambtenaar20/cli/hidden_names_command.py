"""``ambtenaar20 hidden-names list|add|remove``: the saved names a pseudonymised export hides.

The same list as under "Personen pseudonimiseren" in Rapportage (the settings'
``privacy.hidden_names``, cleaned by ``core/hidden_names.py``), so a name added here is in the
window's field, and ``export --pseudonymize`` hides it too.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ambtenaar20.cli.help_examples import add_examples
from ambtenaar20.cli.output import add_format_option, print_json
from ambtenaar20.core.i18n import _, ngettext

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener


def register(subparsers: argparse._SubParsersAction,
             parents: list[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "hidden-names", parents=parents,
        help=_("list, add and remove names a pseudonymised export hides too"),
        description=_("People named in a summary or outcome who are no counterpart anywhere "
                      "in the log are not recognised by a pseudonymised export. Names in this "
                      "list are hidden too, in every spelling (\"J. de Vries\", \"De Vries\"), "
                      "by the window and by 'export --pseudonymize'."))
    commands = parser.add_subparsers(dest="hidden_names_command", metavar=_("COMMAND"),
                                     parser_class=type(parser), required=True)
    listing = commands.add_parser("list", parents=parents, help=_("list the names to hide"),
                                  description=_("List the saved names to hide, one a line."))
    add_format_option(listing)
    listing.set_defaults(handler=run_list)
    add = commands.add_parser(
        "add", parents=parents, help=_("add a name to hide"),
        description=_("Add a person's name to the list; a name already in it (case and "
                      "accents do not matter) is not added twice."))
    add.add_argument("name", metavar=_("NAME"), help=_("the person's full name"))
    add_examples(add, _("ambtenaar20 hidden-names add \"Jan de Vries\""))
    add.set_defaults(handler=run_add)
    remove = commands.add_parser(
        "remove", parents=parents, help=_("remove a name to hide"),
        description=_("Remove a name from the list; a name that is not in it gives exit 2."))
    remove.add_argument("name", metavar=_("NAME"),
                        help=_("the name as 'hidden-names list' shows it (case and accents "
                               "do not matter)"))
    remove.set_defaults(handler=run_remove)


def run_list(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.core.hidden_names import clean_names

    names = clean_names(open_context().settings.privacy.hidden_names)
    if args.format == "json":
        print_json(list(names))
        return 0
    for name in names:
        print(name)
    print(ngettext("{count} name to hide", "{count} names to hide", len(names)).format(
        count=len(names)))
    return 0


def run_add(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.core.hidden_names import add_hidden_name

    context = open_context()
    if not add_hidden_name(context.settings.privacy, args.name):
        print(_("{name} is already in the list; nothing changed.").format(
            name=" ".join(args.name.split())))
        return 0
    context.save_settings()
    print(_("Added {name} to the names to hide.").format(name=" ".join(args.name.split())))
    return 0


def run_remove(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.core.hidden_names import remove_hidden_name

    context = open_context()
    removed = remove_hidden_name(context.settings.privacy, args.name)  # not in it: exit 2
    context.save_settings()
    print(_("Removed {name} from the names to hide.").format(name=removed))
    return 0
