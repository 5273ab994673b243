"""``DataVersion`` tells whether any other connection wrote, in this process or another."""

from __future__ import annotations

import sqlite3

import pytest

from ambtenaar20.core.store.data_version import DataVersion


def test_the_version_changes_when_another_connection_commits_and_only_then(tmp_path):
    path = tmp_path / "store.db"
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("CREATE TABLE items (id INTEGER PRIMARY KEY)")
    writer.commit()
    version = DataVersion(path)
    first = version.current()
    assert version.current() == first  # nothing written meanwhile
    writer.execute("INSERT INTO items DEFAULT VALUES")
    writer.commit()
    second = version.current()
    assert second != first
    assert version.current() == second
    version.close()
    assert version.current() is None
    writer.close()


def test_it_never_creates_the_database(tmp_path):
    version = DataVersion(tmp_path / "missing.db")
    with pytest.raises(sqlite3.OperationalError):
        version.current()
    assert not (tmp_path / "missing.db").exists()
