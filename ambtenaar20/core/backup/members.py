"""Which files of the data folder belong in a backup, declared in one small list.

The database is copied separately (through SQLite's online backup API). Everything else in the
data folder that is the officer's state is named here by a pattern relative to the data folder.
An area that keeps its own files adds its pattern to ``INCLUDED`` itself (not at run time: a
restore only accepts files that match, and must know every pattern before any area is loaded).
Secrets never belong in a backup: they live in the operating system's keyring, and a file that
looks like one is skipped even when a pattern would match it.
"""

from __future__ import annotations

import fnmatch
import logging
from pathlib import Path, PurePosixPath

log = logging.getLogger(__name__)

#: Patterns (``fnmatch`` style, ``/`` separated, relative to the data folder) of files to back up.
INCLUDED: tuple[str, ...] = (
    "settings.json",
    # Installed guideline packs: the whole folder.
    "packs/*",
    # The officer's own word lists, kept next to the settings.
    "wordlist*",
    "word-list*",
    "woordenlijst*",
)

#: Never backed up, whatever a pattern says: the database and its companions (copied through
#: SQLite instead), automatic backups, logs, locks and the work folders of backup and restore.
EXCLUDED_TOP_LEVEL = ("backups", "logs")
EXCLUDED_PREFIXES = (".backup-", ".restore-", "gui.lock", "ambtenaar20.sqlite3")

#: Names that suggest a secret store; such a file is never put in a backup.
SECRET_LIKE = ("*keyring*", "*.kdbx", "*.keychain*", "*secret*", "*.pem", "*.key")


def is_secret_like(relative: str) -> bool:
    name = PurePosixPath(relative).name.lower()
    return any(fnmatch.fnmatch(name, pattern) for pattern in SECRET_LIKE)


def is_included(relative: str) -> bool:
    """Does the data-folder-relative path ``relative`` (``/`` separated) belong in a backup?"""
    parts = PurePosixPath(relative).parts
    if not parts or parts[0] in EXCLUDED_TOP_LEVEL:
        return False
    if any(part.startswith(".") for part in parts):
        return False  # hidden files: the temporary files of atomic writes, work folders
    if parts[0].startswith(EXCLUDED_PREFIXES) or is_secret_like(relative):
        return False
    return any(_matches(relative, pattern) for pattern in INCLUDED)


def _matches(relative: str, pattern: str) -> bool:
    # "packs/*" means everything below packs/, at any depth.
    if pattern.endswith("/*"):
        return relative.startswith(pattern[:-1]) and len(relative) > len(pattern) - 1
    return "/" not in relative and fnmatch.fnmatch(relative, pattern)


def collect(data_dir: Path) -> list[str]:
    """The included files now present in ``data_dir``, as sorted relative ``/`` paths."""
    found = []
    for path in sorted(data_dir.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue  # a link could point outside the data folder; never follow it
        relative = path.relative_to(data_dir).as_posix()
        if is_included(relative):
            found.append(relative)
        elif is_secret_like(relative):
            log.info("not backing up a file that looks like a secret store: %s",
                     PurePosixPath(relative).name)
    return found


def top_level(relative: str) -> str:
    """The entry directly in the data folder that ``relative`` belongs to."""
    return PurePosixPath(relative).parts[0]
