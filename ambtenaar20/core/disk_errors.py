"""Plain messages for a full disk or a read-only data folder, wherever the error surfaces.

SQLite reports these as ``sqlite3.OperationalError`` with an English text, the file system as
``OSError`` with an errno; both become one sentence the officer (or IT) can act on. SQLite rolls
the failed transaction back, so the database itself stays as it was.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from ambtenaar20.core.i18n import _

_FULL = (errno.ENOSPC, errno.EDQUOT)
_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)


def describe_os_error(error: OSError, path: Path | str) -> str:
    """A plain one-line message for the file-system errors an officer can do something about."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("There is not enough free disk space to write {path}.").format(path=path)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return _("{path} cannot be written: the folder is read-only or you have no "
                 "permission.").format(path=path)
    if error.errno in (errno.EISDIR, errno.ENOTDIR):
        return _("{path} cannot be written: a folder is in the way.").format(path=path)
    return _("{path} cannot be written: {reason}").format(path=path,
                                                         reason=error.strerror or error)


def plain_message(error: BaseException) -> str | None:
    """A one-line message for disk-full and read-only errors; None for anything else."""
    if isinstance(error, sqlite3.OperationalError):
        text = str(error).lower()
        if "disk is full" in text or "disk i/o error" in text:
            return _("The disk is full: your last change was not saved (the data that was "
                     "already saved is intact). Free some disk space and try again.")
        if "readonly" in text or "read-only" in text:
            return _("The data folder is read-only: your last change was not saved. Ask IT "
                     "to make the folder writable, or choose another one with --data-dir.")
        return None
    if isinstance(error, OSError) and error.errno in _FULL:
        return _("The disk is full: {path} could not be written. Free some disk space and "
                 "try again.").format(path=error.filename or "?")
    if isinstance(error, OSError) and error.errno in _READ_ONLY:
        return _("{path} cannot be written: the folder is read-only or you have no "
                 "permission.").format(path=error.filename or "?")
    return None
