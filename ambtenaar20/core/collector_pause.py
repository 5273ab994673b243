"""Python's cyclic garbage collector, paused while the program starts.

Starting creates tens of thousands of objects that live as long as the process: modules,
classes, the enum types PySide6 builds for every Qt class used. The collector walked them again
and again while they were being made, ~6 ms of a window start (``benchmarks/startup.py``).
Paused at the start, they are set aside once start-up is over (``gc.freeze``), so the
collections after that skip them as well.
"""

from __future__ import annotations

import gc


def pause() -> None:
    gc.disable()


def resume() -> None:
    """Start-up is over: collect from now on, skipping what start-up made. Safe to repeat."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
