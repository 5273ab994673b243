"""Pick the writer for an export format; only PDF brings in Qt."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from ambtenaar20.core.cancellation import CancelToken, ProgressCallback
from ambtenaar20.core.export.document import ExportDocument


def write_export(document: ExportDocument, file_format: str, target: Path,
                 separator: str = ";", cancel: CancelToken | None = None,
                 progress: ProgressCallback | None = None) -> Path:
    """Write ``document`` as ``file_format`` (csv, xlsx, pdf, json) to ``target`` atomically.

    ``progress`` goes from 0 to a total fixed per export; once ``cancel`` is set the writer
    stops with ``Cancelled`` at its next check and ``target`` is left as it was.
    """
    if file_format == "csv":
        from ambtenaar20.core.export.csv_format import write_csv

        return write_csv(document, target, separator, cancel, progress)
    if file_format == "xlsx":
        from ambtenaar20.core.export.xlsx_format import write_xlsx

        return write_xlsx(document, target, cancel, progress)
    if file_format == "json":
        from ambtenaar20.core.export.json_format import write_json

        return write_json(document, target, cancel, progress)
    if file_format == "pdf":
        from ambtenaar20.render.pdf_report import write_pdf

        return write_pdf(document, target, cancel, progress)
    raise ValueError(file_format)


#: Formats that are text and can be written to standard output (``export -o -``).
STREAM_FORMATS = ("csv", "json")


def write_export_stream(document: ExportDocument, file_format: str, stream: BinaryIO,
                        separator: str = ";") -> None:
    """Write ``document`` as ``file_format`` (csv or json) to ``stream``."""
    if file_format == "csv":
        from ambtenaar20.core.export.csv_format import write_csv_stream

        write_csv_stream(document, stream, separator)
    elif file_format == "json":
        from ambtenaar20.core.export.json_format import write_json_stream

        write_json_stream(document, stream)
    else:
        raise ValueError(file_format)
