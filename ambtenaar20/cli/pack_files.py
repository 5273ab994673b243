"""A guideline pack file that cannot be read at all: one plain line, not a list of pack errors.

``pack validate`` and ``install`` list a pack's errors with their line and column, and
``check --pack`` names the first one. A missing or unreadable file has no line or column: it
is the officer's typing, told in one line like every other usage error (exit 2).
"""

from __future__ import annotations

from pathlib import Path

from ambtenaar20.core.disk_errors import os_reason
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _


def readable_pack(path: Path) -> None:
    """Raise ``UsageError`` when ``path`` is missing, unreadable or not UTF-8 text."""
    try:
        path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise UsageError(_("pack file not found: {path}").format(path=path)) from None
    except OSError as error:
        raise UsageError(_("pack file {path} cannot be read: {reason}").format(
            path=path, reason=os_reason(error))) from None
    except UnicodeDecodeError:
        raise UsageError(_("pack file {path} is not UTF-8 text; save it as UTF-8 and try "
                           "again").format(path=path)) from None
