"""Export speed of the log: 10,000 entries as CSV, XLSX, JSON and PDF.

    QT_QPA_PLATFORM=offscreen python benchmarks/export_speed.py [entries]

Goals from the issue: CSV at most 1 s, PDF at most 5 s. Prints each time beside its goal.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.export.document import ExportRequest, build_document
from ambtenaar20.core.logbook.clock import Period
from ambtenaar20.render.exports import write_export
from benchmarks.logbook_samples import fill

GOALS = {"csv": 1.0, "pdf": 5.0}


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        context = create_app_context(Path(folder) / "data", language="nl")
        context.settings.profile.name = "Benchmark"
        started = time.perf_counter()
        fill(context.logbook, count, date(2026, 1, 1), 90)
        print(f"{count} entries added in {time.perf_counter() - started:.2f} s")
        request = ExportRequest(Period(date(2026, 1, 1), date(2026, 3, 31)))
        started = time.perf_counter()
        document = build_document(context.logbook, context.settings.profile, request)
        print(f"selecting {len(document.entries)} entries: {time.perf_counter() - started:.2f} s")
        print(f"{'format':<8}{'seconds':>9}{'goal':>8}  size")
        for file_format in ("csv", "xlsx", "json", "pdf"):
            target = Path(folder) / f"export.{file_format}"
            started = time.perf_counter()
            write_export(document, file_format, target)
            elapsed = time.perf_counter() - started
            goal = GOALS.get(file_format)
            verdict = "" if goal is None else ("  ok" if elapsed <= goal else "  TOO SLOW")
            goal_text = f"{goal:.1f}" if goal else "–"
            print(f"{file_format:<8}{elapsed:>9.2f}{goal_text:>8}  "
                  f"{target.stat().st_size / 1e6:.1f} MB{verdict}")
        started = time.perf_counter()
        pseudonymised = build_document(context.logbook, context.settings.profile,
                                       ExportRequest(request.period, pseudonymize=True))
        print(f"pseudonymising {len(pseudonymised.entries)} entries: "
              f"{time.perf_counter() - started:.2f} s")
        context.close()


if __name__ == "__main__":
    main()
