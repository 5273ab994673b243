"""A full disk or a read-only folder: a clear message, and nothing already saved is damaged.

Real conditions where the machine allows them: a tiny tmpfs (needs root and mount rights) for
"disk full" and a tmpfs remounted read-only (or chmod when not root) for "read-only". Where
neither is possible the error mapping is tested with a folder in the way of the target.
"""

import contextlib
import os
import sqlite3
import subprocess
import zipfile

import pytest

from ambtenaar20.core import disk_errors
from ambtenaar20.core.app_context import AppContext, create_app_context
from ambtenaar20.core.errors import BackupError
from ambtenaar20.core.paths import AppPaths
from ambtenaar20.core.settings import SettingsStore


@contextlib.contextmanager
def tiny_tmpfs(path, size="400k"):
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount_read_only(path):
    subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True, capture_output=True)


def fill_database(context, rows=150):
    # Random bytes do not compress: the backup is as large as the data.
    context.store.db.execute("create table blobs (id integer primary key, data blob)")
    with context.store.db.atomic():
        for _ in range(rows):
            context.store.db.execute("insert into blobs (data) values (?)", [os.urandom(4000)])


def test_backup_to_a_full_disk_says_so_and_leaves_nothing_behind(tmp_path):
    context = create_app_context(tmp_path / "data", "nl")
    try:
        fill_database(context)
        with tiny_tmpfs(tmp_path / "usb") as usb:
            with pytest.raises(BackupError, match="niet genoeg vrije schijfruimte"):
                context.backup.create(usb / "b.zip")
            assert list(usb.iterdir()) == []
        assert context.store.integrity_check() == ["ok"]
        assert [p for p in context.paths.data_dir.iterdir() if p.name.startswith(".")] == []
    finally:
        context.close()


def test_database_writes_on_a_full_disk_fail_cleanly_and_keep_what_was_saved(tmp_path):
    with tiny_tmpfs(tmp_path / "small", size="600k") as small:
        context = create_app_context(small / "data", "nl")
        try:
            fill_database(context, rows=20)
            with pytest.raises(sqlite3.OperationalError) as caught:
                for _ in range(500):
                    with context.store.db.atomic():
                        context.store.db.execute("insert into blobs (data) values (?)",
                                                 [os.urandom(4000)])
            message = disk_errors.plain_message(caught.value)
            assert message and "schijf is vol" in message
            assert context.store.db.execute("select count(*) from blobs").fetchone()[0] >= 20
        finally:
            context.close()
        reopened = create_app_context(small / "data", "nl")
        try:
            assert reopened.store.integrity_check() == ["ok"]
        finally:
            reopened.close()


def test_restore_into_a_read_only_data_folder_changes_nothing(tmp_path):
    with tiny_tmpfs(tmp_path / "ro", size="2m") as folder:
        context = create_app_context(folder / "data", "nl")
        context.store.db["app_meta"].insert({"key": "marker", "value": "current"})
        context.backup.create(tmp_path / "b.zip")
        context.close()
        before = sorted(p.name for p in (folder / "data").iterdir())
        remount_read_only(folder)
        # Built by hand: create_app_context would try to create folders first.
        paths = AppPaths(folder / "data")
        store = SettingsStore(paths.settings)
        context = AppContext(paths=paths, settings_store=store, settings=store.load().settings,
                             language="nl")
        with pytest.raises(BackupError, match="alleen-lezen"):
            context.backup.restore(tmp_path / "b.zip")
        assert sorted(p.name for p in (folder / "data").iterdir()) == before


def test_backup_into_a_read_only_folder_is_a_clear_message(tmp_path):
    context = create_app_context(tmp_path / "data", "nl")
    try:
        if os.geteuid() == 0:
            with tiny_tmpfs(tmp_path / "ro") as folder:
                remount_read_only(folder)
                with pytest.raises(BackupError, match="alleen-lezen"):
                    context.backup.create(folder / "b.zip")
        else:
            folder = tmp_path / "ro"
            folder.mkdir()
            folder.chmod(0o555)
            try:
                with pytest.raises(BackupError, match="alleen-lezen"):
                    context.backup.create(folder / "b.zip")
            finally:
                folder.chmod(0o755)
    finally:
        context.close()


def test_folder_in_the_way_of_the_backup_file(tmp_path):
    """Runs everywhere: the error mapping without special mounts or permissions."""
    context = create_app_context(tmp_path / "data", "nl")
    try:
        (tmp_path / "b.zip").mkdir()
        with pytest.raises(BackupError, match="er staat een map"):
            context.backup.create(tmp_path / "b.zip")
        assert not zipfile.is_zipfile(tmp_path / "b.zip")
    finally:
        context.close()


def test_read_only_database_error_is_explained(tmp_path):
    path = tmp_path / "x.sqlite3"
    sqlite3.connect(path).execute("create table t (x)").connection.close()
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            conn.execute("insert into t values (1)")
    finally:
        conn.close()
    assert "alleen-lezen" in disk_errors.plain_message(caught.value)
    assert disk_errors.plain_message(sqlite3.OperationalError("no such table: t")) is None
    assert disk_errors.plain_message(ValueError("x")) is None
