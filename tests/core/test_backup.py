"""Whole-state backup and restore: round trip, secrets left out, bad backups refused untouched."""

import hashlib
import json
import sqlite3
import threading
import zipfile

import pytest
from sqlite_utils import Migrations

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.backup import archive, members, service
from ambtenaar20.core.errors import BackupError
from ambtenaar20.core.privacy_schema import trust_migrations
from ambtenaar20.core.store import schema
from tests.helpers import use_migration_sets


@pytest.fixture
def context(data_dir):
    made = create_app_context(data_dir, "nl")
    yield made
    made.close()


def fill(context, marker="before"):
    """A realistic small state: profile, a row, an installed pack, a word list."""
    context.settings.profile.name = "Anne de Vries"
    context.save_settings()
    context.store.db["app_meta"].upsert({"key": "marker", "value": marker}, pk="key")
    pack = context.paths.packs_dir / "gemeente-utrecht"
    pack.mkdir(parents=True, exist_ok=True)
    (pack / "pack.toml").write_text(f"name = 'Utrecht {marker}'\n", "utf-8")
    (context.paths.data_dir / "wordlist.txt").write_text(f"ambtelijk\n{marker}\n", "utf-8")


def snapshot(context):
    """Everything a restore must bring back, read from disk and database."""
    data = context.paths.data_dir
    files = {p.relative_to(data).as_posix(): p.read_bytes()
             for p in sorted(data.rglob("*")) if p.is_file()
             and members.is_included(p.relative_to(data).as_posix())}
    rows = context.store.db.execute("select key, value from app_meta order by key").fetchall()
    return files, rows


