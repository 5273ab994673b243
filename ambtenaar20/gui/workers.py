"""Run core services off the GUI thread and get their results back on it.

A widget never waits: it hands a function to ``run_in_background`` and updates itself in the
callbacks, which Qt delivers on the GUI thread. Each task gets a ``CancelToken``; cancelling only
sets the token, so the cancel button returns at once.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

from ambtenaar20.core.cancellation import Cancelled, CancelToken
from ambtenaar20.core.errors import Ambtenaar20Error, UsageError

log = logging.getLogger(__name__)

#: ``work(cancel, progress)`` runs on a worker thread.
Work = Callable[[CancelToken, Callable[[int, int, str], None]], Any]


class TaskSignals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()


class BackgroundTask(QRunnable):
    def __init__(self, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.token = CancelToken()
        self.signals = TaskSignals()
        self.done = False

    def cancel(self) -> None:
        self.token.cancel()

    def run(self) -> None:
        try:
            result = self.work(self.token, self.signals.progressed.emit)
        except Cancelled:
            self.signals.cancelled.emit()
        except UsageError as error:
            # A refusal ("a template with that name exists"): the callback shows its message;
            # no bug, so no traceback. Only its kind: the message may name what was typed.
            log.info("background task refused: %s", type(error).__name__)
            self.signals.failed.emit(error)
        except Ambtenaar20Error as error:
            # Something the officer can fix (a full disk, a locked file), said in plain words.
            log.warning("background task stopped: %s", error)
            self.signals.failed.emit(error)
        except Exception as error:
            log.error("background task failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(error)
        else:
            if self.token.cancelled:
                self.signals.cancelled.emit()
            else:
                self.signals.succeeded.emit(result)
        finally:
            self.done = True
            self.signals.finished.emit()


_running: set[BackgroundTask] = set()

#: At least this many worker threads, whatever the core count: most tasks wait on SQLite or the
#: network rather than compute, and with one thread per core (two on many work laptops) a long
#: sentiment pass and a refresh would leave no thread for loading what the officer clicks.
MIN_THREADS = 4


def default_pool() -> QThreadPool:
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() < MIN_THREADS:
        pool.setMaxThreadCount(MIN_THREADS)
    return pool


def while_alive(owner: QObject, callback: Callable[..., Any]) -> Callable[..., None]:
    """``callback``, but skipped when ``owner`` was deleted before a background result came."""

    def guarded(*args: Any) -> None:
        if isValid(owner):
            callback(*args)

    return guarded


def _guarded(callback: Callable[..., Any], owner: QObject | None) -> Callable[..., Any]:
    # A result can arrive after its widget is gone (the window closed, a view rebuilt); calling
    # into it then raised "Internal C++ object already deleted" inside Qt's event loop. A bound
    # method of a QObject guards itself; a lambda is guarded by the ``owner`` passed with it.
    target = owner if owner is not None else getattr(callback, "__self__", None)
    return while_alive(target, callback) if isinstance(target, QObject) else callback


def run_in_background(
    work: Work,
    *,
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
    owner: QObject | None = None,
) -> BackgroundTask:
    """Start ``work`` on the thread pool; callbacks run on the thread that called this.

    ``owner``: the widget the callbacks belong to; they are skipped once it is deleted.
    """
    task = BackgroundTask(work)
    if on_success:
        task.signals.succeeded.connect(_guarded(on_success, owner))
    if on_error:
        task.signals.failed.connect(_guarded(on_error, owner))
    if on_progress:
        task.signals.progressed.connect(_guarded(on_progress, owner))
    if on_cancelled:
        task.signals.cancelled.connect(_guarded(on_cancelled, owner))
    # Keep a reference until Qt has delivered every signal, or the signals object could die first.
    _running.add(task)
    task.signals.finished.connect(lambda: _running.discard(task))
    (pool or default_pool()).start(task)
    return task
