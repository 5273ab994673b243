"""Is another process using the data folder? Read the window's lock file without Qt.

The window holds its data folder with Qt's ``QLockFile`` (``gui/instance_lock.py``). The command
line must not import Qt (it would cost start-up time and needs display libraries), so it reads
the lock file the way ``QLockFile`` writes it: the first lines are the process id, the
application name and the host name (Qt 6 adds the machine id and the boot id). ``QLockFile``
itself decides that a lock is stale when its process is gone; we apply the same rule: the lock
counts as held when the file exists, names this host, and its process is alive. A lock written
by another host (a data folder on a network share) is treated as held, because we cannot look
at that host's processes - the same conservative choice QLockFile makes.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str


def pid_alive(pid: int) -> bool:
    """True when a process with ``pid`` exists on this machine."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        synchronize = 0x00100000
        query_limited = 0x1000
        still_active = 259
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(synchronize | query_limited, False, pid)
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == still_active
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    # A zombie (killed, not yet reaped by its parent) still answers kill(0) but holds nothing.
    with contextlib.suppress(OSError, IndexError):
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        if stat.rsplit(")", 1)[1].split()[0] == "Z":
            return False
    return True


def _boot_id() -> str | None:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return None


def gui_lock_holder(lock_file: Path) -> LockHolder | None:
    """Who holds the window's lock on the data folder, or None when nobody does (or it is stale)."""
    try:
        lines = lock_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except (FileNotFoundError, IsADirectoryError):
        return None
    except OSError:
        # Unreadable lock: assume it is held rather than risk writing under a running window.
        return LockHolder(pid=0, host="?")
    try:
        pid = int(lines[0].strip())
    except (IndexError, ValueError):
        return None  # QLockFile itself treats an unparsable lock file as stale
    host = lines[2].strip() if len(lines) > 2 else ""
    import socket  # only here: the app's every start reads this module

    if host and host != socket.gethostname():
        return LockHolder(pid=pid, host=host)
    boot_id = lines[4].strip() if len(lines) > 4 else ""
    current_boot = _boot_id()
    if boot_id and current_boot and boot_id != current_boot:
        return None  # written before the last restart: its process cannot exist any more
    return LockHolder(pid=pid, host=host) if pid_alive(pid) else None
