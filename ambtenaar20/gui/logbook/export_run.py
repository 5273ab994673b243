"""One report export at a time, written on a worker thread, for the Rapportage area.

Split out of ``report_view.py`` (past the project's ~400 lines) as its one self-contained part:
the area decides what to export and shows how it went; this module runs the export itself —
the worker's steps (check the target, build the document, write the file), passing on its
progress, cancelling, and dropping the callbacks of a run that was cancelled or replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ambtenaar20.core.app_context import AppContext
from ambtenaar20.core.export.document import ExportRequest, build_document
from ambtenaar20.gui.workers import BackgroundTask, run_in_background


class ExportRun:
    """Starts exports and reports on the latest: ``on_done(path)``, ``on_failed(error)``,
    ``on_progress(done, total, what)``; a cancelled run reports nothing more (but its file,
    when it was put in place just as it was cancelled: it is there after all)."""

    def __init__(self, context: AppContext, on_done: Callable[[Path], None],
                 on_failed: Callable[[Exception], None],
                 on_progress: Callable[[int, int, str], None]) -> None:
        self.context = context
        self._on_done, self._on_failed, self._on_progress = on_done, on_failed, on_progress
        #: The running export; None once it is done, failed or cancelled.
        self.task: BackgroundTask | None = None
        #: Which export the callbacks belong to: those of an earlier, cancelled one are late.
        self._number = 0

    def start(self, request: ExportRequest, file_format: str, target: Path) -> None:
        service, profile = self.context.logbook, self.context.settings.profile
        paths = self.context.paths
        written: list[Path] = []

        def work(cancel, progress):
            from ambtenaar20.core.export.target import check_output
            from ambtenaar20.render.exports import write_export

            check_output(target)
            paths.refuse_as_output(target)
            document = build_document(service, profile, request, cancel, progress)
            written.append(write_export(document, file_format, target, request.separator,
                                        cancel, progress))
            return written[0]

        from ambtenaar20.render.qt_app import load_image_plugins

        load_image_plugins()  # here, on the GUI thread: see its docstring
        self._number += 1
        number = self._number

        def current(callback):
            def call(*args) -> None:
                if number == self._number:
                    callback(*args)
            return call

        self.task = run_in_background(
            work, on_success=current(self._succeeded), on_error=current(self._failed),
            on_progress=current(self._progressed),
            # Cancelled just as the file was put in place: it is there after all.
            on_cancelled=current(lambda: written and self._succeeded(written[0])))

    def cancel(self) -> bool:
        """Returns at once: the worker stops at its next check and leaves no file behind.
        False when no export was running."""
        task, self.task = self.task, None
        if task is None:
            return False
        task.cancel()
        return True

    def _progressed(self, done: int, total: int, what: str) -> None:
        if self.task is not None and not self.task.token.cancelled:
            self._on_progress(done, total, what)

    def _succeeded(self, path: Path) -> None:
        self.task = None
        self._on_done(path)

    def _failed(self, error: Exception) -> None:
        if self.task is None:
            return  # failed while being cancelled: the officer was told already
        self.task = None
        self._on_failed(error)
