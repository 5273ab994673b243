"""Two processes on one data folder (the window's services and the command line) at once."""

import os
import subprocess
import sys
from collections import Counter

from ambtenaar20.core.app_context import create_app_context
from tests.helpers import REPO_ROOT

ROWS = 150


def start_writer(data_dir, report, tag, *extra):
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "tests.soak.writer", str(data_dir), str(report), "--tag", tag,
         "--rows", str(ROWS), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO_ROOT)


def test_two_processes_write_at_once_without_locked_errors_or_lost_writes(tmp_path):
    data_dir = tmp_path / "data"
    # Both start on a fresh folder at the same moment: creating and migrating races too.
    writers = [start_writer(data_dir, tmp_path / "a.txt", "A"),
               start_writer(data_dir, tmp_path / "b.txt", "B", "--backup-every", "40")]
    outputs = [writer.communicate(timeout=120) for writer in writers]
    for writer, (_out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert "locked" not in err
    context = create_app_context(data_dir, "en")
    try:
        db = context.store.db
        assert context.store.integrity_check() == ["ok"]
        rows = db.execute("select tag, seq from soak_rows").fetchall()
        counter = db.execute("select n from soak_counter").fetchone()[0]
    finally:
        context.close()
    assert Counter(tag for tag, _seq in rows) == {"A": ROWS, "B": ROWS}
    assert sorted(seq for tag, seq in rows if tag == "A") == list(range(1, ROWS + 1))
    assert counter == 2 * ROWS  # no lost update on the shared row
    reported = (tmp_path / "a.txt").read_text().split("\n") + \
        (tmp_path / "b.txt").read_text().split("\n")
    assert len([line for line in reported if line]) == 2 * ROWS
    assert (tmp_path / "soak-B.zip").exists()


def test_connections_opening_one_new_file_at_once_all_get_wal(tmp_path):
    # Four connections switching one new file to WAL at the same moment: SQLite refuses some
    # at once (deadlock guard) instead of waiting; connect() must wait its turn instead.
    import threading

    from ambtenaar20.core.store.database import connect

    for round_number in range(60):
        path = tmp_path / f"new-{round_number}.sqlite3"
        start = threading.Barrier(4)
        errors: list[str] = []
        modes: list[str] = []

        def open_it(path=path, start=start, errors=errors, modes=modes):
            start.wait()
            try:
                db = connect(path)
                modes.append(db.execute("PRAGMA journal_mode").fetchone()[0])
                db.close()
            except Exception as error:  # any failure is what the test reports
                errors.append(repr(error))

        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == [], f"round {round_number}"
        assert modes == ["wal"] * 4
