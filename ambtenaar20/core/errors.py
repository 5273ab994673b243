"""Errors that carry a plain-language message for the officer.

Every failure the user can cause or fix (bad input, a broken file, a full disk) is raised as an
``Ambtenaar20Error``; the CLI turns it into a one-line message and exit code 2, the GUI into a
dialog. Anything else is a bug and is logged with its traceback.
"""

from __future__ import annotations

from pathlib import Path


class Ambtenaar20Error(Exception):
    """Base class: ``str(error)`` is a translated, one-line message meant for the officer."""

    def for_window(self) -> str:
        """The message as the window shows it: the same, unless it names a command-line option."""
        return str(self)


class UsageError(Ambtenaar20Error):
    """The user asked for something impossible (bad option value, unknown name)."""


class StoreError(Ambtenaar20Error):
    """The database could not be opened, migrated or written."""


class ReadOnlyDataFolderError(StoreError):
    """The data folder cannot be written at all (``disk_errors.read_only_data_folder_error``).

    ``str(error)`` offers the command line's ``--data-dir``; ``for_window`` says the same for
    the window, whose officer started it from a menu and has no command line.
    """

    def __init__(self, message: str, window_message: str) -> None:
        super().__init__(message)
        self._window_message = window_message

    def for_window(self) -> str:
        return self._window_message


class CorruptDatabaseError(StoreError):
    """The database file is damaged or is not an SQLite database; it has not been touched."""

    def __init__(self, message: str, path: Path, detail: str) -> None:
        super().__init__(message)
        self.path = path
        self.detail = detail


class DatabaseTooNewError(StoreError):
    """The database was written by a newer version of the app than this one."""


class MigrationError(StoreError):
    """A schema migration failed; the database is left as it was before that step."""


class SettingsError(Ambtenaar20Error):
    """The settings file could not be read or written."""


class InstanceLockedError(Ambtenaar20Error):
    """Another window of the app already uses this data directory."""


class BackupError(Ambtenaar20Error):
    """A backup could not be written, or a backup file cannot be restored; nothing was changed."""


class PrivacyError(Ambtenaar20Error):
    """A retention or personal-data request could not be carried out; nothing was changed."""
