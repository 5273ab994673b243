"""Which metadata files of the bundled libraries go into the frozen bundle.

The About dialog lists every library the app runs on with its licence, read from installed
package metadata (``ambtenaar20/core/licences.py``). A frozen bundle holds only the metadata that
is copied into it. Copying it for the dependencies declared in ``pyproject.toml`` left out what
matters most: PySide6 itself (LGPL) and every library the declared ones bring along (httpx's
certifi and idna, feedparser's sgmllib3k…), so the bundle's About dialog named a fraction of
what it ships.

Here every distribution that owns a package the bundle ships contributes its ``METADATA`` (name,
version, licence), its entry points (keyring finds its backends through them) and its licence
files. ``RECORD`` and the installer's notes stay out: they describe a normal install, which the
bundle is not, and ``RECORD`` is the bulk of most ``.dist-info`` folders.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import PurePosixPath

#: Files of a ``.dist-info`` folder that are the package's licence (besides a ``licenses/``
#: folder, where newer wheels keep them).
_LICENCE_PREFIXES = ("license", "licence", "copying", "notice", "authors")


def is_bundled_metadata_file(relative: PurePosixPath) -> bool:
    """Whether a file of a distribution (as listed in its RECORD) belongs in the bundle."""
    parts = relative.parts
    if len(parts) < 2 or not parts[0].endswith(".dist-info"):
        return False
    if len(parts) == 2:
        name = parts[1].lower()
        return name in ("metadata", "entry_points.txt") or name.startswith(_LICENCE_PREFIXES)
    return parts[1] == "licenses"


def owning_distributions(packages: Iterable[str],
                         owners: Mapping[str, list[str]]) -> list[str]:
    """The distributions that own the top-level ``packages``, each once, sorted."""
    names = {dist for package in packages for dist in owners.get(package, ())}
    return sorted(names, key=str.lower)


def metadata_datas(distribution_names: Iterable[str]) -> list[tuple[str, str]]:
    """(source file, destination folder) pairs, in PyInstaller's ``datas`` form."""
    datas: list[tuple[str, str]] = []
    for name in distribution_names:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        for file in dist.files or ():
            relative = PurePosixPath(str(file).replace("\\", "/"))
            if is_bundled_metadata_file(relative):
                datas.append((str(dist.locate_file(file)), str(relative.parent)))
    return datas
