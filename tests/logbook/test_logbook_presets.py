"""Named periods: weeks from Monday, whole months and calendar quarters."""

from __future__ import annotations

from datetime import date

import pytest

from ambtenaar20.core.logbook.presets import PRESETS, preset_period


@pytest.mark.parametrize(("key", "today", "start", "end"), [
    ("today", date(2026, 3, 4), date(2026, 3, 4), date(2026, 3, 4)),
    ("this_week", date(2026, 3, 4), date(2026, 3, 2), date(2026, 3, 8)),
    ("this_week", date(2026, 3, 8), date(2026, 3, 2), date(2026, 3, 8)),
    ("last_week", date(2026, 1, 2), date(2025, 12, 22), date(2025, 12, 28)),
    ("this_month", date(2024, 2, 10), date(2024, 2, 1), date(2024, 2, 29)),
    ("last_month", date(2026, 1, 15), date(2025, 12, 1), date(2025, 12, 31)),
    ("last_month", date(2026, 3, 31), date(2026, 2, 1), date(2026, 2, 28)),
    ("this_quarter", date(2026, 5, 20), date(2026, 4, 1), date(2026, 6, 30)),
    ("this_quarter", date(2026, 12, 31), date(2026, 10, 1), date(2026, 12, 31)),
    ("last_quarter", date(2026, 2, 1), date(2025, 10, 1), date(2025, 12, 31)),
    ("last_quarter", date(2026, 8, 1), date(2026, 4, 1), date(2026, 6, 30)),
    ("this_year", date(2026, 8, 1), date(2026, 1, 1), date(2026, 12, 31)),
])
def test_presets(key, today, start, end):
    period = preset_period(key, today)
    assert (period.start, period.end) == (start, end)


def test_every_preset_contains_today():
    today = date(2026, 11, 27)
    for key in PRESETS:
        period = preset_period(key, today)
        if not key.startswith("last"):
            assert period.start <= today <= period.end
        else:
            assert period.end < today
