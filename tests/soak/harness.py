"""Kill -9 soak: a writer child is killed at random moments; nothing committed may be lost.

Each round starts ``tests.soak.writer`` on the same data folder (writing rows, and every few
rows making a backup and restoring it at once), kills it with SIGKILL after a random delay,
then opens the folder the way the app does and checks: restores cut off half-way are completed,
the settings file is intact, ``PRAGMA integrity_check`` is ok, every row the child reported as
committed is there, and each transaction was all-or-nothing (the shared counter equals the row
count). Used by ``tests/soak/test_soak.py`` (short) and ``benchmarks/soak_kill9.py`` (long).
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
START_TIMEOUT_S = 60


@dataclass
class SoakResult:
    rounds: int = 0
    rows_committed: int = 0
    completed_restores: int = 0
    cleared_work_folders: int = 0
    problems: list[str] = field(default_factory=list)


def _reported(report: Path) -> set[tuple[str, int]]:
    if not report.exists():
        return set()
    text = report.read_text(encoding="ascii", errors="replace")
    rows = set()
    for line in text.split("\n")[:-1]:  # the last piece may be cut off by the kill
        tag, _space, seq = line.partition(" ")
        rows.add((tag, int(seq)))
    return rows


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep)
    return env


def check_folder(data_dir: Path, report: Path, result: SoakResult) -> None:
    """Open ``data_dir`` as the app does and compare it with what the child reported."""
    from ambtenaar20.core.app_context import create_app_context
    from ambtenaar20.core.backup import swap

    for done in swap.finish_interrupted(data_dir):
        if done.startswith("completed"):
            result.completed_restores += 1
        else:
            result.cleared_work_folders += 1
    context = create_app_context(data_dir, "en")
    try:
        if context.settings_problem:
            result.problems.append(f"round {result.rounds}: settings: {context.settings_problem}")
        integrity = context.store.integrity_check()
        if integrity != ["ok"]:
            result.problems.append(f"round {result.rounds}: integrity_check: {integrity[:3]}")
        db = context.store.db
        if "soak_rows" not in db.table_names():
            return
        present = {(tag, seq) for tag, seq in db.execute("select tag, seq from soak_rows")}
        counter = db.execute("select n from soak_counter").fetchone()[0]
    finally:
        context.close()
    missing = _reported(report) - present
    if missing:
        result.problems.append(f"round {result.rounds}: {len(missing)} committed rows lost, "
                               f"e.g. {sorted(missing)[:3]}")
    if counter != len(present):
        result.problems.append(f"round {result.rounds}: counter {counter} != rows {len(present)}")
    result.rows_committed = len(present)


def run_soak(work_dir: Path, rounds: int, seed: int = 0, max_delay: float = 0.6,
             backup_every: int = 12, smoke_test: bool = True) -> SoakResult:
    rng = random.Random(seed)
    data_dir = work_dir / "data"
    report = work_dir / "committed.txt"
    result = SoakResult()
    for index in range(rounds):
        result.rounds += 1
        # Every other round the child pauses before each rename of a restore, so some kills
        # land in the middle of the swap and the journal has to complete it.
        slow = ["--slow-swap", "0.05"] if index % 2 else []
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.soak.writer", str(data_dir), str(report),
             "--tag", "S", "--backup-every", str(backup_every), "--restore", *slow],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_child_env(),
            cwd=REPO_ROOT)
        # Bounded wait: a child that hangs must fail the round, not the whole run.
        started, _w, _x = select.select([child.stdout], [], [], START_TIMEOUT_S)
        ready = child.stdout.readline().strip() if started else ""
        if ready != "ready":
            child.kill()
            _out, err = child.communicate()
            result.problems.append(f"round {result.rounds}: child did not start: {err[-500:]}")
            continue
        time.sleep(rng.uniform(0.0, max_delay))
        if child.poll() is not None:
            _out, err = child.communicate()
            result.problems.append(f"round {result.rounds}: child died by itself: {err[-500:]}")
            continue
        os.kill(child.pid, signal.SIGKILL)
        child.communicate()
        check_folder(data_dir, report, result)
    if smoke_test:
        started = subprocess.run(
            [sys.executable, "-m", "ambtenaar20", "--data-dir", str(data_dir), "gui",
             "--smoke-test"], capture_output=True, text=True, env=_child_env(), cwd=REPO_ROOT,
            timeout=120)
        if started.returncode != 0:
            result.problems.append(f"app did not start afterwards: {started.stderr[-500:]}")
    return result
