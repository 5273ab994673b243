"""The backup file: one zip with the database, the declared data files and a manifest.

Layout::

    manifest.json                      format, app version, created time, migrations, sha256s
    database/ambtenaar20.sqlite3       made with SQLite's online backup API
    data/settings.json, data/packs/…   the files declared in ``members.INCLUDED``

Reading trusts nothing in the file: every name, size and hash is checked against the manifest,
reads are bounded by the sizes the manifest declares, and the database is checked with
``PRAGMA integrity_check`` and against the migrations this app knows before anything is used.
Every problem is a ``BackupError`` with a plain message.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from ambtenaar20 import __version__
from ambtenaar20.core.backup import members
from ambtenaar20.core.cancellation import CancelToken, ProgressCallback
from ambtenaar20.core.disk_errors import os_reason
from ambtenaar20.core.errors import BackupError, DatabaseTooNewError
from ambtenaar20.core.i18n import _

FORMAT = "ambtenaar20-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBER = "database/ambtenaar20.sqlite3"
DATA_PREFIX = "data/"
MAX_MANIFEST_BYTES = 2_000_000
MAX_MEMBERS = 20_000
CHUNK = 1 << 20
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass
class ArchiveInfo:
    """What a (validated) backup file contains."""

    path: Path
    app_version: str
    created_at: str
    migrations: dict[str, list[str]]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def data_files(self) -> list[str]:
        """Data-folder-relative paths of the files other than the database."""
        return sorted(name[len(DATA_PREFIX):] for name in self.files if name != DATABASE_MEMBER)

    @property
    def created_local(self) -> str:
        """When the backup was made, in this computer's time as the log shows times
        ("2026-11-27 15:28"); the manifest's text as it is when it is no time with a zone."""
        try:
            moment = datetime.datetime.fromisoformat(self.created_at)
        except ValueError:
            return self.created_at
        if moment.tzinfo is None:
            return self.created_at
        return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def applied_migrations(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Migrations recorded in a database, per set, in the order they were applied."""
    tables = {row[0] for row in conn.execute("select name from sqlite_master where type='table'")}
    if "_sqlite_migrations" not in tables:
        return {}
    result: dict[str, list[str]] = {}
    for set_name, name in conn.execute(
            "select migration_set, name from _sqlite_migrations order by id"):
        result.setdefault(str(set_name), []).append(str(name))
    return result


def write_archive(target: IO[bytes], database_copy: Path, data_dir: Path, files: list[str],
                  cancel: CancelToken, progress: ProgressCallback) -> dict[str, Any]:
    """Write the zip to the open, seekable ``target``; returns the manifest written."""
    conn = sqlite3.connect(database_copy)
    try:
        migrations = applied_migrations(conn)
    finally:
        conn.close()
    entries: dict[str, dict[str, Any]] = {}
    sources = [(DATABASE_MEMBER, database_copy)] + [
        (DATA_PREFIX + relative, data_dir / relative) for relative in files]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        for index, (name, source) in enumerate(sources):
            cancel.raise_if_cancelled()
            progress(index, len(sources) + 1, name)
            entries[name] = _add_member(zf, name, source, cancel)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "app_version": __version__,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "migrations": migrations,
            "files": entries,
        }
        zf.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
    progress(len(sources) + 1, len(sources) + 1, MANIFEST)
    return manifest


def _add_member(zf: zipfile.ZipFile, name: str, source: Path,
                cancel: CancelToken) -> dict[str, Any]:
    digest = hashlib.sha256()
    size = 0
    info = zipfile.ZipInfo(name, date_time=_zip_time(source))
    info.compress_type = zipfile.ZIP_DEFLATED
    with source.open("rb") as handle, zf.open(info, "w", force_zip64=True) as out:
        while chunk := handle.read(CHUNK):
            cancel.raise_if_cancelled()
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return {"sha256": digest.hexdigest(), "size": size}


def _zip_time(source: Path) -> tuple[int, int, int, int, int, int]:
    stamp = datetime.datetime.fromtimestamp(source.stat().st_mtime)
    return (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute,
            stamp.second)


# -- reading --------------------------------------------------------------------------------


def _refuse(message: str) -> BackupError:
    return BackupError(message)


def _not_a_backup(path: Path) -> BackupError:
    return _refuse(_("{name} is not an Ambtenaar 2.0 backup file.").format(name=path.name))


def _damaged(path: Path, detail: str) -> BackupError:
    detail = " ".join(detail.split())[:160]  # one line, whatever SQLite or zipfile said
    return _refuse(_("The backup file {name} is damaged or has been changed ({detail}). "
                     "Nothing has been restored.").format(name=path.name, detail=detail))


def safe_member_name(name: str) -> bool:
    """A member name that can only land inside the data folder, at a declared place."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or ":" in name:
        return False
    parts = PurePosixPath(name).parts
    if any(part in ("", ".", "..") for part in parts) or "//" in name:
        return False
    if name == DATABASE_MEMBER:
        return True
    return name.startswith(DATA_PREFIX) and members.is_included(name[len(DATA_PREFIX):])


def read_manifest(path: Path) -> tuple[ArchiveInfo, zipfile.ZipFile]:
    """Open ``path`` and check its manifest against its table of contents.

    The caller closes the returned ``ZipFile``.
    """
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError,
            NotImplementedError):  # the latter: a damaged header claims a newer zip version
        raise _not_a_backup(path) from None
    except IsADirectoryError:
        raise _not_a_backup(path) from None
    except OSError as error:
        raise _refuse(_("The backup file {name} cannot be read: {reason}").format(
            name=path.name, reason=os_reason(error))) from error
    try:
        info = _parse_manifest(path, zf)
    except BaseException:
        zf.close()
        raise
    return info, zf


