"""Totals over a list of entries: what the Rapportage view shows and every export repeats.

Computed from the entries themselves (not a separate query) so a pseudonymised export and its
summary can never disagree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta, tzinfo

from ambtenaar20.core.logbook.clock import Period, iso_week
from ambtenaar20.core.logbook.kinds import KINDS
from ambtenaar20.core.logbook.model import Interaction, Summary
from ambtenaar20.core.logbook.platforms import platform_key, platform_value


def summarize(entries: Iterable[Interaction], period: Period | None = None,
              tz: tzinfo | None = None) -> Summary:
    """Totals of ``entries``; weeks are those of the local day in ``tz`` (None: this computer's)."""
    kinds: Counter[str] = Counter()
    stored_platforms: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    weeks: Counter[str] = Counter()
    week_minutes: Counter[str] = Counter()
    total = minutes = open_follow_ups = 0
    for entry in entries:
        total += 1
        minutes += entry.minutes
        kinds[entry.kind] += 1
        stored_platforms[entry.platform] += 1
        topics[entry.topic] += 1
        # The local day in the report's zone, not the UTC date nor the offset it was stored
        # with: an entry made on a laptop set to UTC belongs to the Dutch day it happened on.
        week = iso_week(entry.occurred_at.astimezone(tz).date())
        weeks[week] += 1
        week_minutes[week] += entry.minutes
        if entry.follow_up is not None:
            open_follow_ups += 1
    platforms = _by_platform(stored_platforms)
    all_weeks = sorted(set(_weeks_of(period) if period else ()) | set(weeks))
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
    """Every ISO week the period touches, one step per week (a long period stays quick)."""
    weeks: list[str] = []
    day: date = period.start
    while day <= period.end:
        weeks.append(iso_week(day))
        day += timedelta(days=7 - day.weekday())  # the next Monday starts the next week
    return weeks



def _by_platform(stored: Counter[str]) -> Counter[str]:
    """The counts per platform, each platform once however it was stored.

    An old "mastodon" counts as "Mastodon", the app's name for it; a platform the app does not
    know counts under the spelling used most ("Teams" and "teams": first by name on a tie).
    """
    spellings: dict[str, Counter[str]] = {}
    for value, count in stored.items():
        spellings.setdefault(platform_key(value), Counter())[value] = count
    platforms: Counter[str] = Counter()
    for counts in spellings.values():
        most_used = min(counts, key=lambda spelling: (-counts[spelling], spelling))
        platforms[platform_value(most_used)] = sum(counts.values())
    return platforms
