"""What became of a pack with errors, said by the command that found them.

``pack validate`` only reads a pack, ``pack install`` would have installed it and ``check
--pack`` would have checked drafts with it. One closing line for all three ("the pack was not
installed or used") told an officer who only validated that something had been refused; each
command now says what it did not do, and nothing it never meant to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ambtenaar20 import APP_SLUG
from ambtenaar20.core.i18n import ngettext

if TYPE_CHECKING:
    from ambtenaar20.core.drafting.packs import PackError


def problem_lines(path: Path, error: PackError) -> list[str]:
    """Every error like a compiler's: ``FILE:line:column: message``."""
    return [f"{path}:{problem.line}:{problem.column}: {problem.message}"
            for problem in error.problems]


def not_valid(path: Path, error: PackError) -> str:
    """``pack validate``'s closing line: the file is not a valid pack (nothing was installed
    because nothing is installed by validating)."""
    count = len(error.problems)
    return ngettext("{file}: {n} error; the pack is not valid.",
                    "{file}: {n} errors; the pack is not valid.", count).format(
        file=path, n=count)


def not_installed(path: Path, error: PackError) -> str:
    """``pack install``'s closing line: the pack was refused and the active one stays."""
    count = len(error.problems)
    return ngettext("{file}: {n} error; the pack was not installed and the active pack is "
                    "unchanged.",
                    "{file}: {n} errors; the pack was not installed and the active pack is "
                    "unchanged.", count).format(file=path, n=count)


def not_used(path: Path, error: PackError) -> str:
    """``check --pack``'s one line: the first error, and that no draft was checked.

    One line, as for every other reason ``check`` stops; ``pack validate`` lists them all.
    """
    if not error.problems:  # not made by the loader; its own text is all there is
        return str(error)
    count = len(error.problems)
    first = error.problems[0]
    return ngettext(
        "{file}: {n} error, at line {line}, column {column}: {message}; the pack was not "
        "used and nothing was checked.",
        "{file}: {n} errors, the first at line {line}, column {column}: {message}; the pack "
        "was not used and nothing was checked. '{app} pack validate {file}' lists them all.",
        count).format(file=path, n=count, line=first.line, column=first.column,
                      message=first.message, app=APP_SLUG)
