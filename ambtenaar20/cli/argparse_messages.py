"""argparse's own messages, routed through the app's catalogue so ``--help`` speaks Dutch.

argparse looks its messages up through a module-level ``_``; pointing that at our translator is
the documented hook for translating it. The ``N_`` list below only exists so that message
extraction puts these strings into the catalogue. One message is replaced rather than translated:
argparse's "invalid int value" names a Python type (``not_a_whole_number``).
"""

from __future__ import annotations

import argparse

from ambtenaar20.core import i18n
from ambtenaar20.core.i18n import N_, _

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
)


def install() -> None:
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


def not_a_whole_number(action: argparse.Action, value: str) -> argparse.ArgumentError:
    """The error for an ``int``-typed option given something else ("--limit abc"), worded for
    the officer: argparse would say "argument --limit: invalid int value: 'abc'"."""
    name = "/".join(action.option_strings) or action.metavar or action.dest
    # No action in the error: argparse would put "argument --limit:" in front again.
    return argparse.ArgumentError(None, _("{option} must be a whole number: '{value}'").format(
        option=name, value=value))
