"""Progress and cancellation of one export step: rows (or pages) done of a fixed total.

An export of a large log runs for seconds. The writers call ``advance`` for every row; this
looks at the ``CancelToken`` and tells the front end only every ``CHECK_EVERY`` rows, so a cancel
takes effect within a fraction of a second without every row paying for a signal to the GUI.
``total`` never changes during a step, so what the front end shows only ever moves forward.
"""

from __future__ import annotations

from ambtenaar20.core.cancellation import CancelToken, ProgressCallback, no_progress

#: Rows between two looks at the token (a few milliseconds of work for any format).
CHECK_EVERY = 100


class ExportSteps:
    def __init__(self, total: int, what: str, cancel: CancelToken | None = None,
                 progress: ProgressCallback | None = None, every: int = CHECK_EVERY) -> None:
        # At least 1: a total of 0 means "unknown" to a ``ProgressCallback``.
        self.total = max(total, 1)
        self.what = what
        self.cancel = cancel
        self.progress = progress or no_progress
        self.every = every
        self.done = 0
        self._reported = -1

    def check(self) -> None:
        """Raise ``Cancelled`` if the export was cancelled."""
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()

    def start(self, what: str | None = None) -> None:
        """Check the token and report where the step stands (also when a new phase begins)."""
        if what is not None:
            self.what = what
        self.check()
        self._report()

    def advance(self, to: int | None = None) -> None:
        """One more row done (or ``to`` done); every ``every`` rows check and report."""
        done = self.done + 1 if to is None else to
        self.done = min(max(done, self.done), self.total)
        if self.done - self._reported >= self.every:
            self.check()
            self._report()

    def finish(self) -> None:
        """All done: check a last time and report the total."""
        self.done = self.total
        self.check()
        if self._reported != self.total:
            self._report()

    def _report(self) -> None:
        self._reported = self.done
        self.progress(self.done, self.total, self.what)
