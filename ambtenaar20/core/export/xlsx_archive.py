"""Saving a streamed XLSX workbook in steps that report progress and can be cancelled.

``xlsx_format`` fills an openpyxl write-only workbook: every row becomes XML as it is appended
(counted and cancellable there) and goes to a scratch file of openpyxl's own, one per sheet. What
is left for the save is compressing those files into the zip, which openpyxl does with one
``ZipFile.write`` per sheet that nothing can follow or stop (a fifth of the export's time).
``_WatchedZip`` copies each sheet in chunks instead, moving the progress on and looking at the
cancel token between chunks; the zip holds the same bytes ``ZipFile.write`` would store.

openpyxl removes its scratch files when the workbook has been saved, or at exit:
``drop_scratch_files`` removes them as soon as an export stops early, so a cancelled or failed
export leaves no file behind. openpyxl would keep them in the system's temporary folder, where
what a killed export left could not be told from another program's files; ``sheets_beside``
keeps them beside the target, named as ``leftovers`` finds them again.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from ambtenaar20.core.export.leftovers import remove_leftovers, scratch_file
from ambtenaar20.core.export.progress import ExportSteps

#: Bytes of sheet XML compressed between two looks at the token (a millisecond or two).
CHUNK = 64 * 1024


def save_streamed(workbook: Any, path: Path, steps: ExportSteps, units: int) -> None:
    """Save the write-only ``workbook`` to ``path``; compressing the log sheet (nearly all of
    the file) moves ``steps`` on by ``units``. Raises ``Cancelled`` between two chunks."""
    from openpyxl.writer.excel import ExcelWriter

    start = steps.done

    def compressed(copied: int, size: int) -> None:
        steps.check()
        # Per part: the later, small parts start again at 0 and so leave the bar where it is.
        steps.advance(to=start + units * copied // max(size, 1))

    with _WatchedZip(path, compressed) as archive:
        # What openpyxl's ``save_workbook`` does around its ``ExcelWriter``.
        workbook.properties.modified = datetime.now(UTC).replace(tzinfo=None)
        ExcelWriter(workbook, archive).save()


#: The target whose sheets the current thread's export is writing, if any.
_exporting = threading.local()


@contextlib.contextmanager
def sheets_beside(target: Path) -> Iterator[None]:
    """While the ``with`` block runs, openpyxl's sheets of this thread go beside ``target``.

    openpyxl names its scratch files in a private function (``create_temporary_file``), taken
    over here once for all threads; should it move in a later version, the sheets stay in the
    system's temporary folder as before, and a test says so.
    """
    _take_over_scratch_files()
    remove_leftovers(target.parent)
    _exporting.target = target
    try:
        yield
    finally:
        _exporting.target = None


def _take_over_scratch_files() -> None:
    try:
        from openpyxl.worksheet import _writer
    except ImportError:
        return
    original = getattr(_writer, "create_temporary_file", None)
    temporary_files = getattr(_writer, "ALL_TEMP_FILES", None)
    if original is None or temporary_files is None or getattr(original, "beside", False):
        return

    def create_temporary_file(suffix: str = "") -> str:
        target = getattr(_exporting, "target", None)
        if target is None:  # a workbook written outside an export
            return original(suffix)
        name = str(scratch_file(target, ".sheet.tmp"))
        temporary_files.append(name)  # as openpyxl's own: removed after the save or at exit
        return name

    create_temporary_file.beside = True  # type: ignore[attr-defined]
    _writer.create_temporary_file = create_temporary_file


def drop_scratch_files(workbook: Any) -> None:
    """Close and remove the sheets' scratch files that no save has removed (after a cancel).

    openpyxl keeps them in private places (``_writer``, ``ALL_TEMP_FILES``); should those move
    in a later version, this does nothing and openpyxl still removes the files at exit.
    """
    try:
        from openpyxl.worksheet._writer import ALL_TEMP_FILES
    except ImportError:
        return
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None or getattr(writer, "out", None) not in ALL_TEMP_FILES:
            continue
        # Closing first: Windows cannot remove a file that is still open.
        with contextlib.suppress(Exception):
            if not sheet.closed:
                sheet.close()
        with contextlib.suppress(OSError, ValueError):
            writer.cleanup()


class _WatchedZip(ZipFile):
    """A zip being written whose ``write`` copies a file in chunks, calling ``on_chunk(copied,
    size)`` before the first and after every chunk; ``writestr`` calls it once."""

    def __init__(self, path: Path, on_chunk: Callable[[int, int], None]) -> None:
        super().__init__(path, "w", ZIP_DEFLATED, allowZip64=True)
        self._on_chunk = on_chunk

    def write(self, filename: Any, arcname: Any = None, compress_type: int | None = None,
              compresslevel: int | None = None) -> None:
        if compress_type is not None or compresslevel is not None:
            self._on_chunk(0, 0)  # not asked for by openpyxl: the ordinary way
            super().write(filename, arcname, compress_type, compresslevel)
            return
        # As ``ZipFile.write`` does for a file, with ``copyfileobj`` spelled out.
        info = ZipInfo.from_file(filename, arcname)
        info.compress_type = self.compression
        copied = 0
        self._on_chunk(copied, info.file_size)
        with open(filename, "rb") as source, self.open(info, "w") as part:
            while chunk := source.read(CHUNK):
                part.write(chunk)
                copied += len(chunk)
                self._on_chunk(copied, info.file_size)

    def writestr(self, *args: Any, **kwargs: Any) -> None:
        self._on_chunk(0, 0)
        super().writestr(*args, **kwargs)
