"""Saving a streamed XLSX workbook in steps that report progress and can be cancelled.

``xlsx_format`` fills an openpyxl write-only workbook: every row becomes XML as it is appended
(counted and cancellable there) and goes to a scratch file of openpyxl's own, one per sheet. What
is left for the save is compressing those files into the zip, which openpyxl does with one
``ZipFile.write`` per sheet that nothing can follow or stop (a fifth of the export's time).
``_WatchedZip`` copies each sheet in chunks instead, moving the progress on and looking at the
cancel token between chunks; the zip holds the same bytes ``ZipFile.write`` would store.

openpyxl removes its scratch files when the workbook has been saved, or at exit:
``drop_scratch_files`` removes them as soon as an export stops early, so a cancelled or failed
export leaves no file behind, also not in the system's temporary folder.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

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
