"""The store's Connection front: the transaction rules the services rely on."""

import sqlite3

import pytest

from ambtenaar20.core.store.connection import Connection


@pytest.fixture
def pair(tmp_path):
    path = tmp_path / "db.sqlite3"
    db = Connection(sqlite3.connect(path))
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
    other = sqlite3.connect(path)
    yield db, other
    db.close()
    other.close()


def count(conn):
    return conn.execute("SELECT count(*) FROM notes").fetchone()[0]


def test_a_lone_write_is_committed_at_once(pair):
    db, other = pair
    db.execute("INSERT INTO notes (text) VALUES (?)", ["een"])
    assert not db.conn.in_transaction
    assert count(other) == 1


def test_a_failed_write_leaves_no_transaction_open(pair):
    db, other = pair
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO notes (text) VALUES (NULL)")
    assert not db.conn.in_transaction
    db.execute("INSERT INTO notes (text) VALUES ('twee')")
    assert count(other) == 1


def test_atomic_commits_together_or_not_at_all(pair):
    db, other = pair
    with pytest.raises(RuntimeError), db.atomic():
        db.execute("INSERT INTO notes (text) VALUES ('a')")
        assert count(other) == 0  # not visible before the commit
        raise RuntimeError("stop")
    assert count(other) == 0
    with db.atomic():
        db.execute("INSERT INTO notes (text) VALUES ('a')")
        db.execute("INSERT INTO notes (text) VALUES ('b')")
    assert count(other) == 2


def test_nested_atomic_is_a_savepoint(pair):
    db, other = pair
    with db.atomic():
        db.execute("INSERT INTO notes (text) VALUES ('kept')")
        with pytest.raises(RuntimeError), db.atomic():
            db.execute("INSERT INTO notes (text) VALUES ('undone')")
            raise RuntimeError("inner")
    assert [row[0] for row in other.execute("SELECT text FROM notes")] == ["kept"]


def test_atomic_takes_the_write_lock_at_the_start(pair):
    db, other = pair
    with db.atomic():
        other.execute("PRAGMA busy_timeout = 0")
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")


def test_table_api_uses_the_same_connection_and_transactions(pair):
    db, other = pair
    with pytest.raises(RuntimeError), db.atomic():
        db["notes"].insert({"text": "via sqlite-utils"})
        raise RuntimeError("stop")
    assert count(other) == 0
    db["notes"].insert({"text": "via sqlite-utils"})
    assert count(other) == 1
    assert db.table_api.conn is db.conn
    assert "notes" in db.table_names()
