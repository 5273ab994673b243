"""Opening the database: pragmas, migrations, backups, damaged files, newer schemas."""

import sqlite3

import pytest
from sqlite_utils import Migrations

from ambtenaar20.core.errors import CorruptDatabaseError, DatabaseTooNewError, MigrationError
from ambtenaar20.core.store import backups, database, schema
from ambtenaar20.core.store.generation import SCHEMA_GENERATION
from tests.helpers import run_python, use_migration_sets


@pytest.fixture
def paths(tmp_path):
    return tmp_path / "ambtenaar20.sqlite3", tmp_path / "backups"


def applied(path):
    conn = sqlite3.connect(path)
    try:
        return [tuple(r) for r in conn.execute(
            "select migration_set, name from _sqlite_migrations order by id")]
    finally:
        conn.close()


def test_new_database_gets_schema_and_pragmas(paths):
    db_path, backups_dir = paths
    store, report = database.open_store(db_path, backups_dir)
    try:
        assert report.created
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert "app_meta" in store.db.table_names()
    finally:
        store.close()
    assert ("ambtenaar20.core", "0001_app_meta") in applied(db_path)
    assert backups.list_backups(backups_dir) == []  # nothing to back up for a new file


def test_migrations_are_applied_once(paths):
    db_path, backups_dir = paths
    for _ in range(3):
        store, report = database.open_store(db_path, backups_dir)
        store.close()
    assert report.applied == []
    assert applied(db_path).count(("ambtenaar20.core", "0001_app_meta")) == 1


def test_schema_generation_counts_every_migration():
    assert sum(len(s._migrations) for s in schema.migration_sets()) == SCHEMA_GENERATION


def test_a_current_file_opens_without_loading_the_migrations(paths):
    db_path, backups_dir = paths
    database.open_store(db_path, backups_dir)[0].close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_GENERATION
    conn.close()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from ambtenaar20.core.store import database\n"
        f"store, report = database.open_store(Path({str(db_path)!r}), Path({str(backups_dir)!r}))\n"
        "assert store.db.execute('SELECT count(*) FROM app_meta').fetchone()[0] >= 2\n"
        "assert report.applied == []\n"
        "store.close()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('sqlite_utils', "
        "'ambtenaar20.core.store.migrate'))))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_file_with_an_older_generation_is_migrated(paths, monkeypatch):
    db_path, backups_dir = paths
    extra = Migrations("ambtenaar20.test")

    @extra(name="0001_notes")
    def _notes(db):
        db["notes"].create({"id": int}, pk="id")

    database.open_store(db_path, backups_dir)[0].close()
    use_migration_sets(monkeypatch, [*schema.migration_sets(), extra])
    store, report = database.open_store(db_path, backups_dir)
    try:
        assert report.applied == ["ambtenaar20.test:0001_notes"]
        assert "notes" in store.db.table_names()
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_GENERATION + 1
    finally:
        store.close()


def extra_set(monkeypatch, fail=False):
    extra = Migrations("ambtenaar20.test")

    @extra(name="0001_notes")
    def _notes(db):
        db["notes"].create({"id": int, "text": str}, pk="id")
        if fail:
            raise RuntimeError("disk on fire")

    use_migration_sets(monkeypatch, [schema.core_migrations, extra])
    return extra


def test_backup_is_made_before_pending_migrations(paths, monkeypatch):
    db_path, backups_dir = paths
    store, _ = database.open_store(db_path, backups_dir)
    store.db["app_meta"].insert({"key": "marker", "value": "before"})
    store.close()

    extra_set(monkeypatch)
    store, report = database.open_store(db_path, backups_dir)
    store.close()
    assert report.applied == ["ambtenaar20.test:0001_notes"]
    assert report.backup is not None and report.backup.exists()
    copy = sqlite3.connect(report.backup)
    try:
        tables = {r[0] for r in copy.execute("select name from sqlite_master where type='table'")}
        marker = copy.execute("select value from app_meta where key='marker'").fetchone()
    finally:
        copy.close()
    assert "notes" not in tables  # the copy is the state before the migration
    assert marker == ("before",)


def test_old_backups_are_pruned(tmp_path):
    source = sqlite3.connect(":memory:")
    for _ in range(backups.KEEP_BACKUPS + 3):
        backups.backup_database(source, tmp_path, "before-migration")
    assert len(backups.list_backups(tmp_path)) == backups.KEEP_BACKUPS


