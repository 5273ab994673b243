"""``ambtenaar20 gui``: opens the main window (also what a bare ``ambtenaar20`` does)."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from ambtenaar20.core.errors import UsageError
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
    from ambtenaar20.gui.screen_check import missing_screen

    # Checked first: without a screen nothing is opened, created or locked. Exit status 2.
    reason = missing_screen(os.environ)
    if reason is not None:
        raise UsageError(reason)
    context = open_context()
    smoke_test = getattr(args, "smoke_test", False)
    # The integrity check (reads the whole file) and the first screen's queries are begun
    # before Qt loads, so both are done about when the window has been built. The check only
    # reads; the opening waits until this process holds the data folder's window lock.
    context.start_integrity_check()
    from ambtenaar20.gui.opening import Opening

    opening = Opening(context, allowed=False)
    from ambtenaar20.core.errors import Ambtenaar20Error
    from ambtenaar20.gui.instance_lock import acquire_instance_lock

    try:
        lock = acquire_instance_lock(context.paths.gui_lock)
    except Ambtenaar20Error as error:  # another window has the folder, or it is read-only
        opening.abandon()
        from ambtenaar20.gui.app import refuse_to_start

        return refuse_to_start(error, smoke_test)
    opening.allow()
    # The rest of Qt is imported only here, so every other command starts fast.
    from ambtenaar20.gui.app import run_gui

    return run_gui(context, smoke_test=smoke_test, opening=opening, lock=lock)
