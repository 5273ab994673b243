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
    return _FALLBACK_START


def ms_since_process_start() -> int:
    return round((time.time() - process_start_time()) * 1000)
