"""Named periods for the filter bar and the Rapportage area ("deze week", "vorige maand" …).

Weeks start on Monday (ISO, as in the Netherlands); quarters are calendar quarters.
"""

from __future__ import annotations

from datetime import date, timedelta

from ambtenaar20.core.i18n import N_
from ambtenaar20.core.logbook.clock import Period

#: key -> untranslated label, in the order offered.
PRESETS: dict[str, str] = {
    "today": N_("Today"),
    "this_week": N_("This week"),
    "last_week": N_("Last week"),
    "this_month": N_("This month"),
    "last_month": N_("Last month"),
    "this_quarter": N_("This quarter"),
    "last_quarter": N_("Last quarter"),
    "this_year": N_("This year"),
}


def preset_period(key: str, today: date) -> Period:
    if key == "today":
        return Period(today, today)
    if key in ("this_week", "last_week"):
        monday = today - timedelta(days=today.weekday())
        if key == "last_week":
            monday -= timedelta(days=7)
        return Period(monday, monday + timedelta(days=6))
    if key == "this_month":
        return Period(today.replace(day=1), _month_end(today))
    if key == "last_month":
        last_day = today.replace(day=1) - timedelta(days=1)
        return Period(last_day.replace(day=1), last_day)
    if key in ("this_quarter", "last_quarter"):
        first_month = 3 * ((today.month - 1) // 3) + 1
        start = date(today.year, first_month, 1)
        if key == "last_quarter":
            start = (start - timedelta(days=1)).replace(day=1)
            start = start.replace(month=3 * ((start.month - 1) // 3) + 1)
        end = _month_end(start.replace(month=start.month + 2))
        return Period(start, end)
    if key == "this_year":
        return Period(date(today.year, 1, 1), date(today.year, 12, 31))
    raise ValueError(key)


def _month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)
