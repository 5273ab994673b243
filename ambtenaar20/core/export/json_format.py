"""JSON export for other systems: ``{"period", "officer", "interactions", ...}``.

The layout is documented in ``docs/logbook.md``; ``schema`` names its version so a reader can
tell when it changes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO

from ambtenaar20.core.export.document import JSON_SCHEMA_ID, ExportDocument, generator_name
from ambtenaar20.core.export.target import atomic_output


def export_json(document: ExportDocument) -> dict[str, Any]:
    return {
        "schema": JSON_SCHEMA_ID,
        "generator": generator_name(),
        "generated_at": document.generated_at.isoformat(timespec="seconds"),
        "period": document.period_json(),
        "officer": dict(document.officer),
        "topics": list(document.topics),
        "pseudonymized": document.pseudonymized,
        "summary": document.summary.to_json(),
        "interactions": [entry.to_json() for entry in document.entries],
    }


def write_json(document: ExportDocument, target: Path) -> Path:
    with atomic_output(target) as temporary, open(temporary, "w", encoding="utf-8") as handle:
        json.dump(export_json(document), handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return Path(target)


def write_json_stream(document: ExportDocument, stream: BinaryIO) -> None:
    """The same bytes as ``write_json`` writes to a file, to ``stream`` (``export -o -``)."""
    stream.write((json.dumps(export_json(document), ensure_ascii=False, indent=2) + "\n")
                 .encode("utf-8"))
    stream.flush()
