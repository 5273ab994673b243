"""Which bars of the weekly chart get a label under them, and where, so no two labels overlap.

A label under every week overlapped from about 15 weeks on, and over two years the same "W10"
stood twice without a year. Up to half a year a manager reads week numbers, so every k-th week is
labelled (k from the measured label width and the room per bar); a longer period is read in months,
so the months are labelled, with the year at January. The first and last bar always carry their
week (with the year over a long period), so the reader can see where the period starts and ends.

Pure Python: text widths come in as a function, so the placement is tested without painting.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from ambtenaar20.core.i18n import _

#: Longer periods are labelled by month instead of by week number.
MONTHS_AFTER_WEEKS = 26
#: Month strides that keep the labelled months regular (every quarter starts with January).
MONTH_STRIDES = (1, 2, 3, 6, 12)
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True)
class AxisLabel:
    """The label of bar ``index``: its text and the horizontal extent it is drawn in."""

    index: int
    text: str
    left: float
    width: float

    @property
    def right(self) -> float:
        return self.left + self.width


def week_axis_labels(weeks: Sequence[str], left: float, right: float,
                     measure: Callable[[str], float], gap: float) -> list[AxisLabel]:
    """Labels for bars ``weeks`` ("2026-W10") spread evenly between ``left`` and ``right``.

    ``measure`` gives a text's drawn width; labels stay ``gap`` apart and inside the bars' span.
    """
    count = len(weeks)
    if count == 0 or right <= left:
        return []
    slot = (right - left) / count

    def place(index: int, text: str) -> AxisLabel:
        width = measure(text)
        centre = left + (index + 0.5) * slot
        # Clamped so the first and last labels are not cut off at the chart's edges.
        return AxisLabel(index, text, max(left, min(centre - width / 2, right - width)), width)

    long_period = count > MONTHS_AFTER_WEEKS
    ends = [place(0, week_text(weeks[0], long_period))]
    if count > 1:
        ends.append(place(count - 1, week_text(weeks[-1], long_period)))
    candidates = (_month_candidates(weeks, slot, measure, gap) if long_period
                  else _week_candidates(weeks, slot, measure, gap))
    chosen = [ends[0]]
    if len(ends) > 1 and not _overlaps(ends[1], chosen, gap):
        chosen.append(ends[1])  # only lost when even two labels do not fit
    for index, text in candidates:
        if 0 < index < count - 1:
            label = place(index, text)
            if not _overlaps(label, chosen, gap):
                chosen.append(label)
    return sorted(chosen, key=lambda label: label.index)


def week_text(week: str, with_year: bool = False) -> str:
    """"W10" for "2026-W10"; "W10 2026" where the year is not obvious from the labels around it."""
    match = _WEEK.match(week)
    if match is None:
        return week
    return f"W{match[2]} {match[1]}" if with_year else f"W{match[2]}"


def month_abbreviations() -> list[str]:
    # One message for all twelve, so "May" does not share a translation with the full name.
    names = _("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec").split()
    return names if len(names) == 12 else "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _week_candidates(weeks: Sequence[str], slot: float, measure: Callable[[str], float],
                     gap: float) -> list[tuple[int, str]]:
    texts = [week_text(week) for week in weeks]
    widest = max(measure(text) for text in texts)
    every = max(1, math.ceil((widest + gap) / slot))
    return [(index, texts[index]) for index in range(0, len(weeks), every)]


def _month_candidates(weeks: Sequence[str], slot: float, measure: Callable[[str], float],
                      gap: float) -> list[tuple[int, str]]:
    """The first week of each month (its Thursday decides, as for the ISO year), every m-th."""
    names = month_abbreviations()
    starts: list[tuple[int, int, str]] = []
    previous = None
    for index, week in enumerate(weeks):
        month = _month_of(week)
        if month is not None and month != previous and index > 0:
            year, number = month
            text = f"{names[number - 1]} {year}" if number == 1 else names[number - 1]
            starts.append((index, number, text))
        previous = month
    if not starts:
        return []
    widest = max(measure(text) for _index, _number, text in starts)
    # A month spans at least four weeks, so this many weeks always lie between labelled months.
    stride = next((months for months in MONTH_STRIDES if 4 * months * slot >= widest + gap),
                  MONTH_STRIDES[-1])
    return [(index, text) for index, number, text in starts if (number - 1) % stride == 0]


def _month_of(week: str) -> tuple[int, int] | None:
    match = _WEEK.match(week)
    if match is None:
        return None
    try:
        thursday = date.fromisocalendar(int(match[1]), int(match[2]), 4)
    except ValueError:
        return None
    return thursday.year, thursday.month


def _overlaps(label: AxisLabel, placed: list[AxisLabel], gap: float) -> bool:
    return any(label.left < other.right + gap and other.left < label.right + gap
               for other in placed)
