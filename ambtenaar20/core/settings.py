"""The officer's preferences: a small typed object stored as JSON, written atomically.

A damaged settings file never stops the app: it is moved aside (so nothing is lost), defaults are
used, and the reason is reported. Values of the wrong type fall back to their default one by one.
Feature areas add their own section as a nested dataclass field of ``Settings``.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import types
import typing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ambtenaar20.core import settings_loss
from ambtenaar20.core.atomic_file import atomic_write_text
from ambtenaar20.core.errors import SettingsError
from ambtenaar20.core.feeds.config import FeedSettings
from ambtenaar20.core.i18n import _

log = logging.getLogger(__name__)

SETTINGS_SCHEMA_VERSION = 1


@dataclass
class Profile:
    """Who the officer is; the manager's report puts this on its cover."""

    name: str = ""
    function: str = ""
    organisation: str = ""
    department: str = ""


@dataclass
class WindowState:
    """Geometry and layout of the main window, as Qt's base64 blobs."""

    geometry: str = ""
    state: str = ""
    area: int = 0
    #: Volgen's reader: ``auto`` (beside the item list, under it when the window is narrow),
    #: ``right`` or ``below``.
    reader_position: str = "auto"


@dataclass
class BackupSettings:
    """Automatic whole-state backups (see ``core/backup``)."""

    #: Make a backup when the window starts and the newest automatic one is older than a day.
    daily: bool = True
    #: How many daily backups are kept; older ones are deleted.
    keep_daily: int = 7


@dataclass
class RetentionSettings:
    """How long data is kept before it is purged automatically (0 = keep for ever)."""

    #: Feed items older than this are purged (starred, responded and linked items are kept).
    feed_item_days: int = 365


@dataclass
class PrivacySettings:
    """What a pseudonymised export hides besides the log's counterparts."""

    #: People the officer named to hide too (one name each, as typed): someone named in a
    #: summary who is no counterpart anywhere in the log is not recognised otherwise.
    hidden_names: list[str] = field(default_factory=list)


@dataclass
class ToneSettings:
    """How the tone of feed items and drafts is judged (``core/analysis/toneless_words.py``)."""

    #: "Woorden zonder toon": the officer's words that the lexicon scores but their policy
    #: field does not mean ("hitte", "droogte"), lower case, one word each. Left out of the
    #: tone of feed items and drafts alike.
    toneless_words: list[str] = field(default_factory=list)


@dataclass
class Settings:
    schema_version: int = SETTINGS_SCHEMA_VERSION
    #: ``auto`` follows the system; otherwise ``nl`` or ``en``.
    language: str = "auto"
    profile: Profile = field(default_factory=Profile)
    window: WindowState = field(default_factory=WindowState)
    backup: BackupSettings = field(default_factory=BackupSettings)
    retention: RetentionSettings = field(default_factory=RetentionSettings)
    feeds: FeedSettings = field(default_factory=FeedSettings)
    privacy: PrivacySettings = field(default_factory=PrivacySettings)
    tone: ToneSettings = field(default_factory=ToneSettings)


@dataclass
class LoadedSettings:
    settings: Settings
    #: Where a damaged settings file was moved, if it was.
    damaged_copy: Path | None = None
    #: Parts only the officer can give back (``settings_loss.PARTS``: the profile, the words
    #: without tone, the names to hide) that were in the file and are not in ``settings``: the
    #: damaged file held them, or one of their values was of the wrong type.
    lost: tuple[str, ...] = ()
    #: Such parts a damaged file broke off before: whether they held anything is unknown.
    maybe_lost: tuple[str, ...] = ()

    @property
    def profile_lost(self) -> bool:
        return settings_loss.PROFILE in self.lost

    def problem_message(self) -> str | None:
        """Plain-language description of what was wrong with the file, in the active language.

        One line (the CLI prints it as one): a sentence per problem.
        """
        if self.damaged_copy is None and not self.lost:
            return None
        parts = []
        if self.damaged_copy is not None:
            parts.append(_(
                "The settings file was damaged and has been set aside as {name}; "
                "default settings are used."
            ).format(name=self.damaged_copy.name))
        parts += settings_loss.loss_sentences(self.lost, self.maybe_lost)
        return " ".join(parts)


