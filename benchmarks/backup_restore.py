"""Backup and restore of a large data folder, next to a plain file copy of the same database.

    python benchmarks/backup_restore.py [--rows 60000]

The rows look like feed items (title, text, link); the reference is ``shutil.copyfile`` of the
database and ``zipfile`` deflating it, the least any backup must do.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ambtenaar20.core.app_context import create_app_context

WORDS = ("gemeente beleid burger participatie omgevingswet klimaat energie wonen zorg jeugd "
         "verkeer fiets inspraak raad wethouder begroting subsidie wijk buurt").split()


def fill(context, rows: int) -> None:
    rng = random.Random(1)
    db = context.store.db
    db.execute("create table bench_items (id integer primary key, title text, body text, "
               "link text)")
    with db.atomic():
        for index in range(rows):
            body = " ".join(rng.choice(WORDS) for _ in range(80))
            db.execute("insert into bench_items (title, body, link) values (?, ?, ?)",
                       [f"Bericht {index}", body, f"https://example.nl/item/{index}"])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=60_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        context = create_app_context(work / "data", "en")
        fill(context, args.rows)
        database = context.paths.database
        size_mb = database.stat().st_size / 1e6
        copy_s = timed(lambda: shutil.copyfile(database, work / "copy.sqlite3"))

        def deflate():
            with zipfile.ZipFile(work / "plain.zip", "w", zipfile.ZIP_DEFLATED) as zf:
                zf.write(database, "db")

        deflate_s = timed(deflate)
        backup_s = timed(lambda: context.backup.create(work / "b.zip"))
        inspect_s = timed(lambda: context.backup.inspect(work / "b.zip"))
        restore_s = timed(lambda: context.backup.restore(work / "b.zip"))
        backup_mb = (work / "b.zip").stat().st_size / 1e6
        context.close()
    print(f"database                     : {size_mb:7.1f} MB ({args.rows} rows)")
    print(f"reference: copyfile          : {copy_s:7.2f} s")
    print(f"reference: copyfile + deflate: {copy_s + deflate_s:7.2f} s")
    print(f"backup                       : {backup_s:7.2f} s "
          f"({backup_s / (copy_s + deflate_s):.2f}x reference; file {backup_mb:.1f} MB)")
    print(f"check only (inspect)         : {inspect_s:7.2f} s")
    print(f"restore                      : {restore_s:7.2f} s "
          "(check + backup of the current state + swap)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
