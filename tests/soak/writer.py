"""A child process that writes to a data folder the way the app does, for the soak and
concurrency tests: it reports every committed row (fsynced) so a parent can check, after killing
it, that nothing committed was lost.

    python -m tests.soak.writer DATA_DIR REPORT --tag A [--rows N] [--backup-every K] [--restore]

Each row is written in a read-then-write transaction (read the tag's last sequence number, add
the next one, bump a shared counter), the pattern that fails with "database is locked" when
transactions start deferred. With ``--restore`` every backup is restored at once, so the
restored state still holds every reported row.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ambtenaar20.core.app_context import create_app_context

SCHEMA = (
    "create table if not exists soak_rows (id integer primary key, tag text not null, "
    "seq integer not null, payload text not null, unique(tag, seq))",
    "create table if not exists soak_counter (name text primary key, n integer not null)",
    "insert or ignore into soak_counter (name, n) values ('all', 0)",
)


def prepare(db) -> None:
    with db.atomic():
        for statement in SCHEMA:
            db.execute(statement)


def write_one(db, tag: str) -> int:
    with db.atomic():
        last = db.execute("select coalesce(max(seq), 0) from soak_rows where tag = ?",
                          [tag]).fetchone()[0]
        seq = last + 1
        db.execute("insert into soak_rows (tag, seq, payload) values (?, ?, ?)",
                   [tag, seq, f"{tag}-{seq}-" + "x" * (seq % 700)])
        db.execute("update soak_counter set n = n + 1 where name = 'all'")
    return seq


def slow_down_swap(pause: float) -> None:
    """Widen the window in which a restore is half swapped (test child only)."""
    import time

    from ambtenaar20.core.backup import swap

    real_replace = os.replace

    class SlowOs:
        def __getattr__(self, name):
            return getattr(os, name)

        @staticmethod
        def replace(source, target):
            time.sleep(pause)
            real_replace(source, target)

    swap.os = SlowOs()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir")
    parser.add_argument("report")
    parser.add_argument("--tag", default="A")
    parser.add_argument("--rows", type=int, default=0, help="0: until killed")
    parser.add_argument("--backup-every", type=int, default=0)
    parser.add_argument("--restore", action="store_true")
    parser.add_argument("--slow-swap", type=float, default=0.0,
                        help="pause before each rename of a restore, so kills land there")
    args = parser.parse_args(argv)
    if args.slow_swap:
        slow_down_swap(args.slow_swap)

    context = create_app_context(args.data_dir, "en")
    prepare(context.store.db)
    backup_file = Path(args.data_dir).parent / f"soak-{args.tag}.zip"
    report = open(args.report, "a", encoding="ascii")  # noqa: SIM115 - held for the whole run
    print("ready", flush=True)
    written = 0
    while not args.rows or written < args.rows:
        seq = write_one(context.store.db, args.tag)
        written += 1
        report.write(f"{args.tag} {seq}\n")
        report.flush()
        os.fsync(report.fileno())
        if args.backup_every and written % args.backup_every == 0:
            context.settings.profile.function = f"seq {seq}"
            context.save_settings()
            context.backup.create(backup_file)
            if args.restore:
                context.backup.restore(backup_file)
    context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
