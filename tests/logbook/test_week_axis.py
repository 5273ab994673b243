"""The weekly chart of a long period: labels never overlap and its first and last week show."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest

from ambtenaar20.core.logbook.clock import Period
from ambtenaar20.core.logbook.summary import summarize
from ambtenaar20.render.week_axis import AxisLabel, month_abbreviations, week_axis_labels

#: The window draws the chart 320 to 720 pixels wide (0.4 as high); the PDF draws it at 300 dpi
#: across 95% of a landscape A4 page (0.3 as high).
SIZES = [(320, 128), (500, 200), (720, 288), (3018, 905)]


def weeks_of(start: date, end: date) -> list[str]:
    """The bars of a report over this period, as the summary lists them."""
    return list(summarize([], Period(start, end)).by_week)


def assert_apart(labels: list[AxisLabel]) -> None:
    for first, second in pairwise(labels):
        assert first.right <= second.left, (first, second)


def thursday(week: str) -> date:
    """The day that puts an ISO week in its month and year."""
    year, number = week.split("-W")
    return date.fromisocalendar(int(year), int(number), 4)


def rough_width(pixels: float):
    """A text width like a proportional font's: most letters are about half as wide as high."""
    return lambda text: len(text) * pixels * 0.6


@pytest.mark.parametrize("years", [1, 2])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_year_or_two_in_the_charts_font_has_no_overlapping_labels(qapp, years, width, height):
    from ambtenaar20.render.chart import axis_labels

    weeks = weeks_of(date(2025, 1, 1), date(2024 + years, 12, 31))
    labels = axis_labels(weeks, width, height)
    assert_apart(labels)
    assert all(label.left >= 0 and label.right <= width for label in labels)
    # The ends tell their week and year: 31-12-2025 lies in 2026's first ISO week.
    assert (labels[0].index, labels[0].text) == (0, "W01 2025")
    assert labels[-1].index == len(weeks) - 1
    assert labels[-1].text == ("W01 2026" if years == 1 else "W53 2026")
    names = month_abbreviations()
    for label in labels[1:-1]:  # read in months in between, each under its first week
        month = thursday(weeks[label.index]).month
        assert label.text.split()[0] == names[month - 1]
        assert thursday(weeks[label.index - 1]).month != month
    texts = [label.text for label in labels]
    assert names[6] in texts
    if years == 2:
        assert f"{names[0]} 2026" in texts  # the new year is named


@pytest.mark.parametrize("count_of_weeks", [53, 105, 157])
def test_labels_stay_apart_at_any_width(count_of_weeks):
    start = date(2024, 1, 1)
    weeks = weeks_of(start, start + timedelta(weeks=count_of_weeks - 1))
    assert len(weeks) == count_of_weeks
    for width in range(150, 4000, 37):
        unit = width / 50
        labels = week_axis_labels(weeks, unit * 3, width - unit, rough_width(unit), unit * 0.6)
        assert_apart(labels)
        assert labels[0].index == 0
        assert labels[-1].index == len(weeks) - 1, width


def test_a_quarter_shows_week_numbers_every_week_that_fits():
    weeks = weeks_of(date(2026, 1, 1), date(2026, 3, 31))  # W01 .. W14
    wide = week_axis_labels(weeks, 0, 1400, rough_width(12), 6)
    assert [label.text for label in wide] == [f"W{week:02d}" for week in range(1, 15)]
    narrow = week_axis_labels(weeks, 0, 300, rough_width(12), 6)
    assert_apart(narrow)
    # Every other week; W13 makes way for the last week.
    assert [label.index for label in narrow] == [0, 2, 4, 6, 8, 10, 13]
    assert narrow[-1].text == "W14"


def test_months_are_labelled_at_their_first_week_and_january_carries_the_year():
    weeks = weeks_of(date(2025, 7, 1), date(2026, 6, 30))
    labels = week_axis_labels(weeks, 0, 5000, rough_width(12), 6)
    names = month_abbreviations()
    texts = [label.text for label in labels]
    assert texts[0] == "W27 2025" and texts[-1] == "W27 2026"
    assert texts[1:-1] == [*names[7:], f"{names[0]} 2026", *names[1:6]]
    # 2026-W05 has its Thursday on 29 January; W06 (Thursday 5 February) starts February.
    assert weeks[labels[texts.index(names[1])].index] == "2026-W06"


def ink_above_bars(weeks: int, width: int, height: int) -> int:
    """Pixels drawn where the numbers over equal bars of 19 go: under the grid line of 20
    (at 2.5 units from the top) and above the bars (at 3.25 units)."""
    from PySide6.QtGui import QColor

    from ambtenaar20.render.chart import weekly_chart

    start = date(2025, 1, 1)
    counts = dict.fromkeys(weeks_of(start, start + timedelta(weeks=weeks - 1)), 19)
    image = weekly_chart(counts, width, height, "", "")
    unit = height / 20
    return sum(1 for y in range(int(unit * 2.65) + 1, int(unit * 3.15))
               for x in range(int(unit * 3), int(width - unit))
               if QColor(image.pixel(x, y)) != QColor("white"))


def test_numbers_over_the_bars_only_where_they_fit_beside_each_other(qapp):
    assert ink_above_bars(13, 720, 288) > 0
    assert ink_above_bars(53, 3018, 905) > 0  # the PDF's year: in a smaller font
    assert ink_above_bars(53, 720, 288) == 0  # the window's year: the grid tells the values
    assert ink_above_bars(105, 720, 288) == 0
