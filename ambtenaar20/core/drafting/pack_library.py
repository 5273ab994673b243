"""Which packs exist: the built-in ones shipped inside the package, and the installed ones.

Installed organisation packs live in ``<data dir>/packs``. Installing validates first and
writes the file atomically, so a broken pack never replaces a working one. Per language one
pack is active (recorded in ``packs/active.json``); without a choice the built-in pack is used.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ambtenaar20.core.atomic_file import atomic_write_text
from ambtenaar20.core.drafting.packs import Pack, PackError, load_pack_file, parse_pack
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _

BUILTIN_FILES = ("rijksoverheid-standaard.toml", "rijksoverheid-standard-en.toml")
BUILTIN_BY_LANGUAGE = {"nl": "rijksoverheid-standaard", "en": "rijksoverheid-standard-en"}


@dataclass(frozen=True)
class PackEntry:
    pack: Pack
    builtin: bool
    path: Path | None
    active: bool


def _read_builtin(name: str) -> Pack:
    source = (resources.files("ambtenaar20") / "packs" / name).read_text(encoding="utf-8")
    return parse_pack(source, name)


_builtin_cache: dict[str, Pack] = {}


def builtin_packs() -> dict[str, Pack]:
    if not _builtin_cache:
        for name in BUILTIN_FILES:
            pack = _read_builtin(name)
            _builtin_cache[pack.id] = pack
    return dict(_builtin_cache)


class PackLibrary:
    def __init__(self, packs_dir: Path) -> None:
        self.packs_dir = packs_dir
        # Parsed installed packs by file, valid while the file's modification time stays.
        self._parsed: dict[Path, tuple[int, Pack]] = {}

    @property
    def _active_file(self) -> Path:
        return self.packs_dir / "active.json"

    def _active_ids(self) -> dict[str, str]:
        try:
            data = json.loads(self._active_file.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}
        return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(
            data, dict) else {}

    def _installed_files(self) -> list[Path]:
        if not self.packs_dir.is_dir():
            return []
        return sorted(self.packs_dir.glob("*.toml"))

    def lookup(self, pack_id: str, _seen: frozenset[str] = frozenset()) -> Pack | None:
        """A pack by id: built-in or installed (``None`` when unknown or broken)."""
        builtin = builtin_packs().get(pack_id)
        if builtin is not None:
            return builtin
        path = self.packs_dir / f"{pack_id}.toml"
        if pack_id in _seen or not path.is_file():
            return None
        stamp = path.stat().st_mtime_ns
        cached = self._parsed.get(path)
        if cached and cached[0] == stamp:
            return cached[1]
        try:
            pack = load_pack_file(path, lambda base: self.lookup(base, _seen | {pack_id}))
        except PackError:
            return None
        self._parsed[path] = (stamp, pack)
        return pack

    def load_file(self, path: Path) -> Pack:
        """Load and validate a pack file; its ``extends`` may name a built-in or installed pack."""
        return load_pack_file(path, self.lookup)

    def entries(self) -> list[PackEntry]:
        active = self._active_ids()
        found = [PackEntry(p, True, None, active.get(p.language, BUILTIN_BY_LANGUAGE.get(
            p.language)) == p.id) for p in builtin_packs().values()]
        for path in self._installed_files():
            pack = self.lookup(path.stem)
            if pack is not None:
                found.append(PackEntry(pack, False, path, active.get(pack.language) == pack.id))
        return found

    def active(self, language: str) -> Pack:
        """The pack to check ``language`` texts with."""
        chosen = self._active_ids().get(language)
        pack = self.lookup(chosen) if chosen else None
        if pack is None or pack.language != language:
            pack = builtin_packs()[BUILTIN_BY_LANGUAGE.get(language, "rijksoverheid-standaard")]
        return pack

    def install(self, source: Path, activate: bool = True) -> Pack:
        """Validate ``source`` and copy it into the packs folder (raises ``PackError``)."""
        pack = self.load_file(source)
        if pack.id in builtin_packs():
            raise UsageError(_("The pack id '{id}' belongs to a built-in pack; give the "
                               "organisation pack its own id.").format(id=pack.id))
        self.packs_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.packs_dir / f"{pack.id}.toml",
                          source.read_text(encoding="utf-8"))
        if activate:
            self._set_active(pack.language, pack.id)
        return pack

    def remove(self, pack_id: str) -> None:
        if pack_id in builtin_packs():
            raise UsageError(_("The built-in pack '{id}' cannot be removed.").format(id=pack_id))
        path = self.packs_dir / f"{pack_id}.toml"
        if not path.is_file():
            raise UsageError(_("No installed pack with id '{id}'.").format(id=pack_id))
        path.unlink()
        active = {k: v for k, v in self._active_ids().items() if v != pack_id}
        atomic_write_text(self._active_file, json.dumps(active, indent=2))

    def _set_active(self, language: str, pack_id: str) -> None:
        active = self._active_ids()
        active[language] = pack_id
        atomic_write_text(self._active_file, json.dumps(active, indent=2))
