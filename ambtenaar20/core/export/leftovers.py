"""The scratch files of an export, named so that what a killed export left behind is found again.

An export writes its file under a temporary name beside the target (``target.atomic_output``),
and an XLSX export also keeps each sheet in a scratch file until the file is compressed
(``xlsx_archive``). A cancelled or failed export removes them; a process that is killed (kill -9,
a power cut, Windows ending it at shutdown) cannot. They hold the log's text, personal data
included, so the next export into that folder removes what an earlier one left: files named by
``scratch_file`` that nobody has written to for ``STALE_AFTER_SECONDS``. No running export can
still be using those: the longest (100,000 entries as a PDF) take well under a minute, and
their files are written all the time. A file still open (Windows cannot remove those) or on a
share that refuses is left for the next export.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from pathlib import Path

#: In every scratch file's name: what tells the app's files from anybody else's.
MARK = ".ambtenaar20-"
#: How long a scratch file must have been left alone before it counts as left behind.
STALE_AFTER_SECONDS = 10 * 60
#: ``.{target name}.ambtenaar20-{random}{suffix}``; the suffixes ``scratch_file`` is given.
_SCRATCH_NAME = re.compile(r"\..+" + re.escape(MARK) + r"[A-Za-z0-9_]+(\.sheet)?\.tmp")


def scratch_file(target: Path, suffix: str = ".tmp") -> Path:
    """A new, empty, private file beside ``target`` for writing it: ``suffix`` ".tmp" for the
    file itself, ".sheet.tmp" for a part of it."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}{MARK}", suffix=suffix,
                                dir=target.parent)
    os.close(fd)
    return Path(name)


def remove_leftovers(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the scratch files a killed export left in ``folder``; return those removed.

    Best effort: a file that cannot be removed (still open on Windows, a read-only share) stays
    for the next export to try again, and the export that asked goes on."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _SCRATCH_NAME.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and \
                    now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_SECONDS:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed
