"""A child process that writes as the window's services do: log entries and drafts.

    python -m tests.integration.area_writer DATA_DIR STOP_FILE

Writes until STOP_FILE exists (at most MAX_WRITES), so its writes overlap whatever the parent
does meanwhile. Prints one line per committed write ("log N" / "draft N"), flushed, so the
parent knows what must be in the database afterwards.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ambtenaar20.core.app_context import create_app_context

MAX_WRITES = 20_000
#: A pause between writes, as an officer's window would make them; keeps the run bounded.
PAUSE_S = 0.005


def main(data_dir: str, stop_file: Path) -> None:
    context = create_app_context(data_dir, "en")
    try:
        for number in range(MAX_WRITES):
            if stop_file.exists():
                break
            entry = context.logbook.add(platform="X", kind="reactie", topic="Soak",
                                        summary=f"entry {number}", minutes=1)
            print(f"log {entry.id}", flush=True)
            if number % 3 == 0:
                draft = context.drafting.drafts.create(f"concept {number}", "Soak", ["x"])
                context.drafting.drafts.save_text(draft.id, f"concept {number}, bewerkt")
                print(f"draft {draft.id}", flush=True)
            time.sleep(PAUSE_S)
    finally:
        context.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
