"""Opening the data for the window, on a thread begun before Qt is loaded.

Importing PySide6 and building the window is most of start-up. Opening the database (its
integrity check, migrations when due) and the first queries of the area on screen need no Qt,
and SQLite runs them mostly without the interpreter lock. Begun first, they are done about when
the window has been built, so it appears with its data at once, instead of "Opening your
data…" followed by a second layout.

This module does not import Qt; a test holds it to that.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from ambtenaar20.gui.areas.registry import area_shown_at_start

if TYPE_CHECKING:
    from ambtenaar20.core.app_context import AppContext


class Opening:
    """The store opened and the first screen's data of one area (``key``), on a thread.

    Created with ``allowed=False``, it only reads until ``allow()``: the window's instance lock
    is settled meanwhile, and a second window must not create, migrate or otherwise change the
    file (``abandon()`` then ends it). A database that opens without writing (the usual start)
    is opened and queried at once; any other waits for the lock.
    """

    def __init__(self, context: AppContext, *, allowed: bool = True) -> None:
        spec = area_shown_at_start(context.settings.window.area)
        self.key = spec.key
        self._context = context
        self._load = spec.first_screen_loader()
        self._allowed = threading.Event()
        self._abandoned = False
        if allowed:
            self._allowed.set()
        self._future: Future[Any] = Future()
        self._future.set_running_or_notify_cancel()
        # A daemon thread; ``finish`` waits for it where that matters.
        threading.Thread(target=self._run, name="opening", daemon=True).start()

    def allow(self) -> None:
        self._allowed.set()

    def abandon(self) -> None:
        self._abandoned = True
        self._allowed.set()

    def _run(self) -> None:
        try:
            from ambtenaar20.core.store.database import opens_without_writing

            if not opens_without_writing(self._context.paths.database):
                self._allowed.wait()
                if self._abandoned:
                    raise RuntimeError("opening abandoned: another window has this data folder")
            self._context.store  # noqa: B018 - checks, backs up and migrates the file
            self._future.set_result(None if self._load is None else self._load(self._context))
        except BaseException as error:  # handed to whoever asks for the outcome
            self._future.set_exception(error)

    def wait(self, timeout: float | None = None) -> bool:
        """True when the opening has ended (done or failed) within ``timeout`` seconds."""
        try:
            self._future.exception(timeout)
        except TimeoutError:
            return False
        return True

    def finish(self) -> None:
        """Wait for an opening that may be writing (creating or migrating the file).

        The thread is a daemon so that a window closed early does not wait for the integrity
        check of a large file; a migration under way must not be cut off by the process ending,
        so the window waits for it here. An opening still waiting for the lock writes nothing.
        """
        if self._allowed.is_set():
            self.wait()

    @property
    def failed(self) -> bool:
        return self._future.done() and self._future.exception() is not None

    def first_screen(self) -> Any:
        """Waits for the opening; the first screen's data (None when the area has no loader).

        Raises what opening the database raised (``CorruptDatabaseError``, ``StoreError``...).
        """
        return self._future.result()
