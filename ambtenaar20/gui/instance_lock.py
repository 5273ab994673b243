"""One window per data directory: a second start must not write to the same files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from ambtenaar20.core.errors import InstanceLockedError
from ambtenaar20.core.i18n import _


def acquire_instance_lock(path: Path) -> QLockFile:
    """Lock ``path`` for this process or raise ``InstanceLockedError``.

    A lock left by a crashed process is recognised (its process is gone) and taken over.
    """
    lock = QLockFile(str(path))
    # 0 = never treat a lock as stale by age: a long-running window keeps its lock.
    # Locks of dead processes are still detected as stale by QLockFile.
    lock.setStaleLockTime(0)
    if not lock.tryLock(200):
        # PySide6 returns (pid, hostname, appname); older bindings prefixed a success flag.
        *_flag, pid, host, _app = lock.getLockInfo()
        raise InstanceLockedError(
            _("Ambtenaar 2.0 is already open for this data folder (process {pid} on {host}). "
              "Switch to that window, or close it first.").format(pid=pid, host=host or "?")
        )
    return lock
