"""Turning what an officer typed into clean field values, or a message naming the wrong field.

The CLI, the quick-add dialog and the drafting/feeds hooks all pass through here, so every entry
in the log obeys the same rules whatever its origin.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import Any

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _
from ambtenaar20.core.logbook.clock import localize, parse_date, parse_datetime
from ambtenaar20.core.logbook.kinds import parse_direction, parse_kind
from ambtenaar20.core.logbook.model import EDITABLE_FIELDS
from ambtenaar20.core.logbook.platforms import platform_value

MAX_MINUTES = 24 * 60 * 31
MAX_TEXT = 20_000


def clean_fields(values: dict[str, Any], tz: tzinfo | None = None) -> dict[str, Any]:
    """Validate and normalise the editable fields present in ``values``."""
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")  # a programming error
    cleaned: dict[str, Any] = {}
    for name, value in values.items():
        cleaned[name] = _CLEANERS[name](value, tz)
    return cleaned


def _occurred_at(value: Any, tz: tzinfo | None) -> datetime:
    if isinstance(value, datetime):
        return localize(value.replace(microsecond=0), tz)
    if isinstance(value, str):
        return parse_datetime(value, "at", tz)
    raise UsageError(_("at: a date and time is required"))


def _platform(value: Any, _tz: tzinfo | None) -> str:
    text = _text(value, "platform", 200)
    if not text:
        raise UsageError(_("platform: a platform is required (for example X, LinkedIn, "
                           "website)"))
    # "phone" from the command line is the window's "Telefoon": stored once, counted together.
    return platform_value(text)


def _kind(value: Any, _tz: tzinfo | None) -> str:
    return parse_kind(str(value or ""))


def _direction(value: Any, _tz: tzinfo | None) -> str:
    return parse_direction(str(value or ""))


def _minutes(value: Any, _tz: tzinfo | None) -> int:
    try:
        minutes = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        minutes = -1
    if isinstance(value, bool) or not 0 <= minutes <= MAX_MINUTES:
        raise UsageError(
            _("minutes: '{value}' is not a whole number from 0 to {max}").format(
                value=value, max=MAX_MINUTES)
        )
    return minutes


def _follow_up(value: Any, _tz: tzinfo | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_date(str(value), "follow-up")


def _url(value: Any, _tz: tzinfo | None) -> str:
    text = _text(value, "url", 2000)
    if text and not (text.lower().startswith(("http://", "https://", "mailto:"))):
        raise UsageError(_("url: '{value}' is not a web address (it should start with "
                           "https://)").format(value=text))
    return text


def _text(value: Any, field: str, limit: int = MAX_TEXT) -> str:
    text = "" if value is None else str(value).strip()
    if len(text) > limit:
        raise UsageError(_("{field}: the text is longer than {limit} characters").format(
            field=field, limit=limit))
    return text


_CLEANERS = {
    "occurred_at": _occurred_at,
    "platform": _platform,
    "kind": _kind,
    "direction": _direction,
    "topic": lambda value, _tz: _text(value, "topic", 200),
    "counterpart": lambda value, _tz: _text(value, "counterpart", 500),
    "url": _url,
    "summary": lambda value, _tz: _text(value, "summary"),
    "minutes": _minutes,
    "outcome": lambda value, _tz: _text(value, "outcome"),
    "follow_up": _follow_up,
}
