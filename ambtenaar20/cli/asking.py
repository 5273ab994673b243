"""Asking before a command does what cannot be undone, the same way in every command.

Restoring a backup, erasing a person and deleting a draft each ask "[y/N]" on a terminal and
need ``--yes`` without one (a script, a pipe), so nothing is destroyed by an answer nobody gave.
Dutch and English answers both count; Ctrl-D is no answer, so no.
"""

from __future__ import annotations

import sys

from ambtenaar20.core.errors import UsageError

YES = ("y", "yes", "j", "ja")


def confirmed(question: str, without_terminal: str) -> bool:
    """Whether the officer answered yes to ``question`` (which ends in "[y/N] ").

    Without a terminal to ask on, ``without_terminal`` is the usage error to stop with.
    """
    if not sys.stdin.isatty():
        raise UsageError(without_terminal)
    try:
        answer = input(question)
    except EOFError:
        print()
        answer = ""
    return answer.strip().lower() in YES
