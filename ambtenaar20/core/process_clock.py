"""How long ago this process started, for the start-up figure of ``gui --smoke-test``.

Measured from the operating system's record of the process start, so interpreter start-up and
imports are included, not just our own code.
"""

from __future__ import annotations

import os
import sys
import time

_FALLBACK_START = time.time()


def process_start_time() -> float:
    """Epoch seconds at which this process started (best available source)."""
    if sys.platform.startswith("linux"):
        try:
            with open(f"/proc/{os.getpid()}/stat", encoding="ascii") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            start_ticks = int(fields[19])  # field 22 of stat(5), counted after the comm field
            with open("/proc/uptime", encoding="ascii") as handle:
                uptime = float(handle.read().split()[0])
            ticks = os.sysconf("SC_CLK_TCK")
            return time.time() - uptime + start_ticks / ticks
        except (OSError, ValueError, IndexError):
            pass
    if sys.platform == "win32":
        started = _windows_process_start()
        if started is not None:
            return started
    return _FALLBACK_START


def _windows_process_start() -> float | None:
    import ctypes
    from ctypes import wintypes

    creation, exited, kernel, user = (wintypes.FILETIME() for _ in range(4))
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    if not kernel32.GetProcessTimes(kernel32.GetCurrentProcess(), ctypes.byref(creation),
                                    ctypes.byref(exited), ctypes.byref(kernel), ctypes.byref(user)):
        return None
    # FILETIME counts 100-ns intervals since 1601-01-01.
    ticks = (creation.dwHighDateTime << 32) | creation.dwLowDateTime
    return ticks / 10_000_000 - 11_644_473_600


def ms_since_process_start() -> int:
    return round((time.time() - process_start_time()) * 1000)
