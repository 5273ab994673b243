"""What the Logboek view asks the database over 100,000 entries: count + one page of 200.

    python benchmarks/logbook_list_speed.py [entries]

The view stays responsive as long as each of these answers well within a tenth of a second
(they run on a worker thread, so the window never waits on them).
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.logbook.clock import Period
from ambtenaar20.core.logbook.model import LogFilter
from benchmarks.logbook_samples import fill

REFERENCE_SECONDS = 0.1


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        context = create_app_context(Path(folder) / "data", language="nl")
        service = context.logbook
        started = time.perf_counter()
        fill(service, count, date(2024, 1, 1), 3 * 365)
        print(f"{count} entries added in {time.perf_counter() - started:.1f} s")
        march = Period(date(2025, 3, 1), date(2025, 3, 31))
        cases = {
            "everything": LogFilter(),
            "one month": LogFilter(period=march),
            "topic": LogFilter(topics=("Afval",)),
            "month + platform + kind": LogFilter(period=march, platforms=("X",),
                                                 kinds=("reactie",)),
            "search": LogFilter(search="container"),
        }
        print(f"{'filter':<26}{'rows':>8}{'count s':>9}{'page 1 s':>10}{'page 100 s':>11}"
              f"{'ref s':>7}")
        for name, log_filter in cases.items():
            started = time.perf_counter()
            rows = service.count(log_filter)
            counted = time.perf_counter() - started
            started = time.perf_counter()
            service.list(log_filter, limit=200, newest_first=True)
            first = time.perf_counter() - started
            started = time.perf_counter()
            service.list(log_filter, limit=200, offset=min(rows, 200 * 99), newest_first=True)
            later = time.perf_counter() - started
            print(f"{name:<26}{rows:>8}{counted:>9.3f}{first:>10.3f}{later:>11.3f}"
                  f"{REFERENCE_SECONDS:>7.1f}")
        context.close()


if __name__ == "__main__":
    main()