def _parse_manifest(path: Path, zf: zipfile.ZipFile) -> ArchiveInfo:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS + 1:
        raise _damaged(path, _("too many files"))
    names = [info.filename for info in infos]
    if MANIFEST not in names:
        raise _not_a_backup(path)
    if len(set(names)) != len(names):
        raise _damaged(path, _("a file occurs twice"))
    raw = _read_bounded(path, zf, zf.getinfo(MANIFEST), MAX_MANIFEST_BYTES)
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _damaged(path, _("the contents list cannot be read")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _not_a_backup(path)
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _damaged(path, _("the contents list is incomplete"))
    if version > FORMAT_VERSION:
        raise _refuse(_("The backup file {name} was made by a newer version of Ambtenaar 2.0. "
                        "Install the newer version to restore it.").format(name=path.name))
    files = manifest.get("files")
    migrations = manifest.get("migrations")
    app_version = manifest.get("app_version")
    created_at = manifest.get("created_at")
    if not (isinstance(files, dict) and isinstance(migrations, dict)
            and isinstance(app_version, str) and isinstance(created_at, str)):
        raise _damaged(path, _("the contents list is incomplete"))
    for name, entry in files.items():
        if not safe_member_name(name):
            raise _damaged(path, _("unexpected file {name}").format(name=name[:80]))
        if not (isinstance(entry, dict) and isinstance(entry.get("sha256"), str)
                and _SHA256.fullmatch(entry["sha256"])
                and isinstance(entry.get("size"), int) and not isinstance(entry["size"], bool)
                and entry["size"] >= 0):
            raise _damaged(path, _("the contents list is incomplete"))
    if DATABASE_MEMBER not in files:
        raise _damaged(path, _("the database is missing"))
    if set(names) - {MANIFEST} != set(files):
        raise _damaged(path, _("the files do not match the contents list"))
    for set_name, applied in migrations.items():
        if not (isinstance(set_name, str) and isinstance(applied, list)
                and all(isinstance(item, str) for item in applied)):
            raise _damaged(path, _("the contents list is incomplete"))
    return ArchiveInfo(path=path, app_version=app_version[:40], created_at=created_at[:40],
                       migrations=migrations, files=files)


def _read_bounded(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    try:
        with zf.open(info) as handle:
            data = handle.read(limit + 1)
    except Exception as error:  # BadZipFile, zlib.error, EOFError, unsupported methods, ...
        raise _damaged(path, type(error).__name__) from None
    if len(data) > limit:
        raise _damaged(path, _("a file is larger than expected"))
    return data


def extract_member(info: ArchiveInfo, zf: zipfile.ZipFile, name: str, target: Path,
                   cancel: CancelToken) -> None:
    """Copy member ``name`` to ``target``, checking its size and sha256 against the manifest.

    Problems reading the zip are a damaged backup (``BackupError``); problems writing
    ``target`` (a full disk) are raised as the ``OSError`` they are, for the caller to explain.
    """
    expected = info.files[name]
    digest = hashlib.sha256()
    size = 0
    try:
        source = zf.open(name)
    except Exception as error:  # BadZipFile, encrypted or unsupported members, ...
        raise _damaged(info.path, type(error).__name__) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    with source, target.open("wb") as out:
        while True:
            cancel.raise_if_cancelled()
            try:
                chunk = source.read(CHUNK)
            except Exception as error:  # zlib.error, CRC mismatch (BadZipFile), EOFError
                raise _damaged(info.path, type(error).__name__) from None
            if not chunk:
                break
            size += len(chunk)
            if size > expected["size"]:
                raise _damaged(info.path, _("a file is larger than expected"))
            digest.update(chunk)
            out.write(chunk)
    if size != expected["size"] or digest.hexdigest() != expected["sha256"]:
        raise _damaged(info.path, _("checksum of {name} does not match").format(name=name))


def check_database(info: ArchiveInfo, database: Path,
                   refuse_newer: Callable[[sqlite3.Connection], None]) -> None:
    """Integrity and schema of the extracted database; ``refuse_newer`` is the store's rule."""
    try:
        conn = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                raise _damaged(info.path, "; ".join(str(r) for r in result[:3]))
            if not applied_migrations(conn):
                raise _damaged(info.path, _("the database is not an Ambtenaar 2.0 database"))
            refuse_newer(conn)
        finally:
            conn.close()
    except DatabaseTooNewError as error:
        raise _refuse(_("This backup cannot be restored: {reason}").format(reason=error)) \
            from None
    except sqlite3.DatabaseError as error:
        raise _damaged(info.path, str(error)) from None