def test_failed_migration_leaves_database_as_before(paths, monkeypatch):
    db_path, backups_dir = paths
    database.open_store(db_path, backups_dir)[0].close()
    extra_set(monkeypatch, fail=True)
    with pytest.raises(MigrationError, match="disk on fire"):
        database.open_store(db_path, backups_dir)
    conn = sqlite3.connect(db_path)
    try:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    finally:
        conn.close()
    assert "notes" not in tables
    assert ("ambtenaar20.test", "0001_notes") not in applied(db_path)


def test_database_from_newer_app_is_refused(paths, monkeypatch):
    db_path, backups_dir = paths
    extra_set(monkeypatch)
    database.open_store(db_path, backups_dir)[0].close()
    # This app version knows the set but not its newest migration.
    use_migration_sets(monkeypatch, [schema.core_migrations, Migrations("ambtenaar20.test")])
    with pytest.raises(DatabaseTooNewError, match="0001_notes"):
        database.open_store(db_path, backups_dir)


def test_non_sqlite_file_is_refused_and_untouched(paths):
    db_path, backups_dir = paths
    content = b"this is a spreadsheet, not a database\n" * 100
    db_path.write_bytes(content)
    with pytest.raises(CorruptDatabaseError, match="geen SQLite-bestand"):
        database.open_store(db_path, backups_dir)
    assert db_path.read_bytes() == content


def damage(db_path):
    """Overwrite the middle of the file: the header survives, the pages do not."""
    data = bytearray(db_path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset + 8:offset + 200] = b"\xff" * 192
    db_path.write_bytes(bytes(data))
    return bytes(data)


def test_damaged_database_is_refused_and_untouched(paths):
    db_path, backups_dir = paths
    store, _ = database.open_store(db_path, backups_dir)
    store.db["app_meta"].insert_all({"key": f"k{i}", "value": "x" * 500} for i in range(200))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    damaged = damage(db_path)
    with pytest.raises(CorruptDatabaseError) as caught:
        database.open_store(db_path, backups_dir)
    assert "beschadigd" in str(caught.value)
    assert db_path.read_bytes() == damaged


def test_set_aside_and_restore_newest_backup(paths, monkeypatch):
    db_path, backups_dir = paths
    store, _ = database.open_store(db_path, backups_dir)
    store.db["app_meta"].insert({"key": "marker", "value": "kept"})
    store.close()
    extra_set(monkeypatch)
    database.open_store(db_path, backups_dir)[0].close()  # writes a backup
    db_path.write_bytes(b"garbage")

    moved = database.set_aside(db_path)
    assert moved.read_bytes() == b"garbage"
    assert not db_path.exists()
    database.restore_backup(db_path, backups.list_backups(backups_dir)[0])
    store, _ = database.open_store(db_path, backups_dir)
    try:
        assert store.db["app_meta"].get("marker")["value"] == "kept"
    finally:
        store.close()


def test_each_thread_gets_its_own_connection(paths):
    import threading

    store, _ = database.open_store(*paths)
    seen = []
    thread = threading.Thread(target=lambda: seen.append(store.db))
    thread.start()
    thread.join()
    try:
        assert seen[0] is not store.db
        assert seen[0].execute("select count(*) from app_meta").fetchone()[0] >= 2
    finally:
        store.close()


def test_threads_asking_for_the_store_at_once_open_it_once(data_dir):
    import threading

    from ambtenaar20.core.app_context import create_app_context

    context = create_app_context(data_dir, "nl")
    stores, errors = [], []

    def ask():
        try:
            stores.append(context.store)
        except Exception as error:  # collected, so the assertion below names it
            errors.append(error)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        assert len({id(store) for store in stores}) == 1
    finally:
        context.close()


def test_opens_without_writing_only_a_current_wal_database(paths):
    db_path, backups_dir = paths
    assert not database.opens_without_writing(db_path)  # no file: it would be created
    store, _report = database.open_store(db_path, backups_dir)
    store.close()
    assert database.opens_without_writing(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_GENERATION - 1}")  # a migration is due
    conn.close()
    assert not database.opens_without_writing(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_GENERATION}")
    conn.execute("PRAGMA journal_mode = DELETE")  # the switch to WAL would be a write
    conn.close()
    assert not database.opens_without_writing(db_path)
    db_path.write_bytes(b"not a database at all" * 10)
    assert not database.opens_without_writing(db_path)