class SettingsStore:
    """Loads and saves ``Settings`` at one path."""

    def __init__(self, path: Path) -> None:
        self.path = path
        #: The settings as this process last read or wrote them: what a save compares with to
        #: tell its own changes from another process's (``settings_merge``).
        self._base: dict[str, Any] | None = None
        #: The file as last seen (modification time and size): changed by another process when
        #: it differs (``refresh``); and the damaged copies set aside by then.
        self._seen: tuple[int, int] | None = None
        self._damaged_copies: frozenset[str] = frozenset()

    def load(self) -> LoadedSettings:
        # The defaults, until a file is read: one another process writes meanwhile is merged.
        self._base = dataclasses.asdict(Settings())
        loaded = self._load()
        # After a damaged file was set aside here: that copy is no reset by someone else.
        self._seen, self._damaged_copies = self._stat(), self._damaged_now()
        return loaded

    def _load(self) -> LoadedSettings:
        if not self.path.exists():
            return LoadedSettings(Settings())
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("top level is not an object")
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            lost, maybe_lost = settings_loss.parts_in_damaged_text(_damaged_text(self.path))
            moved = self._move_aside()
            log.warning("settings file %s unreadable (%s); moved to %s", self.path, exc, moved)
            return LoadedSettings(Settings(), damaged_copy=moved, lost=lost,
                                  maybe_lost=maybe_lost)
        invalid: list[str] = []
        settings = _from_dict(Settings, raw, invalid)
        self._base = dataclasses.asdict(settings)
        return LoadedSettings(settings, lost=settings_loss.parts_in_invalid_values(invalid))

    def save(self, settings: Settings) -> None:
        """Write ``settings``: the values changed here since the last load or save, and the
        rest as the file holds them now (another process may have saved meanwhile); ``settings``
        is brought up to date with those (``settings_merge``)."""
        self._take_in(settings)
        mine = dataclasses.asdict(settings)
        text = json.dumps(mine, indent=2, ensure_ascii=False)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, text + "\n")
        except OSError as exc:
            from ambtenaar20.core.disk_errors import os_reason

            raise SettingsError(
                _("Could not save the settings to {path}: {reason}").format(
                    path=self.path, reason=os_reason(exc, writing=True)
                )
            ) from exc
        self._base = mine
        self._seen, self._damaged_copies = self._stat(), self._damaged_now()

    def refresh(self, settings: Settings) -> bool:
        """Bring ``settings`` up to date with what another process saved since this one last
        read or wrote the file, keeping this process's unsaved changes; True when anything
        changed. Cheap when nothing did: it looks at the file's time and size first."""
        if self._base is None or self._stat() == self._seen:
            return False
        before = dataclasses.asdict(settings)
        theirs = self._take_in(settings)
        if theirs is not None:
            self._base = theirs
        self._seen, self._damaged_copies = self._stat(), self._damaged_now()
        return dataclasses.asdict(settings) != before

    def _take_in(self, settings: Settings) -> dict[str, Any] | None:
        """Merge the file's values into ``settings`` (``settings_merge``); the file's settings,
        or None when there is nothing to merge with."""
        theirs = self._current_file() if self._base is not None else None
        if theirs is None or self._base is None or theirs == self._base:
            return theirs
        from ambtenaar20.core.settings_merge import merged, update_in_place

        # Reset by another process (it set a damaged file aside): its defaults are nobody's
        # change, so compare with the defaults and keep what this process holds.
        base = dataclasses.asdict(Settings()) if self._damaged_now() - self._damaged_copies \
            else self._base
        update_in_place(settings, _from_dict(Settings, merged(base, dataclasses.asdict(settings),
                                                              theirs)))
        return theirs

    def _stat(self) -> tuple[int, int] | None:
        try:
            status = self.path.stat()
        except OSError:
            return None
        return status.st_mtime_ns, status.st_size

    def _damaged_now(self) -> frozenset[str]:
        try:
            return frozenset(path.name for path in
                             self.path.parent.glob(f"{self.path.name}.damaged-*"))
        except OSError:
            return frozenset()

    def _current_file(self) -> dict[str, Any] | None:
        """The file's settings now, as this version reads them; None when there is no file or
        it cannot be read (then this process's settings are written as they are)."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            return None
        return dataclasses.asdict(_from_dict(Settings, raw)) if isinstance(raw, dict) else None

    def _move_aside(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        self.path.replace(target)
        return target


def _damaged_text(path: Path) -> str:
    """The text of a damaged file, as far as it can be read (``settings_loss`` reads it)."""
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return ""


def _from_dict(cls: type, raw: dict[str, Any], invalid: list[str] | None = None) -> Any:
    """Build dataclass ``cls`` from ``raw``, keeping defaults where a value is missing or wrong.

    The names of wrong values (``Profile.name``) are added to ``invalid``.
    """
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for spec in dataclasses.fields(cls):
        if spec.name not in raw:
            continue
        value = _coerce(hints[spec.name], raw[spec.name], invalid)
        if value is _INVALID:
            log.warning("settings: ignoring invalid value for %s.%s", cls.__name__, spec.name)
            if invalid is not None:
                invalid.append(f"{cls.__name__}.{spec.name}")
            continue
        values[spec.name] = value
    return cls(**values)


_INVALID = object()


def _coerce(hint: Any, value: Any, invalid: list[str] | None = None) -> Any:
    if dataclasses.is_dataclass(hint):
        return _from_dict(hint, value, invalid) if isinstance(value, dict) else _INVALID
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(hint):
            if option is type(None) and value is None:
                return None
            coerced = _coerce(option, value)
            if coerced is not _INVALID:
                return coerced
        return _INVALID
    if origin in (list, tuple):
        (item_hint, *_rest) = typing.get_args(hint) or (Any,)
        if not isinstance(value, list):
            return _INVALID
        items = [_coerce(item_hint, item) for item in value]
        return _INVALID if any(item is _INVALID for item in items) else origin(items)
    if origin is dict:
        return value if isinstance(value, dict) else _INVALID
    if hint is Any:
        return value
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint is int and isinstance(value, bool):
        return _INVALID
    return value if isinstance(value, hint) else _INVALID
