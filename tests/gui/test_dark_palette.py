"""The charts follow the system's light or dark palette, like the rest of the window."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from ambtenaar20.gui.areas.following.trend_chart import TrendChart
from ambtenaar20.render.chart import ChartColors, weekly_chart


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#202124"), (roles.Base, "#1b1b1d"),
                         (roles.Text, "#e8e8e8"), (roles.Mid, "#5a5a5a"),
                         (roles.Highlight, "#6ea8fe")):
        palette.setColor(role, QColor(colour))
    return palette


def test_report_chart_takes_the_palettes_colours_and_the_pdf_keeps_paper(qapp):
    counts = {"2026-W10": 3, "2026-W11": 1}
    colors = ChartColors.from_palette(dark_palette())
    dark = weekly_chart(counts, 320, 128, "Per week", "Leeg", colors)
    assert QColor(dark.pixel(1, 127)).lightness() < 64
    paper = weekly_chart(counts, 320, 128, "Per week", "Leeg")
    assert QColor(paper.pixel(1, 127)) == QColor("white")


def test_trend_chart_turns_dark_with_the_palette(qtbot):
    from PySide6.QtCharts import QChart

    chart = TrendChart()
    qtbot.addWidget(chart)
    assert chart.chart().theme() == QChart.ChartTheme.ChartThemeLight
    chart.setPalette(dark_palette())
    assert chart.chart().theme() == QChart.ChartTheme.ChartThemeDark
    chart.show_series("Zorg", [])
    assert chart.chart().theme() == QChart.ChartTheme.ChartThemeDark


def test_report_chart_follows_its_width_and_a_switch_to_dark(qapp, qtbot):
    from PySide6.QtWidgets import QStyleFactory

    from ambtenaar20.gui.logbook.weekly_chart_view import WeeklyChartView

    previous = qapp.palette()
    try:
        qapp.setPalette(QStyleFactory.create("fusion").standardPalette())
        chart = WeeklyChartView()
        qtbot.addWidget(chart)
        assert chart.heightForWidth(500) == 0  # no chart before the first summary
        chart.show_counts({"2026-W10": 3, "2026-W11": 1})
        assert chart.heightForWidth(500) == 200 and chart.heightForWidth(2000) == 288
        assert chart.minimumSizeHint().width() == 320  # not the width it was last drawn at
        chart.resize(500, 200)
        chart.show()
        qtbot.waitExposed(chart)
        assert QColor(chart.grab().toImage().pixel(1, 199)).lightness() > 200
        qapp.setPalette(dark_palette())
        qtbot.waitUntil(lambda: QColor(chart.grab().toImage().pixel(1, 199)).lightness() < 64,
                        timeout=3000)
    finally:
        qapp.setPalette(previous)
