"""JSON export for other systems: ``{"period", "officer", "interactions", ...}``.

The layout is documented in ``docs/logbook.md``; ``schema`` names its version so a reader can
tell when it changes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO

from ambtenaar20.core.cancellation import CancelToken, ProgressCallback
from ambtenaar20.core.export.document import JSON_SCHEMA_ID, ExportDocument, generator_name
from ambtenaar20.core.export.progress import ExportSteps
from ambtenaar20.core.export.target import atomic_output
from ambtenaar20.core.i18n import _

#: Encoder pieces written between two looks at the token while saving.
_CHUNKS_PER_CHECK = 2000


def export_json(document: ExportDocument, steps: ExportSteps | None = None) -> dict[str, Any]:
    """The export as JSON data; ``steps`` advances once per entry converted."""
    interactions = []
    for entry in document.entries:
        interactions.append(entry.to_json())
        if steps is not None:
            steps.advance()
    return {
        "schema": JSON_SCHEMA_ID,
        "generator": generator_name(),
        "generated_at": document.generated_at.isoformat(timespec="seconds"),
        "period": document.period_json(),
        "officer": dict(document.officer),
        "topics": list(document.topics),
        "pseudonymized": document.pseudonymized,
        "summary": document.summary.to_json(),
        "interactions": interactions,
    }


def write_json(document: ExportDocument, target: Path, cancel: CancelToken | None = None,
               progress: ProgressCallback | None = None) -> Path:
    """Write ``document`` to ``target``; ``progress`` counts every entry twice: converted, then
    saved (the encoder writes pieces, not entries, so the save is reported when it is done)."""
    count = len(document.entries)
    steps = ExportSteps(2 * count, _("Writing entries"), cancel, progress)
    steps.start()
    data = export_json(document, steps)
    steps.start(_("Saving the file"))
    with atomic_output(target, cancel) as temporary:
        with open(temporary, "w", encoding="utf-8") as handle:
            # What json.dump does, with a look at the token now and then.
            encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
            for number, chunk in enumerate(encoder.iterencode(data)):
                if number % _CHUNKS_PER_CHECK == 0:
                    steps.check()
                handle.write(chunk)
            handle.write("\n")
        steps.finish()
    return Path(target)


def write_json_stream(document: ExportDocument, stream: BinaryIO) -> None:
    """The same bytes as ``write_json`` writes to a file, to ``stream`` (``export -o -``)."""
    stream.write((json.dumps(export_json(document), ensure_ascii=False, indent=2) + "\n")
                 .encode("utf-8"))
    stream.flush()