def test_round_trip_restores_everything(context, tmp_path):
    fill(context, "before")
    expected = snapshot(context)
    target = tmp_path / "out" / "backup.zip"
    target.parent.mkdir()
    result = context.backup.create(target)
    assert result.path == target and result.files == 4

    fill(context, "after")
    (context.paths.data_dir / "woordenlijst-nieuw.txt").write_text("later", "utf-8")
    assert snapshot(context) != expected

    restored = context.backup.restore(target)
    assert snapshot(context) == expected
    assert context.settings.profile.name == "Anne de Vries"
    assert not (context.paths.data_dir / "woordenlijst-nieuw.txt").exists()
    assert context.store.integrity_check() == ["ok"]
    # The replaced state was kept as an automatic backup, and it holds the "after" state.
    assert restored.previous_state.parent == context.paths.backups_dir
    with zipfile.ZipFile(restored.previous_state) as zf:
        assert b"after" in zf.read("data/wordlist.txt")
    leftovers = [p.name for p in context.paths.data_dir.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_manifest_records_version_migrations_and_hashes(context, tmp_path):
    fill(context)
    target = tmp_path / "b.zip"
    context.backup.create(target)
    with zipfile.ZipFile(target) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        for name, entry in manifest["files"].items():
            assert hashlib.sha256(zf.read(name)).hexdigest() == entry["sha256"]
    assert manifest["format"] == "ambtenaar20-backup"
    assert manifest["migrations"]["ambtenaar20.core"] == ["0001_app_meta"]
    assert manifest["migrations"]["ambtenaar20.trust"] == ["0001_privacy_requests"]
    assert set(manifest["files"]) == {
        "database/ambtenaar20.sqlite3", "data/settings.json",
        "data/packs/gemeente-utrecht/pack.toml", "data/wordlist.txt"}


def test_secrets_logs_and_backups_are_never_included(context, tmp_path):
    fill(context)
    data = context.paths.data_dir
    (data / "keyring_pass.cfg").write_text("password=hunter2", "utf-8")
    (data / "packs" / "keyring.cfg").write_text("password=hunter2", "utf-8")
    (data / "wordlist-secret.txt").write_text("password=hunter2", "utf-8")
    (context.paths.logs_dir / "ambtenaar20.log").write_text("log", "utf-8")
    # A pack being written at this moment: its temporary file must not be taken along.
    (data / "packs" / ".pack.toml.x1y2.tmp").write_text("half", "utf-8")
    context.backup.make_automatic("daily", keep=3)
    target = tmp_path / "b.zip"
    context.backup.create(target)
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
        contents = b"".join(zf.read(name) for name in names)
    assert not [n for n in names if "keyring" in n.lower() or "secret" in n.lower()]
    assert not [n for n in names if "logs/" in n or "backups/" in n or ".tmp" in n]
    assert b"hunter2" not in contents


def test_newer_schema_backup_is_refused_and_state_untouched(context, tmp_path, monkeypatch):
    fill(context, "current")
    future = Migrations("ambtenaar20.core")
    for migration in schema.core_migrations._migrations:
        future._migrations.append(migration)

    @future(name="9999_from_the_future")
    def _future(db):
        db["future"].create({"id": int}, pk="id")

    other = create_app_context(tmp_path / "newer", "nl")
    use_migration_sets(monkeypatch, [future, trust_migrations])
    other.store  # noqa: B018 - creates the database with the future migration
    other.backup.create(tmp_path / "newer.zip")
    other.close()
    monkeypatch.undo()

    before = snapshot(context)
    with pytest.raises(BackupError, match="9999_from_the_future"):
        context.backup.restore(tmp_path / "newer.zip")
    assert snapshot(context) == before
    assert service.automatic_backups(context.paths.backups_dir, "before-restore") == []


def tamper(path, name, new_bytes):
    """Rewrite one member of the zip, keeping the manifest (so its hash no longer matches)."""
    with zipfile.ZipFile(path) as zf:
        items = {n: zf.read(n) for n in zf.namelist()}
    items[name] = new_bytes
    with zipfile.ZipFile(path, "w") as zf:
        for n, data in items.items():
            zf.writestr(n, data)


def damaged_database(data: bytes) -> bytes:
    broken = bytearray(data)
    for offset in range(4096, len(broken), 4096):
        broken[offset + 8:offset + 200] = b"\xff" * 192
    return bytes(broken)


@pytest.mark.parametrize("how", ["tampered-settings", "damaged-db-rehashed", "truncated",
                                 "not-a-zip", "no-manifest", "extra-member", "path-escape"])
def test_bad_backups_are_refused_and_state_untouched(context, tmp_path, how):
    fill(context, "big")
    context.store.db["app_meta"].insert_all(
        {"key": f"k{i}", "value": "x" * 400} for i in range(100))
    target = tmp_path / "b.zip"
    context.backup.create(target)
    if how == "tampered-settings":
        tamper(target, "data/settings.json", b'{"profile": {"name": "Mallory"}}')
    elif how == "damaged-db-rehashed":
        # A consistent manifest around a damaged database: only integrity_check can tell.
        with zipfile.ZipFile(target) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            database = damaged_database(zf.read(archive.DATABASE_MEMBER))
        entry = manifest["files"][archive.DATABASE_MEMBER]
        entry.update(sha256=hashlib.sha256(database).hexdigest(), size=len(database))
        tamper(target, archive.DATABASE_MEMBER, database)
        tamper(target, "manifest.json", json.dumps(manifest).encode())
    elif how == "truncated":
        target.write_bytes(target.read_bytes()[: target.stat().st_size // 2])
    elif how == "not-a-zip":
        target.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    elif how == "no-manifest":
        with zipfile.ZipFile(target, "w") as zf:
            zf.writestr("database/ambtenaar20.sqlite3", b"x")
    elif how == "extra-member":
        with zipfile.ZipFile(target, "a") as zf:
            zf.writestr("data/wordlist-extra.txt", b"not in the manifest")
    elif how == "path-escape":
        with zipfile.ZipFile(target) as zf:
            manifest = json.loads(zf.read("manifest.json"))
        manifest["files"]["data/../../evil.txt"] = {"sha256": "0" * 64, "size": 1}
        tamper(target, "manifest.json", json.dumps(manifest).encode())
        with zipfile.ZipFile(target, "a") as zf:
            zf.writestr("data/../../evil.txt", b"x")
    before = snapshot(context)
    with pytest.raises(BackupError) as caught:
        context.backup.restore(target)
    message = str(caught.value)
    assert "\n" not in message and target.name in message
    assert snapshot(context) == before
    assert context.settings.profile.name == "Anne de Vries"
    assert not (tmp_path.parent / "evil.txt").exists()
    assert [p for p in context.paths.data_dir.iterdir() if p.name.startswith(".")] == []


def test_backup_while_another_thread_writes_is_consistent(context, tmp_path):
    db = context.store.db
    db.execute("create table counter_pairs (id integer primary key, a int, b int)")
    stop = threading.Event()
    written = []

    def writer():
        conn = sqlite3.connect(context.paths.database, timeout=10)
        n = 0
        while not stop.is_set():
            n += 1
            # Two rows that only exist together: a copy with one and not the other is torn.
            with conn:
                conn.execute("insert into counter_pairs (a, b) values (?, 0)", (n,))
                conn.execute("insert into counter_pairs (a, b) values (?, 1)", (n,))
            written.append(n)
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 50:
            stop.wait(0.01)
        copies = []
        for index in range(3):
            path = tmp_path / f"during-{index}.zip"
            context.backup.create(path)
            copies.append(path)
    finally:
        stop.set()
        thread.join()
    for path in copies:
        with zipfile.ZipFile(path) as zf:
            (tmp_path / "copy.sqlite3").write_bytes(zf.read(archive.DATABASE_MEMBER))
        conn = sqlite3.connect(tmp_path / "copy.sqlite3")
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            pairs = conn.execute("select a, count(*) from counter_pairs group by a").fetchall()
        finally:
            conn.close()
        assert pairs and all(count == 2 for _a, count in pairs)


def test_automatic_backups_daily_due_and_retention(context):
    import datetime

    context.settings.backup.keep_daily = 2
    assert context.backup.daily_due()
    made = [context.backup.make_automatic(service.DAILY, keep=2) for _ in range(4)]
    kept = service.automatic_backups(context.paths.backups_dir, service.DAILY)
    assert kept == sorted(made[-2:], reverse=True)
    assert not context.backup.daily_due()
    assert context.backup.run_daily_if_due() is None
    tomorrow = datetime.datetime.now() + datetime.timedelta(days=1, minutes=1)
    assert context.backup.daily_due(now=tomorrow)
    context.settings.backup.daily = False
    assert not context.backup.daily_due(now=tomorrow)


def test_interrupted_backup_work_folder_is_cleared(context):
    from ambtenaar20.core.backup import swap

    # A dead process (pid 999999999 does not exist) left its work folders behind.
    stale = context.paths.data_dir / ".backup-999999999-1"
    stale.mkdir()
    (stale / "ambtenaar20.sqlite3").write_bytes(b"partial")
    abandoned = context.paths.data_dir / ".restore-999999999-2"
    (abandoned / "new").mkdir(parents=True)
    done = swap.finish_interrupted(context.paths.data_dir)
    assert sorted(done) == ["removed .backup-999999999-1", "removed .restore-999999999-2"]
    assert not stale.exists() and not abandoned.exists()


def test_restore_over_a_damaged_database_keeps_a_copy_of_it(context, tmp_path):
    fill(context, "good")
    target = tmp_path / "b.zip"
    context.backup.create(target)
    context.close()
    context.paths.database.write_bytes(b"garbage" * 1000)
    result = context.backup.restore(target)
    assert result.previous_state.read_bytes() == b"garbage" * 1000
    assert result.previous_state.parent == context.paths.backups_dir
    assert context.store.db["app_meta"].get("marker")["value"] == "good"
    # The recovery dialog offers *.sqlite3 backups by name; the damaged copy must not be one.
    from ambtenaar20.core.store import backups

    assert result.previous_state not in backups.list_backups(context.paths.backups_dir)


def test_cancelled_backup_leaves_no_file(context, tmp_path):
    from ambtenaar20.core.cancellation import Cancelled, CancelToken

    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        context.backup.create(tmp_path / "b.zip", token)
    assert list(tmp_path.glob("*b.zip*")) == []
    assert [p for p in context.paths.data_dir.iterdir() if p.name.startswith(".")] == []


def test_database_only_restore_for_recovery_checks_the_backup(context, tmp_path):
    fill(context, "daily")
    daily = context.backup.make_automatic(service.DAILY, keep=3)
    assert service.newest_database_backup(context.paths.backups_dir) == daily
    target = tmp_path / "restored.sqlite3"
    service.restore_database_only(daily, target)
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("select value from app_meta where key='marker'").fetchone() == (
            "daily",)
    finally:
        conn.close()
    bad = tmp_path / "bad.zip"
    tamper_copy = daily.read_bytes()
    bad.write_bytes(tamper_copy[: len(tamper_copy) // 2])
    with pytest.raises(BackupError):
        service.restore_database_only(bad, tmp_path / "other.sqlite3")
    assert not (tmp_path / "other.sqlite3").exists()
    assert list(tmp_path.glob("*.restoring")) == []
