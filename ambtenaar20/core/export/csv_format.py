"""CSV export: UTF-8 with BOM and ``;`` by default, which is what Dutch Excel opens correctly."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import BinaryIO, TextIO

from ambtenaar20.core.cancellation import CancelToken, ProgressCallback
from ambtenaar20.core.export.cells import headers, text_cell, typed_row
from ambtenaar20.core.export.document import SEPARATORS, ExportDocument
from ambtenaar20.core.export.progress import ExportSteps
from ambtenaar20.core.export.target import atomic_output
from ambtenaar20.core.i18n import _


def write_csv(document: ExportDocument, target: Path, separator: str = ";",
              cancel: CancelToken | None = None,
              progress: ProgressCallback | None = None) -> Path:
    """Write ``document`` to ``target``; ``progress`` counts the rows written."""
    if separator not in SEPARATORS:
        raise ValueError(separator)
    steps = ExportSteps(len(document.entries), _("Writing entries"), cancel, progress)
    steps.start()
    # utf-8-sig writes the BOM Excel needs to recognise UTF-8.
    with atomic_output(target, cancel) as temporary:
        with open(temporary, "w", encoding="utf-8-sig", newline="") as handle:
            _write_rows(document, handle, separator, steps)
        steps.finish()
    return Path(target)


def write_csv_stream(document: ExportDocument, stream: BinaryIO, separator: str = ";") -> None:
    """The same bytes as ``write_csv`` writes to a file, to ``stream`` (``export -o -``)."""
    if separator not in SEPARATORS:
        raise ValueError(separator)
    handle = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        _write_rows(document, handle, separator)
        handle.flush()
    finally:
        handle.detach()


def _write_rows(document: ExportDocument, handle: TextIO, separator: str,
                steps: ExportSteps | None = None) -> None:
    writer = csv.writer(handle, delimiter=separator, quoting=csv.QUOTE_MINIMAL,
                        lineterminator="\r\n")
    writer.writerow(headers())
    for entry in document.entries:
        writer.writerow([text_cell(value) for value in typed_row(entry)])
        if steps is not None:
            steps.advance()
