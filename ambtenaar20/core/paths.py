"""Where the app keeps its files: one data directory per officer, chosen once, passed down.

Resolution order: ``--data-dir``, then ``AMBTENAAR20_DATA_DIR``, then the per-user data dir of
the operating system (via platformdirs). Nothing is created at import time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ambtenaar20 import APP_SLUG

DATA_DIR_ENV = "AMBTENAAR20_DATA_DIR"
#: The drafting area's own settings file in the data folder (``core/drafting/service.py``).
DRAFTING_SETTINGS = "drafting.json"
#: Names of the backups the app makes itself in ``backups/``: whole-state backups
#: (``core/backup/service.py``), copies before an update (``core/store/backups.py``) and a
#: database set aside by a restore. The app finds, rotates and restores them by these names.
AUTOMATIC_BACKUP_NAMES = ("ambtenaar20-*.zip", "ambtenaar20-*.sqlite3", "unusable-*")


def default_data_dir() -> Path:
    import platformdirs  # only needed when no directory was given

    return Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False, roaming=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data directory to use, as an absolute path (not created here)."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser().resolve()
    return default_data_dir()


@dataclass(frozen=True)
class AppPaths:
    """Every file location the app uses, derived from one data directory."""

    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "ambtenaar20.sqlite3"

    @property
    def settings(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs_dir / "ambtenaar20.log"

    @property
    def packs_dir(self) -> Path:
        """Installed organisation guideline packs."""
        return self.data_dir / "packs"

    @property
    def gui_lock(self) -> Path:
        return self.data_dir / "gui.lock"

    def holds_state(self, target: str | os.PathLike[str]) -> bool:
        """Is ``target`` one of the files the app keeps the officer's data in?

        The database with its journals, the settings, the window lock, the logs, the installed
        packs and the word lists: writing an export or a report over one of them would destroy
        it. The backups folder is not among them (the daily backup writes there).
        """
        from ambtenaar20.core.backup import members

        try:
            relative = Path(os.path.realpath(target)).relative_to(
                os.path.realpath(self.data_dir))
        except ValueError:
            return False
        parts = relative.parts
        if not parts:
            return True  # the data folder itself
        first = parts[0]
        return (first.startswith((self.database.name, self.gui_lock.name))
                or first in (self.settings.name, self.logs_dir.name, DRAFTING_SETTINGS)
                or members.is_included(relative.as_posix()))

    def is_automatic_backup(self, target: str | os.PathLike[str]) -> bool:
        """Is ``target`` (an existing file or not) named as a backup the app makes itself in
        ``backups/``? Writing an export over one would destroy it; a file of another kind under
        such a name would be taken for one (rotated, or offered to restore from)."""
        import fnmatch

        try:
            relative = Path(os.path.realpath(target)).relative_to(
                os.path.realpath(self.backups_dir))
        except ValueError:
            return False
        name = relative.as_posix().lower()
        return "/" not in name and any(fnmatch.fnmatchcase(name, pattern)
                                       for pattern in AUTOMATIC_BACKUP_NAMES)

    def refuse_as_output(self, target: str | os.PathLike[str], option: str | None = None) -> None:
        """Raise ``UsageError`` when ``target`` holds the app's data or is (or would pass for)
        one of its automatic backups (``option``: its CLI name).

        The backups folder itself stays open: the officer may keep exports and backups of their
        own there, under other names.
        """
        from ambtenaar20.core.i18n import _

        if self.holds_state(target):
            message = _("{path} is one of the files Ambtenaar 2.0 keeps your data in; choose "
                        "another file").format(path=target)
        elif self.is_automatic_backup(target) and os.path.lexists(target):
            message = _("{path} is an automatic backup of Ambtenaar 2.0; writing over it would "
                        "destroy it. Choose another file").format(path=target)
        elif self.is_automatic_backup(target):
            message = _("{path} would be taken for an automatic backup of Ambtenaar 2.0; choose "
                        "another name").format(path=target)
        else:
            return
        from ambtenaar20.core.errors import UsageError

        raise UsageError(f"{option}: {message}" if option else message)

    def ensure(self) -> None:
        """Create the data directory tree (not the files in it)."""
        for directory in (self.data_dir, self.backups_dir, self.logs_dir):
            directory.mkdir(parents=True, exist_ok=True)
