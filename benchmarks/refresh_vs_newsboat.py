"""Refresh of 50 feeds x 100 items on loopback: ``ambtenaar20`` against ``newsboat -x reload``.

    python benchmarks/refresh_vs_newsboat.py [--feeds 50] [--items 100] [--runs 5]

Whole processes, medians. Cold: from a subscription list to all items stored (ambtenaar20:
``feeds import`` of the OPML plus ``refresh``; newsboat: ``-x reload`` with an empty cache).
Warm: the same refresh again, when every feed answers 304. Goal: both <= 1.0x newsboat.
Sentiment is not part of the refresh (it follows it; see core/feeds/refresh.py), so it is not
timed.

The app is measured as installed: an installed wheel ships compiled ``.pyc`` files, so the
package is byte-compiled first (``compileall``) and ``PYTHONDONTWRITEBYTECODE`` is dropped from
the children's environment. Without this, a shell that sets that variable made every process
compile all of the app's modules again, which is not what an officer's laptop does.
``--no-bytecode`` measures the old way (no ``.pyc`` for the app), for comparison.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from feed_corpus import LoopbackFeeds

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def child_env(bytecode: bool) -> dict[str, str]:
    """The environment of the measured processes: with compiled modules unless told not to."""
    env = dict(os.environ)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def prepare_bytecode(bytecode: bool) -> None:
    """Compile the package as an install would, or remove its ``.pyc`` for ``--no-bytecode``."""
    package = ROOT / "ambtenaar20"
    if bytecode:
        compileall.compile_dir(package, quiet=1)
        return
    for cache in package.rglob("__pycache__"):
        shutil.rmtree(cache)


def run_ambtenaar(urls: list[str], work: Path, base_env: dict[str, str]) -> tuple[float, float]:
    data = work / "data"
    opml = work / "feeds.opml"
    outlines = "".join(f'<outline type="rss" text="f" xmlUrl="{url}"/>' for url in urls)
    opml.write_text(f'<opml version="2.0"><head/><body>{outlines}</body></opml>')
    env = {**base_env, "PYTHONPATH": str(ROOT), "AMBTENAAR20_DATA_DIR": str(data)}
    base = [sys.executable, "-m", "ambtenaar20", "--data-dir", str(data)]
    cold = timed([*base, "feeds", "import", str(opml)], env) + timed([*base, "refresh"], env)
    warm = timed([*base, "refresh"], env)
    return cold, warm


def run_newsboat(urls: list[str], work: Path, base_env: dict[str, str]) -> tuple[float, float]:
    home = work / "home"
    home.mkdir()
    url_file = work / "urls"
    url_file.write_text("\n".join(urls) + "\n")
    env = {**base_env, "HOME": str(home)}
    command = ["newsboat", "-u", str(url_file), "-c", str(work / "cache.db"), "-x", "reload"]
    return timed(command, env), timed(command, env)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-bytecode", action="store_true",
                        help="measure without compiled modules for the app (the old way)")
    args = parser.parse_args()
    bytecode = not args.no_bytecode
    prepare_bytecode(bytecode)
    base_env = child_env(bytecode)
    if shutil.which("newsboat") is None:
        sys.exit("newsboat is not installed (Debian: apt-get install newsboat)")
    server = LoopbackFeeds(args.feeds, args.items)
    results: dict[str, list[tuple[float, float]]] = {"ambtenaar20": [], "newsboat": []}
    try:
        for _run in range(args.runs):
            for name, runner in (("newsboat", run_newsboat), ("ambtenaar20", run_ambtenaar)):
                with tempfile.TemporaryDirectory() as tmp:
                    results[name].append(runner(server.urls(), Path(tmp), base_env))
    finally:
        server.stop()
    print(f"{args.feeds} feeds x {args.items} items on loopback, median of {args.runs} runs, "
          f"{'with' if bytecode else 'without'} compiled modules")
    print(f"{'':12}{'cold':>10}{'warm (304)':>12}")
    medians = {}
    for name, runs in results.items():
        cold = statistics.median(r[0] for r in runs)
        warm = statistics.median(r[1] for r in runs)
        medians[name] = (cold, warm)
        print(f"{name:12}{cold * 1000:>8.0f} ms{warm * 1000:>9.0f} ms")
    ours, theirs = medians["ambtenaar20"], medians["newsboat"]
    print(f"{'ratio':12}{ours[0] / theirs[0]:>9.2f}x{ours[1] / theirs[1]:>11.2f}x"
          "   (goal <= 1.0x)")


if __name__ == "__main__":
    main()
