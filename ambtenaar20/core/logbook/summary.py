"""Totals over a list of entries: what the Rapportage view shows and every export repeats.

Computed from the entries themselves (not a separate query) so a pseudonymised export and its
summary can never disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

from ambtenaar20.core.logbook.clock import Period, iso_week
from ambtenaar20.core.logbook.kinds import KINDS
from ambtenaar20.core.logbook.model import Interaction, Summary


def summarize(entries: Iterable[Interaction], period: Period | None = None) -> Summary:
    kinds: Counter[str] = Counter()
    platforms: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    weeks: Counter[str] = Counter()
    week_minutes: Counter[str] = Counter()
    total = minutes = open_follow_ups = 0
    for entry in entries:
        total += 1
        minutes += entry.minutes
        kinds[entry.kind] += 1
        platforms[entry.platform] += 1
        topics[entry.topic] += 1
        # The local date the officer saw, not the UTC date.
        week = iso_week(entry.occurred_at.date())
        weeks[week] += 1
        week_minutes[week] += entry.minutes
        if entry.follow_up is not None:
            open_follow_ups += 1
    all_weeks = _weeks_of(period) if period else sorted(weeks)
    for week in weeks:
        if week not in all_weeks:
            all_weeks.append(week)
    all_weeks.sort()
    return Summary(
        entries=total,
        minutes=minutes,
        by_kind={kind: kinds[kind] for kind in KINDS if kinds[kind]},
        by_platform=dict(sorted(platforms.items(), key=lambda item: (-item[1], item[0]))),
        by_topic=dict(sorted(topics.items(), key=lambda item: (-item[1], item[0]))),
        by_week={week: weeks.get(week, 0) for week in all_weeks},
        minutes_by_week={week: week_minutes.get(week, 0) for week in all_weeks},
        follow_ups_open=open_follow_ups,
    )


def _weeks_of(period: Period) -> list[str]:
    weeks: list[str] = []
    day: date = period.start
    while day <= period.end:
        week = iso_week(day)
        if week not in weeks:
            weeks.append(week)
        day += timedelta(days=1)
    return weeks
