"""Ending the ``ambtenaar20`` process as soon as a command is done.

When a command has returned, everything it owns is closed: the database, its files, its
threads. Python's normal shutdown then still tears down every module and object one by one,
which took ~27 ms after a refresh and ~25 ms after ``feeds import`` (measured: a quarter of
what that command costs), all of it after the answer is printed, while the shell or script
that called the command waits.

``exit_process`` does what that shutdown must still do and skips the rest: it runs the
``atexit`` handlers (logging flushes its files there, libraries and ``weakref.finalize``
register their clean-up there), flushes stdout and stderr, and ends the process with
``os._exit``. After the window has closed, Qt's application object is torn down first, the
way Qt's own shutdown does it: that hands the clipboard to the system, so text copied from the
window stays available after it closes (Python's teardown after the window took another
~25 ms, measured). The normal shutdown stays where skipping it could lose something: while
another non-daemon thread still runs (the normal shutdown waits for it), and when Qt is loaded
without an application object this process can tear down itself.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import NoReturn


def exit_process(code: int) -> NoReturn:
    """End the process with exit status ``code``; see the module docstring for when it is fast."""
    if not fast_exit_is_safe():
        sys.exit(code)
    if "PySide6.QtCore" in sys.modules:
        _qt_application().shutdown()  # safe: ``fast_exit_is_safe`` found one to shut down
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            # A closed pipe (``ambtenaar20 items | head``): the reader has what it wanted.
            pass
    os._exit(code)


def fast_exit_is_safe() -> bool:
    """True when no other non-daemon thread runs and Qt is either not loaded or can be shut down."""
    current = threading.current_thread()
    if any(thread.is_alive() and not thread.daemon and thread is not current
           for thread in threading.enumerate()):
        return False
    return "PySide6.QtCore" not in sys.modules or _qt_application() is not None


def _qt_application():  # -> QCoreApplication | None, when it can be shut down here
    from PySide6.QtCore import QCoreApplication

    application = QCoreApplication.instance()
    # ``shutdown`` (PySide6 6.5+) deletes the application object the way Qt's teardown does.
    return application if hasattr(application, "shutdown") else None

