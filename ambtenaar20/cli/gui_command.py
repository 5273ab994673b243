"""``ambtenaar20 gui``: opens the main window (also what a bare ``ambtenaar20`` does)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ambtenaar20.core.i18n import _

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener


def register(
    subparsers: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]
) -> None:
    parser = subparsers.add_parser("gui", parents=parents, help=_("open the window (default)"),
                                   description=_("Open the Ambtenaar 2.0 window."))
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help=_("open the window, wait until it has been drawn once, print "
               '{"ready_ms": ...} and quit'),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, open_context: ContextOpener) -> int:
    context = open_context()
    # The integrity check reads the whole file; started before Qt loads, it is done by the
    # time the window has been drawn.
    context.start_integrity_check()
    # Qt is imported only here, so every other command starts fast.
    from ambtenaar20.gui.app import run_gui

    return run_gui(context, smoke_test=getattr(args, "smoke_test", False))
