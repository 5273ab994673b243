"""Copies of the database taken before risky steps (migrations, restores), kept a few deep."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path

#: How many automatic copies of each kind are kept.
KEEP_BACKUPS = 5
BACKUP_SUFFIX = ".sqlite3"


def timestamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def backup_database(source: sqlite3.Connection, backups_dir: Path, reason: str) -> Path:
    """Write a consistent copy of ``source`` (SQLite online backup API) into ``backups_dir``."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    target = backups_dir / f"ambtenaar20-{timestamp()}-{reason}{BACKUP_SUFFIX}"
    partial = target.with_suffix(".partial")
    destination = sqlite3.connect(partial)
    try:
        source.backup(destination)
    finally:
        destination.close()
    partial.replace(target)
    prune_backups(backups_dir, reason)
    return target


def list_backups(backups_dir: Path) -> list[Path]:
    """All backups, newest first."""
    if not backups_dir.is_dir():
        return []
    found = [p for p in backups_dir.glob(f"ambtenaar20-*{BACKUP_SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def prune_backups(backups_dir: Path, reason: str, keep: int = KEEP_BACKUPS) -> None:
    same_kind = [p for p in list_backups(backups_dir) if p.stem.endswith(f"-{reason}")]
    for old in same_kind[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
