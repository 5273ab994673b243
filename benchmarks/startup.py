"""Start-up: ``gui --smoke-test`` against a bare PySide6 QMainWindow, whole processes, one run.

    python benchmarks/startup.py [--runs N] [--items N]

Prints the median wall-clock time of each whole process and the ratio (goal: <= 1.5x), plus
the app's own ``ready_ms`` (first paint) and ``populated_ms`` (the area on screen shows its
data: topics, feeds and the first page of items). A second reference, ``plain_window.py``, is
the same kinds of widgets without the app: what PySide6 costs for such a window. A third,
``lean_window.py``, shows the same data from the same database with the least code PySide6
allows, once bare and once with what #2 requires of every start (log file, integrity check,
one-window lock, translations): the floor the app's figure can be held against.
The data dir is filled with N feed items when the feeds area provides
``benchmarks/fill_items.py`` (fill_items(data_dir, n)); otherwise it says so and measures an
empty data dir.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return time.perf_counter() - start, result.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--items", type=int, default=20_000)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    # Measured as installed: a wheel install leaves compiled bytecode, so compile it here too
    # rather than timing the compiler on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(ROOT / "ambtenaar20", quiet=1)
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = Path(scratch) / "data"
        sys.path.insert(0, str(ROOT))
        try:
            from benchmarks.fill_items import fill_items
        except ImportError:
            print(f"note: no item filler yet; measuring an empty data dir, not {args.items} items")
        else:
            fill_items(data_dir, args.items)
            print(f"data dir filled with {args.items} items")
        app = [sys.executable, "-m", "ambtenaar20", "--data-dir", str(data_dir), "gui",
               "--smoke-test"]
        bare = [sys.executable, str(ROOT / "benchmarks" / "bare_qmainwindow.py")]
        plain = [sys.executable, str(ROOT / "benchmarks" / "plain_window.py")]
        lean = [sys.executable, str(ROOT / "benchmarks" / "lean_window.py"), str(data_dir),
                str(ROOT / "ambtenaar20" / "locale")]
        required = dict(env, LEAN_PARTS="log,check,lock,translate")
        timed(app, env)  # first run writes the schema and warms the file cache
        bare_times, plain_times, app_times, reports = [], [], [], []
        lean_times, required_times = [], []
        for _ in range(args.runs):  # interleaved, so all see the same machine load
            bare_times.append(timed(bare, env)[0])
            plain_times.append(timed(plain, env)[0])
            lean_times.append(timed(lean, env)[0])
            required_times.append(timed(lean, required)[0])
            seconds, out = timed(app, env)
            app_times.append(seconds)
            reports.append(json.loads(out.strip().splitlines()[-1]))
    bare_median, app_median = statistics.median(bare_times), statistics.median(app_times)
    print(f"bare QMainWindow process     : {bare_median * 1000:7.0f} ms (median of {args.runs})")
    plain_median = statistics.median(plain_times)
    print(f"same widgets, no app (plain) : {plain_median * 1000:7.0f} ms "
          f"({plain_median / bare_median:.2f}x bare)")
    for label, times in (("same data, least code (lean)", lean_times),
                         ("lean + #2's required parts  ", required_times)):
        median = statistics.median(times)
        print(f"{label} : {median * 1000:7.0f} ms ({median / bare_median:.2f}x bare)")
    print(f"ambtenaar20 gui --smoke-test : {app_median * 1000:7.0f} ms")
    print(f"ratio                        : {app_median / bare_median:7.2f}x (goal <= 1.5x)")
    ready = statistics.median(r["ready_ms"] for r in reports)
    print(f"ready_ms (first paint)       : {ready:7.0f}")
    print(f"populated_ms (data on screen): "
          f"{statistics.median(r['populated_ms'] for r in reports):7.0f}")


if __name__ == "__main__":
    main()
