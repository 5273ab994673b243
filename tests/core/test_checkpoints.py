"""Checkpoints beside a long write: the log is copied by the thread, nothing is lost."""

from __future__ import annotations

import os
import threading

import pytest

from ambtenaar20.core.store.checkpoints import BackgroundCheckpoints
from ambtenaar20.core.store.database import connect

ROW = "x" * 2_000  # a page of text per row, so that a few hundred rows fill the log


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "store.sqlite3"
    connection = connect(path)
    connection.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, text TEXT)")
    yield connection, path
    connection.close()


def write_batches(db, batches: int, checkpoints: BackgroundCheckpoints | None = None) -> None:
    for _batch in range(batches):
        with db.atomic():
            db.conn.executemany("INSERT INTO rows (text) VALUES (?)", [(ROW,)] * 500)
        if checkpoints is not None:
            checkpoints.committed()


def autocheckpoint(db) -> int:
    return db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]


def test_the_thread_checkpoints_and_the_writer_does_not(db):
    connection, path = db
    assert autocheckpoint(connection) == 1000
    with BackgroundCheckpoints(connection, path) as checkpoints:
        assert autocheckpoint(connection) == 0
        write_batches(connection, 6, checkpoints)
        thread = next(t for t in threading.enumerate() if t.name == "wal-checkpoint")
        assert thread.daemon
    assert not thread.is_alive()
    assert autocheckpoint(connection) == 1000
    assert 1 <= checkpoints.runs <= 6
    # Every row reached the database file itself (the last commit's checkpoint is waited
    # for), not only the log.
    assert os.path.getsize(path) > 3_000 * 2_000
    busy, log_frames, copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert (busy, copied) == (0, log_frames)


def test_without_checkpoints_the_log_only_grows(db):
    # The reference for the test above: with the writer's checkpoints off and nobody else
    # checkpointing, the database file stays as small as it was.
    connection, path = db
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    before = os.path.getsize(path)
    write_batches(connection, 6)
    assert os.path.getsize(path) == before
    assert os.path.getsize(f"{path}-wal") > 3_000 * 2_000


def test_nothing_is_lost_and_a_reader_sees_every_commit(db):
    connection, path = db
    reader = connect(path)
    try:
        with BackgroundCheckpoints(connection, path) as checkpoints:
            for batch in range(1, 5):
                write_batches(connection, 1, checkpoints)
                assert reader.execute("SELECT count(*) FROM rows").fetchone()[0] == 500 * batch
        assert reader.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        reader.close()


def test_an_error_inside_restores_the_writers_setting(db):
    connection, path = db
    connection.execute("PRAGMA wal_autocheckpoint = 250")
    with pytest.raises(RuntimeError), BackgroundCheckpoints(connection, path):
        raise RuntimeError("a write failed")
    assert autocheckpoint(connection) == 250
