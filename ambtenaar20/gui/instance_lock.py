"""One window per data directory: a second start must not write to the same files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from ambtenaar20.core import disk_errors
from ambtenaar20.core.errors import InstanceLockedError, StoreError
from ambtenaar20.core.i18n import _


def acquire_instance_lock(path: Path) -> QLockFile:
    """Lock ``path`` for this process, or raise why not.

    ``InstanceLockedError`` when another window holds the lock; ``StoreError`` when the lock
    file cannot be made at all (a read-only data folder): that is no second window. A lock
    left by a crashed process is recognised (its process is gone) and taken over.
    """
    lock = QLockFile(str(path))
    # 0 = never treat a lock as stale by age: a long-running window keeps its lock.
    # Locks of dead processes are still detected as stale by QLockFile.
    lock.setStaleLockTime(0)
    if lock.tryLock(200):
        return lock
    folder = path.parent
    # A stale lock in a read-only folder cannot be removed either: that too is LockFailedError.
    if lock.error() != QLockFile.LockError.LockFailedError or \
            not disk_errors.folder_is_writable(folder):
        raise _unusable_folder(path, lock.error())
    # PySide6 returns (pid, hostname, appname); older bindings prefixed a success flag.
    *_flag, pid, host, _app = lock.getLockInfo()
    raise InstanceLockedError(
        _("Ambtenaar 2.0 is already open for this data folder (process {pid} on {host}). "
          "Switch to that window, or close it first.").format(pid=pid, host=host or "?")
    )


def _unusable_folder(path: Path, error: QLockFile.LockError) -> StoreError:
    """Why the lock file ``path`` could not be made, as the CLI would say it."""
    folder = path.parent
    if error == QLockFile.LockError.PermissionError or not disk_errors.folder_is_writable(folder):
        return disk_errors.read_only_data_folder_error(folder)
    # QLockFile keeps the system's reason to itself: ask the file system the same question.
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=folder):
            reason = _("the lock file {name} cannot be made").format(name=path.name)
    except OSError as probe:
        reason = disk_errors.os_reason(probe, writing=True, folder=True)
    return StoreError(_("The data folder {path} cannot be used: {reason}").format(
        path=folder, reason=reason))
