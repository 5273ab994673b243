"""Pseudonymising an export with many distinct people, beside the same export without it.

    python benchmarks/pseudonymize_speed.py [entries]

Every entry has its own counterpart (half names sharing ten first names, half handles) and a
summary that names the person and carries a link, as in QA's report of a quadratic export
(5,000 entries took minutes). Prints both times and their ratio.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.export.document import ExportRequest, build_document
from ambtenaar20.core.logbook.clock import Period

FIRST_NAMES = ("Jan", "Piet", "Klaas", "Sanne", "Fatima", "Mohammed", "Emma", "Daan", "Lotte",
               "Sem")


def fill(context, count: int) -> None:
    start = datetime(2026, 1, 1, 9)
    with context.store.db.atomic():
        for number in range(count):
            name = f"{FIRST_NAMES[number % len(FIRST_NAMES)]} Achternaam{number}"
            context.logbook.add(
                occurred_at=start + timedelta(hours=number), platform="X", kind="reactie",
                counterpart=name if number % 2 else f"@handle_{number}",
                summary=f"Reactie aan {name} over afval, zie https://www.gemeente.nl/afval "
                        "en bel 14 030. " * 3, minutes=5)


def timed(context, request: ExportRequest) -> tuple[float, int]:
    started = time.perf_counter()
    document = build_document(context.logbook, context.settings.profile, request)
    return time.perf_counter() - started, len(document.entries)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000
    with tempfile.TemporaryDirectory() as folder:
        context = create_app_context(Path(folder) / "data", language="nl")
        fill(context, count)
        period = Period(date(2026, 1, 1), date(2027, 12, 31))
        plain, entries = timed(context, ExportRequest(period))
        pseudonymised, _entries = timed(context, ExportRequest(period, pseudonymize=True))
        print(f"{entries} entries, {entries} distinct counterparts")
        print(f"export without pseudonymisation: {plain:.2f} s")
        print(f"export with pseudonymisation:    {pseudonymised:.2f} s "
              f"({pseudonymised / plain:.1f}x)")
        context.close()


if __name__ == "__main__":
    main()
