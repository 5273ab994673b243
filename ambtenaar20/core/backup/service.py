"""Back-up and restore of the whole state, and the automatic daily backups.

One service for the window and the command line. A backup is a zip (see ``archive``); a restore
validates the file completely, makes an automatic backup of the current state, then swaps the
files in (see ``swap``) and reopens the store. Backups and restores in one process run one at a
time.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import logging
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ambtenaar20.core.atomic_file import atomic_writer
from ambtenaar20.core.backup import archive, members, swap
from ambtenaar20.core.cancellation import CancelToken, ProgressCallback, no_progress
from ambtenaar20.core.disk_errors import describe_os_error, os_reason
from ambtenaar20.core.errors import BackupError, StoreError
from ambtenaar20.core.i18n import _

if TYPE_CHECKING:
    from ambtenaar20.core.app_context import AppContext

log = logging.getLogger(__name__)

ARCHIVE_SUFFIX = ".zip"
DAILY = "daily"
BEFORE_RESTORE = "before-restore"
KEEP_BEFORE_RESTORE = 5
_DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass
class BackupResult:
    path: Path
    size: int
    files: int


@dataclass
class RestoreResult:
    info: archive.ArchiveInfo
    #: The automatic backup of the state that was replaced.
    previous_state: Path


def automatic_backups(backups_dir: Path, reason: str | None = None) -> list[Path]:
    """Automatic backup files, newest first (optionally only those made for ``reason``)."""
    if not backups_dir.is_dir():
        return []
    found = [p for p in backups_dir.glob(f"ambtenaar20-*{ARCHIVE_SUFFIX}") if p.is_file()
             and (reason is None or p.stem.endswith(f"-{reason}"))]
    return sorted(found, key=lambda p: p.name, reverse=True)


def newest_database_backup(backups_dir: Path) -> Path | None:
    """The newest backup that holds a database: a plain copy (``*.sqlite3``, made before an
    update) or an automatic whole-state backup (``*.zip``). Both are named with their time."""
    from ambtenaar20.core.store.backups import list_backups

    candidates = list_backups(backups_dir) + automatic_backups(backups_dir)
    return max(candidates, key=lambda p: p.name.split("-", 1)[-1], default=None)


def restore_database_only(source: Path, target: Path) -> None:
    """Put the database from the backup file ``source`` at ``target`` (which must not exist).

    For recovering a damaged database: only the database is taken, after the same checks as a
    full restore (checksum, ``integrity_check``, schema); settings and packs stay as they are.
    """
    from ambtenaar20.core.store.database import refuse_newer_schema

    if target.exists():
        raise FileExistsError(target)
    partial = target.with_name(target.name + ".restoring")
    info, zf = archive.read_manifest(source)
    try:
        with zf:
            archive.extract_member(info, zf, archive.DATABASE_MEMBER, partial, CancelToken())
        archive.check_database(info, partial, refuse_newer_schema)
        partial.replace(target)
    except OSError as error:
        raise BackupError(describe_os_error(error, target)) from error
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()


def made_at(path: Path) -> datetime.datetime | None:
    """When the automatic backup ``path`` was made (local time, from its name), if it says."""
    # ambtenaar20-YYYYmmdd-HHMMSS-ffffff-reason.zip (or .sqlite3)
    try:
        return datetime.datetime.strptime("-".join(path.stem.split("-")[1:4]),
                                          "%Y%m%d-%H%M%S-%f")
    except ValueError:
        return None


class BackupService:
    """Backups of the data folder of one ``AppContext``."""

    def __init__(self, context: AppContext) -> None:
        self.context = context
        self._busy = threading.Lock()

    @property
    def paths(self):
        return self.context.paths

    # -- making a backup -----------------------------------------------------------------------
    def create(self, target: Path, cancel: CancelToken | None = None,
               progress: ProgressCallback = no_progress) -> BackupResult:
        """Write a backup of the whole state to ``target`` (replaced atomically if it exists)."""
        self.paths.refuse_as_output(target)
        with self._busy:
            return self._create(Path(target), cancel or CancelToken(), progress)

    def _create(self, target: Path, cancel: CancelToken,
                progress: ProgressCallback) -> BackupResult:
        target = target.expanduser().absolute()
        data_dir = self.paths.data_dir
        files = members.collect(data_dir)
        work = data_dir / swap.work_dir_name(swap.WORK_PREFIX)
        try:
            work.mkdir()
            copy = work / "ambtenaar20.sqlite3"
            progress(0, 0, _("Copying the database"))
            self._copy_database(copy)
            try:
                with atomic_writer(target, "wb") as handle:
                    archive.write_archive(handle, copy, data_dir, files, cancel, progress)
            except OSError as error:
                raise BackupError(describe_os_error(error, target)) from error
        except OSError as error:
            raise BackupError(describe_os_error(error, data_dir)) from error
        finally:
            shutil.rmtree(work, ignore_errors=True)
        log.info("backup written: %d files", len(files) + 1)
        return BackupResult(path=target, size=target.stat().st_size, files=len(files) + 1)

    def _copy_database(self, copy: Path) -> None:
        # Opening the store checks and migrates the database first, so a backup always holds
        # a database this version can read; a damaged one raises CorruptDatabaseError here.
        source = self.context.store.db.conn
        destination = sqlite3.connect(copy)
        try:
            # One step (pages=-1): SQLite copies under a single read transaction, so writers on
            # other connections can go on and the copy is one consistent moment.
            source.backup(destination, pages=-1)
        except sqlite3.OperationalError as error:
            raise OSError(errno.ENOSPC if "full" in str(error) else errno.EIO, str(error)) \
                from error
        finally:
            destination.close()

    def make_automatic(self, reason: str, keep: int) -> Path:
        """An automatic backup in ``backups/``, keeping the newest ``keep`` of that kind."""
        with self._busy:
            return self._make_automatic(reason, keep)

    def _make_automatic(self, reason: str, keep: int) -> Path:
        backups_dir = self.paths.backups_dir
        backups_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = backups_dir / f"ambtenaar20-{stamp}-{reason}{ARCHIVE_SUFFIX}"
        self._create(target, CancelToken(), no_progress)
        for old in automatic_backups(backups_dir, reason)[max(keep, 1):]:
            with contextlib.suppress(OSError):
                old.unlink()
        return target

    def daily_due(self, now: datetime.datetime | None = None) -> bool:
        if not self.context.settings.backup.daily:
            return False
        newest = next(iter(automatic_backups(self.paths.backups_dir, DAILY)), None)
        stamp = made_at(newest) if newest else None
        now = now or datetime.datetime.now()
        return stamp is None or now - stamp >= datetime.timedelta(days=1) or stamp > now

    def run_daily_if_due(self) -> Path | None:
        """Make the daily backup when the newest one is a day old (or there is none)."""
        if not self.daily_due():
            return None
        keep = self.context.settings.backup.keep_daily
        return self.make_automatic(DAILY, keep if isinstance(keep, int) else 7)

    # -- restoring -----------------------------------------------------------------------------
    def inspect(self, source: Path, cancel: CancelToken | None = None) -> archive.ArchiveInfo:
        """Validate ``source`` completely (hashes, integrity, schema) without changing anything."""
        with self._busy:
            stage = swap.new_stage(self.paths.data_dir)
            try:
                info, zf = archive.read_manifest(Path(source))
                with zf:
                    self._extract(info, zf, stage / "new", cancel or CancelToken(), no_progress)
                return info
            except OSError as error:
                raise BackupError(describe_os_error(error, self.paths.data_dir)) from error
            finally:
                shutil.rmtree(stage, ignore_errors=True)

    def restore(self, source: Path, cancel: CancelToken | None = None,
                progress: ProgressCallback = no_progress) -> RestoreResult:
        """Replace the whole state by the backup in ``source``.

        Order: validate everything into a work folder; make an automatic backup of the current
        state; close the database; swap the files in (see ``swap``); reopen. A problem before
        the swap leaves the current state untouched.
        """
        cancel = cancel or CancelToken()
        source = Path(source).expanduser().absolute()
        with self._busy:
            data_dir = self.paths.data_dir
            try:
                stage = swap.new_stage(data_dir)
            except OSError as error:
                raise BackupError(describe_os_error(error, data_dir)) from error
            try:
                info, zf = archive.read_manifest(source)
                with zf:
                    self._extract(info, zf, stage / "new", cancel, progress)
                cancel.raise_if_cancelled()
                progress(0, 0, _("Backing up the current state"))
                previous = self._backup_current_state()
                plan = self._plan(info, stage)
            except OSError as error:
                shutil.rmtree(stage, ignore_errors=True)
                raise BackupError(describe_os_error(error, data_dir)) from error
            except BaseException:
                shutil.rmtree(stage, ignore_errors=True)
                raise
            progress(0, 0, _("Putting the backup in place"))
            self.context.close()
            try:
                swap.commit(plan)
            except OSError as error:
                # The journal exists: the next start completes the swap (see ``swap``).
                log.exception("restore interrupted while swapping files")
                raise BackupError(_(
                    "The backup could not be put in place completely ({reason}). Close "
                    "Ambtenaar 2.0 and start it again: the restore is then completed.").format(
                        reason=os_reason(error, writing=True))) from error
            self._reopen()
        log.info("restored a backup made at %s by version %s", info.created_at, info.app_version)
        return RestoreResult(info=info, previous_state=previous)

    def _extract(self, info: archive.ArchiveInfo, zf, new_dir: Path, cancel: CancelToken,
                 progress: ProgressCallback) -> None:
        from ambtenaar20.core.store.database import refuse_newer_schema

        names = sorted(info.files)
        for index, name in enumerate(names):
            progress(index, len(names), _("Checking the backup"))
            relative = (self.paths.database.name if name == archive.DATABASE_MEMBER
                        else name[len(archive.DATA_PREFIX):])
            archive.extract_member(info, zf, name, new_dir / relative, cancel)
        archive.check_database(info, new_dir / self.paths.database.name, refuse_newer_schema)

    def _backup_current_state(self) -> Path:
        try:
            return self._make_automatic(BEFORE_RESTORE, KEEP_BEFORE_RESTORE)
        except StoreError as error:
            # The current database cannot be opened (damaged, too new, a failed update): keep a
            # copy of the file itself. A copy, not a rename: until the swap nothing changes.
            self.context.close()
            database = self.paths.database
            if not database.exists():
                raise
            stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            kept = self.paths.backups_dir / f"unusable-{stamp}-{database.name}"
            kept.parent.mkdir(parents=True, exist_ok=True)
            for suffix in ("", "-wal"):
                companion = database.with_name(database.name + suffix)
                if companion.exists():
                    shutil.copy2(companion, kept.with_name(kept.name + suffix))
            log.warning("current database unusable (%s); copied to %s before restoring",
                        error, kept)
            return kept

    def _plan(self, info: archive.ArchiveInfo, stage: Path) -> swap.RestorePlan:
        data_dir = self.paths.data_dir
        database = self.paths.database.name
        incoming = {members.top_level(relative) for relative in info.data_files}
        current = {members.top_level(relative) for relative in members.collect(data_dir)}
        # Companions first: an old write-ahead log must never meet the restored database.
        remove = [database + suffix for suffix in _DATABASE_COMPANIONS]
        remove += sorted(current - incoming)
        replace = [database, *sorted(incoming)]
        return swap.RestorePlan(data_dir, stage, replace=replace, remove=remove)

    def _reopen(self) -> None:
        """Use the restored settings and database from now on."""
        loaded = self.context.settings_store.load()
        self.context.settings = loaded.settings
        self.context.settings_problem = loaded.problem_message()
        self.context.store  # noqa: B018 - reopening (and migrating) is the point
