"""Long kill -9 soak: many rounds of writing, backing up and restoring, killed at random.

    python benchmarks/soak_kill9.py [--rounds 50] [--seed 1] [--keep DIR]

Prints what happened (rows committed, restores completed after a kill, work folders cleared)
and every problem found; exits 1 when anything committed was lost or the database was damaged.
The short version runs in the test suite (``tests/soak/test_soak.py``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.soak.harness import run_soak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay", type=float, default=1.0,
                        help="longest time a round runs before the kill (seconds)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        result = run_soak(work, rounds=args.rounds, seed=args.seed, max_delay=args.max_delay)
        elapsed = time.monotonic() - started
    print(f"rounds                      : {result.rounds}")
    print(f"rows committed and present  : {result.rows_committed}")
    print(f"restores completed after -9 : {result.completed_restores}")
    print(f"abandoned work folders      : {result.cleared_work_folders}")
    print(f"wall time                   : {elapsed:.1f} s")
    print(f"problems                    : {len(result.problems)}")
    for problem in result.problems:
        print(f"  - {problem}")
    return 1 if result.problems else 0


if __name__ == "__main__":
    sys.exit(main())
