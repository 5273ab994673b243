"""Dates and times of the log: local time stored with its offset, periods in local days.

An entry keeps the local wall time with its UTC offset (what the officer saw) and, separately, the
UTC instant in a fixed-width text form so range queries are plain string comparisons on an index.
A period "from 1 March to 31 March" means local midnight of 1 March up to (not including) local
midnight of 1 April; across a daylight-saving change those days are 23 or 25 hours long, which is
why the bounds are computed per day in the zone instead of by adding 24 hours.

``tz=None`` everywhere means "the zone of this computer": Python converts a naive time through the
C library then, which knows the DST rules even when no zone name is available.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _

UTC_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_DUTCH_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
#: The days a log entry or a period may fall on. Every local midnight in between has a UTC form
#: and the C library of each platform converts it (before 1970 some cannot; year 1 and 9999 have
#: no day before or after). Also the open ends of a period given only --from or only --to.
EARLIEST = date(1971, 1, 1)
LATEST = date(2999, 12, 30)


def now_local(tz: tzinfo | None = None) -> datetime:
    return datetime.now(UTC).astimezone(tz).replace(microsecond=0)


def localize(naive: datetime, tz: tzinfo | None = None) -> datetime:
    """Attach the zone to a wall-clock time (``tz=None``: this computer's zone)."""
    if naive.tzinfo is not None:
        return naive.astimezone(tz)
    if tz is None:
        return naive.astimezone()  # the C library applies the local DST rules
    return naive.replace(tzinfo=tz).astimezone(tz)


def to_local(moment: datetime, tz: tzinfo | None = None) -> datetime:
    return moment.astimezone(tz)


def utc_key(moment: datetime) -> str:
    """The sortable UTC text stored beside each entry for range queries."""
    return moment.astimezone(UTC).strftime(UTC_FORMAT)


def parse_date(text: str, field: str) -> date:
    """``YYYY-MM-DD`` (or Dutch ``DD-MM-YYYY``); ``UsageError`` naming ``field`` otherwise."""
    value = (text or "").strip()
    match = _DUTCH_DATE.match(value)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
            parsed = date(year, month, day)
        else:
            parsed = date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            _("{field}: '{value}' is not a valid date (use YYYY-MM-DD)").format(
                field=field, value=text)
        ) from None
    _check_supported(parsed, field, text)
    return parsed


def parse_datetime(text: str, field: str, tz: tzinfo | None = None) -> datetime:
    """An ISO date-time, with or without offset (without: local time); a date means 00:00."""
    value = (text or "").strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(
            _("{field}: '{value}' is not a valid date and time (use YYYY-MM-DDTHH:MM)").format(
                field=field, value=text)
        ) from None
    _check_supported(parsed.date(), field, text)
    parsed = parsed.replace(microsecond=0)
    moment = localize(parsed, tz)
    # Through UTC and back: a wall time that never happened comes back as another one.
    if parsed.tzinfo is None and to_local(moment.astimezone(UTC), tz).replace(
            tzinfo=None) != parsed:
        # 02:30 on the night the clocks go forward never happened here; silently stored it
        # would become 01:30 or 03:30, a time the officer did not type.
        raise UsageError(
            _("{field}: {value} does not exist in this time zone (the clocks were put forward "
              "then); give the time after the change, or add the offset (+01:00)").format(
                field=field, value=text))
    return moment


def _check_supported(day: date, field: str, text: str) -> None:
    if not EARLIEST <= day <= LATEST:
        raise UsageError(
            _("{field}: '{value}' is outside the dates the log can hold ({first} to {last})")
            .format(field=field, value=text, first=EARLIEST.isoformat(),
                    last=LATEST.isoformat()))


@dataclass(frozen=True)
class Period:
    """An inclusive range of local days."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise UsageError(
                _("from: the start date {start} is after the end date {end} (to)").format(
                    start=self.start.isoformat(), end=self.end.isoformat())
            )

    def bounds(self, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
        """Local midnight of the first day, local midnight after the last day."""
        first = localize(datetime.combine(self.start, time.min), tz)
        after = localize(datetime.combine(self.end + timedelta(days=1), time.min), tz)
        return first, after

    def utc_bounds(self, tz: tzinfo | None = None) -> tuple[str, str]:
        first, after = self.bounds(tz)
        return utc_key(first), utc_key(after)

    def days(self) -> int:
        return (self.end - self.start).days + 1


def iso_week(day: date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def zone_name(tz: tzinfo | None = None) -> str:
    """A readable name of the zone for reports (``Europe/Amsterdam`` or an abbreviation)."""
    if tz is not None:
        return str(getattr(tz, "key", None) or tz)
    named = os.environ.get("TZ", "").lstrip(":")
    if named:
        return named
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        return target.split("zoneinfo/", 1)[1]
    return datetime.now().astimezone().tzname() or "local"
