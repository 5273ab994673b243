"""Plain messages for file-system errors, wherever they surface: the one place for their words.

SQLite reports a full disk or a read-only folder as ``sqlite3.OperationalError`` with an English
text, the file system as ``OSError`` with an errno and an English ``strerror``; both become one
sentence the officer (or IT) can act on, in the officer's language. ``os_reason`` gives the
reason alone, for messages that already say what could not be done ("... cannot be read: the
file does not exist"). SQLite rolls a failed transaction back, so the database stays as it was.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from ambtenaar20.core.errors import ReadOnlyDataFolderError
from ambtenaar20.core.i18n import _
from ambtenaar20.core.paths import DATA_DIR_ENV

_FULL = (errno.ENOSPC, errno.EDQUOT)
_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)


def os_reason(error: OSError, *, writing: bool = False, folder: bool = False) -> str:
    """Why ``error`` happened, in the officer's language: the part after "cannot be read: ".

    ``writing``: the path was to be written (a missing folder is then the one it goes in);
    ``folder``: the path should be a folder (something else by that name is then a file).
    Rare errors keep the system's own text: it is still the best description there is.
    """
    code = error.errno
    if code == errno.ENOENT:
        return (_("the folder it should go in does not exist") if writing
                else _("it does not exist"))
    if code in (errno.EACCES, errno.EPERM):
        # Windows refuses to open a folder as a file with "access denied", not EISDIR.
        if not folder and error.filename and os.path.isdir(error.filename):
            return _("it is a folder, not a file")
        return _("you do not have permission")
    if code == errno.EISDIR:
        return _("it is a folder, not a file")
    if code == errno.ENOTDIR:
        return (_("it is a file, not a folder") if folder and _is_file(error)
                else _("part of the path is a file, not a folder"))
    if code == errno.EEXIST:
        return (_("it is a file, not a folder") if folder
                else _("a file with that name already exists"))
    if code in _FULL:
        return _("the disk is full")
    if code == errno.EROFS:
        return _("the disk or folder is read-only")
    if code == errno.ENAMETOOLONG:
        return _("the name is too long")
    return error.strerror or str(error)


def _is_file(error: OSError) -> bool:
    return bool(error.filename) and os.path.isfile(error.filename)


def describe_os_error(error: OSError, path: Path | str) -> str:
    """A plain one-line message for the file-system errors an officer can do something about."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("There is not enough free disk space to write {path}.").format(path=path)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return _("{path} cannot be written: the folder is read-only or you have no "
                 "permission.").format(path=path)
    if error.errno == errno.EISDIR:
        return _("{path} cannot be written: a folder is in the way.").format(path=path)
    return _("{path} cannot be written: {reason}").format(
        path=path, reason=os_reason(error, writing=True))


def read_only_data_folder(folder: Path | str) -> str:
    """The data folder cannot be written at all: said before anything is tried in it."""
    return _("The data folder {path} is read-only, or you have no permission to write in it: "
             "Ambtenaar 2.0 cannot save anything there. Ask IT to make the folder writable, or "
             "choose another one with --data-dir.").format(path=folder)


def read_only_data_folder_error(folder: Path | str) -> ReadOnlyDataFolderError:
    """``read_only_data_folder`` as an error, with the window's own wording beside it.

    The window is started from a menu or shortcut: its officer cannot add ``--data-dir``, so
    the window names what IT can change instead (the shortcut, or the environment variable
    ``core/paths.py`` reads).
    """
    return ReadOnlyDataFolderError(read_only_data_folder(folder), _(
        "The data folder {path} is read-only, or you have no permission to write in it: "
        "Ambtenaar 2.0 cannot save anything there. Ask IT to make the folder writable, or to "
        "start Ambtenaar 2.0 with another data folder (in the shortcut, or with the "
        "environment variable {variable})."
    ).format(path=folder, variable=DATA_DIR_ENV))


def folder_is_writable(folder: Path | str) -> bool:
    """False for a read-only file system, and for a folder the user may not write in.

    ``os.access`` reports a read-only mount even to root, who may write anywhere else.
    """
    return os.access(folder, os.W_OK)


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
