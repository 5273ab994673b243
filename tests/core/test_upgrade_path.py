"""Data made by an earlier version (fixtures kept in tests/fixtures) opens and migrates safely."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Migrations

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.errors import MigrationError
from ambtenaar20.core.store import schema
from tests.helpers import use_migration_sets

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DATABASES = sorted(FIXTURES.glob("schema-*.sqlite3"))
BACKUPS = sorted(FIXTURES.glob("backup-*.zip"))


def test_fixtures_exist():
    assert DATABASES and BACKUPS


def next_version(monkeypatch, fail=False):
    """This app plus one new migration, as the next release would have."""
    upcoming = Migrations("ambtenaar20.upcoming")

    @upcoming(name="0001_new_table")
    def _new(db):
        db["new_table"].create({"id": int}, pk="id")
        if fail:
            raise RuntimeError("migration bug")

    use_migration_sets(monkeypatch, [*schema.migration_sets(), upcoming])


def fixture_migrations(path):
    conn = sqlite3.connect(path)
    try:
        return {f"{s}:{n}" for s, n in conn.execute(
            "select migration_set, name from _sqlite_migrations")}
    finally:
        conn.close()


def tables(path):
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    finally:
        conn.close()


@pytest.mark.parametrize("fixture", DATABASES, ids=lambda p: p.name)
def test_old_database_opens_and_migrates_with_a_backup_first(tmp_path, monkeypatch, fixture):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(fixture, data / "ambtenaar20.sqlite3")
    done = fixture_migrations(fixture)
    next_version(monkeypatch)
    # Everything this version knows that the old database lacks, in the order of the sets.
    expected = [f"{s.name}:{m.name}" for s in schema.migration_sets() for m in s._migrations
                if f"{s.name}:{m.name}" not in done]
    context = create_app_context(data, "nl")
    try:
        assert context.store.db["app_meta"].get("fixture")["value"]
        assert "new_table" in context.store.db.table_names()
        report = context.open_report
        assert report.applied == expected
        assert expected[-1] == "ambtenaar20.upcoming:0001_new_table"
        assert report.backup is not None and "new_table" not in tables(report.backup)
        assert context.store.integrity_check() == ["ok"]
    finally:
        context.close()


@pytest.mark.parametrize("fixture", DATABASES, ids=lambda p: p.name)
def test_failed_migration_leaves_the_old_database_untouched(tmp_path, monkeypatch, fixture):
    data = tmp_path / "data"
    data.mkdir()
    target = data / "ambtenaar20.sqlite3"
    shutil.copyfile(fixture, target)
    next_version(monkeypatch, fail=True)
    context = create_app_context(data, "nl")
    with pytest.raises(MigrationError, match="migration bug"):
        context.store  # noqa: B018
    context.close()
    assert "new_table" not in tables(target)
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("select value from app_meta where key='fixture'").fetchone()
    finally:
        conn.close()


@pytest.mark.parametrize("fixture", BACKUPS, ids=lambda p: p.name)
def test_old_backup_file_restores_and_migrates(tmp_path, monkeypatch, fixture):
    next_version(monkeypatch)
    context = create_app_context(tmp_path / "data", "nl")
    try:
        context.store  # noqa: B018
        result = context.backup.restore(fixture)
        assert result.info.app_version
        assert context.settings.profile.name == "Fixture Ambtenaar"
        assert context.store.db["app_meta"].get("fixture")["value"] == result.info.app_version
        assert "new_table" in context.store.db.table_names()  # migrated after the restore
        assert (tmp_path / "data" / "packs" / "voorbeeld" / "pack.toml").exists()
    finally:
        context.close()
