"""The values the log works with: an entry, a filter, a history line, a summary.

Plain dataclasses so the CLI, the exports, the PDF report and the GUI share one shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ambtenaar20.core.logbook.clock import Period
from ambtenaar20.core.logbook.kinds import direction_label, kind_label

#: Fields an officer may set or change, in the order exports show them.
EDITABLE_FIELDS = (
    "occurred_at", "platform", "kind", "direction", "topic", "counterpart", "url", "summary",
    "minutes", "outcome", "follow_up",
)


@dataclass
class Interaction:
    id: int
    occurred_at: datetime
    platform: str
    kind: str
    direction: str = "out"
    topic: str = ""
    counterpart: str = ""
    url: str = ""
    summary: str = ""
    minutes: int = 0
    outcome: str = ""
    follow_up: date | None = None
    draft_id: int | None = None
    item_id: int | None = None
    open_findings: int | None = None
    source: str = "manual"
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    def follow_up_state(self, today: date) -> str:
        """``overdue``, ``due`` (today), ``later`` or ``none``."""
        if self.follow_up is None:
            return "none"
        if self.follow_up < today:
            return "overdue"
        return "due" if self.follow_up == today else "later"

    def to_json(self) -> dict:
        """The entry as the JSON export and ``log list --format json`` write it."""
        return {
            "id": self.id,
            "occurred_at": self.occurred_at.isoformat(),
            "platform": self.platform,
            "kind": self.kind,
            "kind_label": kind_label(self.kind),
            "direction": self.direction,
            "direction_label": direction_label(self.direction),
            "topic": self.topic,
            "counterpart": self.counterpart,
            "url": self.url,
            "summary": self.summary,
            "minutes": self.minutes,
            "outcome": self.outcome,
            "follow_up": self.follow_up.isoformat() if self.follow_up else None,
            "draft_id": self.draft_id,
            "item_id": self.item_id,
            "open_findings": self.open_findings,
            "source": self.source,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


@dataclass
class LogFilter:
    """What the Logboek view, ``log list`` and exports select. Empty means "everything"."""

    period: Period | None = None
    topics: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    search: str = ""
    include_deleted: bool = False


@dataclass
class HistoryLine:
    id: int
    interaction_id: int
    changed_at: str
    changed_by: str
    action: str
    old_values: dict
    new_values: dict


@dataclass
class Summary:
    entries: int = 0
    minutes: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    by_platform: dict[str, int] = field(default_factory=dict)
    by_topic: dict[str, int] = field(default_factory=dict)
    #: ISO week ("2026-W10") -> entries, every week of the period present (zero if empty).
    by_week: dict[str, int] = field(default_factory=dict)
    minutes_by_week: dict[str, int] = field(default_factory=dict)
    follow_ups_open: int = 0

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)

    def to_json(self) -> dict:
        return {
            "entries": self.entries,
            "minutes": self.minutes,
            "hours": self.hours,
            "by_kind": self.by_kind,
            "by_platform": self.by_platform,
            "by_topic": self.by_topic,
            "by_week": self.by_week,
            "minutes_by_week": self.minutes_by_week,
            "follow_ups_open": self.follow_ups_open,
        }
