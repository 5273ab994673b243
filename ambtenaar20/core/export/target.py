"""Where an export goes: checked before any work, written atomically.

The output file appears complete or not at all: formats write to a temporary file beside the
target and rename it into place; a failure removes the temporary file and leaves an existing
target untouched, and a kill leaves it for the next export to remove (``leftovers``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ambtenaar20.core.cancellation import CancelToken
from ambtenaar20.core.disk_errors import os_reason
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.export.leftovers import remove_leftovers, scratch_file
from ambtenaar20.core.i18n import _

#: How every message about the output file starts, in every language: the field key a front end
#: replaces by its own name for that field (``cli/field_names.py``).
OUTPUT_KEY = "output: "


def check_output(target: Path) -> Path:
    """Raise ``UsageError`` naming the output option if ``target`` cannot be written."""
    target = Path(target).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise UsageError(_("output: {path} is a folder, not a file").format(path=target))
    if not folder.is_dir():
        _check_folder(folder)
    # Write bits, not just access(): an administrator may write anywhere, but a folder or file
    # marked read-only means "do not write here" for them too.
    if not folder.stat().st_mode & 0o222 or not os.access(folder, os.W_OK):
        raise UsageError(_("output: the folder {folder} is read-only").format(folder=folder))
    if target.exists() and not target.is_file():
        raise UsageError(_("output: {path} is not a regular file").format(path=target))
    if target.exists() and (not target.stat().st_mode & 0o222
                            or not os.access(target, os.W_OK)):
        raise UsageError(_("output: {path} is read-only").format(path=target))
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".probe", dir=folder)
    except OSError as exc:
        raise UsageError(_("output: cannot write in {folder} ({reason})").format(
            folder=folder, reason=os_reason(exc, writing=True))) from None
    os.close(fd)
    os.unlink(probe)
    return target


def _check_folder(folder: Path) -> None:
    """Raise ``UsageError`` for a ``folder`` that is not one: missing, a file, or unreachable."""
    try:
        folder.stat()
    except FileNotFoundError:
        raise UsageError(_("output: the folder {folder} does not exist").format(
            folder=folder)) from None
    except OSError as exc:  # part of the path is a file, or may not be looked into
        reason = os_reason(exc, folder=True)
    else:  # a file stands where the folder should be
        reason = os_reason(NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR),
                                              str(folder)), folder=True)
    raise UsageError(_("output: cannot write in {folder} ({reason})").format(
        folder=folder, reason=reason))


@contextlib.contextmanager
def atomic_output(target: Path, cancel: CancelToken | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` on success.

    A ``cancel`` set by then also counts as failure (``Cancelled``): the front end said "no
    file was written" when the officer cancelled, so a format that finished anyway is dropped.
    What an export killed earlier left in the folder is removed first (``leftovers``).
    """
    target = Path(target)
    remove_leftovers(target.parent)
    temporary = scratch_file(target)
    try:
        yield temporary
        # mkstemp makes the file private (0600); an export should get the usual permissions.
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        if cancel is not None:
            cancel.raise_if_cancelled()
        os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise UsageError(_("output: writing {path} failed ({reason})").format(
            path=target, reason=os_reason(exc, writing=True))) from exc
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise


def _umask() -> int:
    # os.umask can only be read by setting it, which races with other threads; Linux shows it.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022
