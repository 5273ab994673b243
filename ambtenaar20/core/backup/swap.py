"""Replacing the data folder's contents with a restored state, never leaving half of it.

Several files (database, settings, packs folder, word lists) cannot be renamed in one step, so a
restore works like a small journal:

1. Everything new is written and checked in a work folder inside the data folder
   (``.restore-<pid>-<time>/new``), on the same disk, so the final steps are renames.
2. ``journal.json`` is written (atomically, synced). This is the point of no return: before it
   exists nothing in the data folder has changed; after it exists, the restore is completed.
3. Each entry is swapped: the current one is renamed into ``old/``, the new one into place.
   The database's ``-wal``/``-shm`` companions are moved away *first*, so an old write-ahead log
   can never be applied to the restored database.
4. The journal is deleted, then the work folder.

If the process dies during step 3, ``finish_interrupted`` (run whenever the app starts) sees the
journal and completes the same steps; each step checks what is already done. A work folder
without a journal is an abandoned attempt and is removed. The process id in the folder name
keeps a second process from finishing a restore that is still running.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from ambtenaar20.core.atomic_file import atomic_write_text
from ambtenaar20.core.backup.process_probe import pid_alive

log = logging.getLogger(__name__)

RESTORE_PREFIX = ".restore-"
WORK_PREFIX = ".backup-"
JOURNAL = "journal.json"


def work_dir_name(prefix: str) -> str:
    return f"{prefix}{os.getpid()}-{time.time_ns()}"


def _owner_pid(folder: Path) -> int:
    try:
        return int(folder.name.split("-")[1])
    except (IndexError, ValueError):
        return 0


@dataclass
class RestorePlan:
    """What the swap will do: entries to replace (present in ``new/``) and entries to remove."""

    data_dir: Path
    stage: Path
    replace: list[str]
    remove: list[str]

    @property
    def new_dir(self) -> Path:
        return self.stage / "new"

    @property
    def old_dir(self) -> Path:
        return self.stage / "old"


def new_stage(data_dir: Path) -> Path:
    stage = data_dir / work_dir_name(RESTORE_PREFIX)
    (stage / "new").mkdir(parents=True)
    (stage / "old").mkdir()
    return stage


def commit(plan: RestorePlan) -> None:
    """Write the journal (the point of no return), then carry out the swap."""
    _sync_tree(plan.new_dir)
    atomic_write_text(plan.stage / JOURNAL, json.dumps(
        {"replace": plan.replace, "remove": plan.remove}, indent=1))
    _roll_forward(plan)


def _roll_forward(plan: RestorePlan) -> None:
    for name in plan.remove:
        _move_aside(plan, name)
    for name in plan.replace:
        new = plan.new_dir / name
        if not os.path.lexists(new):
            continue  # already in place
        _move_aside(plan, name)
        os.replace(new, plan.data_dir / name)
    _fsync_dir(plan.data_dir)
    (plan.stage / JOURNAL).unlink()
    _fsync_dir(plan.stage)
    shutil.rmtree(plan.stage, ignore_errors=True)


def _move_aside(plan: RestorePlan, name: str) -> None:
    current = plan.data_dir / name
    if not os.path.lexists(current):
        return
    target = plan.old_dir / name
    counter = 0
    while os.path.lexists(target):  # only after a crash between two steps
        counter += 1
        target = plan.old_dir / f"{name}.{counter}"
    os.replace(current, target)


def finish_interrupted(data_dir: Path) -> list[str]:
    """Complete restores that were cut off and clear abandoned work folders; what was done."""
    done: list[str] = []
    try:
        entries = list(data_dir.iterdir())
    except OSError:
        return done
    for folder in entries:
        if not folder.name.startswith((RESTORE_PREFIX, WORK_PREFIX)) or not folder.is_dir():
            continue
        owner = _owner_pid(folder)
        if owner != os.getpid() and pid_alive(owner):
            continue  # another process is still working in it
        journal = folder / JOURNAL
        if folder.name.startswith(RESTORE_PREFIX) and journal.exists():
            try:
                steps = json.loads(journal.read_text("utf-8"))
                plan = RestorePlan(data_dir, folder, list(steps["replace"]),
                                   list(steps["remove"]))
            except (OSError, ValueError, KeyError, TypeError):
                log.error("restore journal %s unreadable; left in place for inspection", journal)
                continue
            log.warning("completing an interrupted restore from %s", folder.name)
            _roll_forward(plan)
            done.append(f"completed {folder.name}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
            done.append(f"removed {folder.name}")
    return done


def _sync_tree(root: Path) -> None:
    """Make the staged files durable before the journal says they are complete."""
    for directory, _dirs, files in os.walk(root):
        for name in files:
            with contextlib.suppress(OSError), open(os.path.join(directory, name), "rb+") as fh:
                os.fsync(fh.fileno())
        _fsync_dir(Path(directory))


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
