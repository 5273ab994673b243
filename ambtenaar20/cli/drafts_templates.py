"""``drafts templates list|add|remove``: the reply templates of Schrijven from the shell.

The window saves the text of a draft as a template of the officer's own; these commands do the
same through the same ``DraftStore`` methods, so a template added here is in the window's
templates menu, refused for the same reasons (no name or text, a name the menu already has).
The built-in templates come with the app and cannot be removed.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ambtenaar20.cli.asking import confirmed
from ambtenaar20.cli.help_examples import add_examples
from ambtenaar20.cli.output import print_json
from ambtenaar20.cli.record_numbers import record_number
from ambtenaar20.core.drafting.templates import LANGUAGES
from ambtenaar20.core.i18n import _, ngettext

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener
    from ambtenaar20.core.drafting.templates import Template


def template_id(text: str) -> str:
    """The ``ID`` of ``templates remove``: a built-in one's name ("correction", refused later
    with its own message) or the number of an own template."""
    from ambtenaar20.core.drafting.templates import is_builtin_id

    if is_builtin_id(text.strip()):
        return text.strip()
    return str(record_number(text, _("'{value}' is not the number of an own template")))


def register_templates(actions: argparse._SubParsersAction,
                       parents: list[argparse.ArgumentParser]) -> None:
    templates = actions.add_parser(
        "templates", parents=parents, help=_("list, add and remove reply templates"),
        description=_("The reply templates of Schrijven: the built-in ones and your own."))
    commands = templates.add_subparsers(dest="templates_command", metavar=_("COMMAND"),
                                        parser_class=type(templates))
    commands.required = True

    listing = commands.add_parser(
        "list", parents=parents, help=_("list the templates"),
        description=_("List the built-in templates and your own, with their ID (a name such "
                      "as 'reply-question' for a built-in one, a number for your own), "
                      "language and name; with --format json with their text too."))
    listing.add_argument("--language", choices=LANGUAGES,
                         help=_("only templates in this language"))
    listing.add_argument("--format", choices=("text", "json"), default="text",
                         help=_("output: text (default) or json"))
    add_examples(listing, _("ambtenaar20 drafts templates list --language nl"))
    listing.set_defaults(handler=run_list)

    add = commands.add_parser(
        "add", parents=parents, help=_("add a template of your own from a file or standard "
                                       "input"),
        description=_("Add a template of your own named NAME with the text of FILE, or of "
                      "standard input when FILE is '-' or not given. Mark what is to be "
                      "filled in with square brackets, like [date]: 'check' reports such a "
                      "placeholder left in a draft. Prints the number of the new template."))
    # An option, not a second positional: argparse cannot put "NAME --language nl FILE"
    # together again (it takes NAME and the optional FILE in one go).
    add.add_argument("--name", required=True, metavar=_("NAME"),
                     help=_("the name the templates menu shows; one no other template has"))
    add.add_argument("--language", choices=LANGUAGES, required=True,
                     help=_("language of the template: nl or en"))
    add.add_argument("--format", choices=("text", "json"), default="text",
                     help=_("output: text (default) or json (the new template)"))
    add.add_argument("file", nargs="?", default="-", metavar=_("FILE"),
                     help=_("file with the text; '-' or nothing reads standard input"))
    add_examples(add, _("ambtenaar20 drafts templates add --name Thanks --language en "
                       "thanks.txt"))
    add.set_defaults(handler=run_add)

    remove = commands.add_parser(
        "remove", parents=parents, help=_("remove a template of your own"),
        description=_("Remove a template of your own; the built-in ones cannot be removed. "
                      "Drafts written with it keep their text. Asks first, unless --yes is "
                      "given; without a terminal to ask on, --yes is needed."))
    remove.add_argument("template_id", metavar="ID", type=template_id,
                        help=_("ID of your own template: its number in the first column of "
                               "'drafts templates list'"))
    remove.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    add_examples(remove, _("ambtenaar20 drafts templates remove 1 --yes"))
    remove.set_defaults(handler=run_remove)


def template_json(template: Template) -> dict[str, Any]:
    return {"id": template.id, "name": template.name, "language": template.language,
            "builtin": template.builtin, "text": template.text}


def run_list(args: argparse.Namespace, open_context: ContextOpener) -> int:
    found = open_context().drafting.drafts.templates(args.language)
    if args.format == "json":
        print_json([template_json(template) for template in found])
        return 0
    from ambtenaar20.cli.output import print_table

    # Not "ID" alone: in Dutch that column reads "Nr.", and built-in IDs are names.
    rows = [[_("Template ID"), _("Language"), _("Kind"), _("Name")]]
    rows += [[t.id, t.language, _("built-in") if t.builtin else _("own"), t.name]
             for t in found]
    print_table(rows)
    print(ngettext("{count} template", "{count} templates", len(found)).format(
        count=len(found)))
    return 0


def run_add(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.cli.text_input import read_text

    text = read_text(args.file)  # before the database opens: an unreadable file adds nothing
    template = open_context().drafting.drafts.add_template(args.name, text, args.language)
    if args.format == "json":
        print_json(template_json(template))
    else:
        print(_("Added template {id}.").format(id=template.id))
    return 0


def run_remove(args: argparse.Namespace, open_context: ContextOpener) -> int:
    store = open_context().drafting.drafts
    template = store.own_template(args.template_id)  # built-in or unknown: exit 2 here
    if not args.yes and not confirmed(
            _("Remove the template “{name}”? This cannot be undone.").format(
                name=template.name) + " " + _("[y/N] "),
            _("Removing a template cannot be undone; add --yes to confirm when not asking "
              "interactively.")):
        print(_("Nothing was removed."))
        return 0
    store.remove_template(template.id)
    print(_("Removed template {id}.").format(id=template.id))
    return 0
