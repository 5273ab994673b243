"""The officer's own drafting settings: accounts to watch, words of their policy area, limits.

Kept beside the database as ``drafting.json`` (written atomically). Organisation-wide choices go
in a guideline pack; these are the officer's additions, used by the editor and by ``check``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ambtenaar20.core.atomic_file import atomic_write_text
from ambtenaar20.core.drafting.platforms import platform


@dataclass
class DraftingPreferences:
    #: Accounts whose mention is a warning (``@user`` or ``@user@server``).
    watchlist: list[str] = field(default_factory=list)
    #: Words of the officer's own policy area, for the political-restraint rule.
    topic_words: list[str] = field(default_factory=list)
    #: Limits that differ from the platform default, e.g. a Mastodon server allowing 1000.
    limits: dict[str, int] = field(default_factory=dict)


class PreferencesStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> DraftingPreferences:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return DraftingPreferences()
        if not isinstance(raw, dict):
            return DraftingPreferences()
        limits = raw.get("limits") if isinstance(raw.get("limits"), dict) else {}
        return DraftingPreferences(
            watchlist=[str(w) for w in raw.get("watchlist", []) if str(w).strip()],
            topic_words=[str(w) for w in raw.get("topic_words", []) if str(w).strip()],
            limits={k: int(v) for k, v in limits.items()
                    if platform(k) is not None and isinstance(v, int) and v > 0},
        )

    def save(self, preferences: DraftingPreferences) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, json.dumps(asdict(preferences), indent=2,
                                                ensure_ascii=False))
