"""CSV export: UTF-8 with BOM and ``;`` by default, which is what Dutch Excel opens correctly."""

from __future__ import annotations

import csv
from pathlib import Path

from ambtenaar20.core.export.cells import headers, text_cell, typed_row
from ambtenaar20.core.export.document import SEPARATORS, ExportDocument
from ambtenaar20.core.export.target import atomic_output


def write_csv(document: ExportDocument, target: Path, separator: str = ";") -> Path:
    if separator not in SEPARATORS:
        raise ValueError(separator)
    # utf-8-sig writes the BOM Excel needs to recognise UTF-8.
    with atomic_output(target) as temporary, \
            open(temporary, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=separator, quoting=csv.QUOTE_MINIMAL,
                            lineterminator="\r\n")
        writer.writerow(headers())
        for entry in document.entries:
            writer.writerow([text_cell(value) for value in typed_row(entry)])
    return Path(target)
