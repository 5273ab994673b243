"""A topic's trend: items per day (bars) and average sentiment (line) over 30 or 90 days."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QWidget

from ambtenaar20.core.i18n import _


class TrendChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(_("Trend"))
        self.setMinimumHeight(220)
        self._days_shown = 0
        self._date_axis: QDateTimeAxis | None = None
        self.show_series("", [])

    def _tick_count(self) -> int:
        """As many date labels as fit side by side (about 70 pixels each), at most 7 or 10."""
        most = 7 if self._days_shown <= 31 else 10
        return max(3, min(most, self.width() // 70))

    def _theme(self) -> QChart.ChartTheme:
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        return QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self.chart() is not None:
            self.chart().setTheme(self._theme())
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._date_axis is not None:
            self._date_axis.setTickCount(self._tick_count())

    def show_series(self, topic: str, series: list[dict[str, Any]]) -> None:
        """``series``: per day ``{"day", "items", "polarity"}`` as ``ItemService.trend`` gives."""
        chart = QChart()
        # Follows the system's light or dark palette, like the rest of the window.
        chart.setTheme(self._theme())
        chart.setTitle(_("Topic '{name}'").format(name=topic)
                       if topic else _("Choose a topic to see its trend"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        bars = QBarSet(_("Items per day"))
        tone = QLineSeries()
        tone.setName(_("Average tone"))
        labels = []
        for point in series:
            bars.append(point["items"])
            noon = QDateTime(QDate.fromString(point["day"], "yyyy-MM-dd"), QTime(12, 0))
            if point["polarity"] is not None:
                tone.append(noon.toMSecsSinceEpoch(), point["polarity"])
            labels.append(point["day"])
        bar_series = QBarSeries()
        bar_series.append(bars)
        chart.addSeries(bar_series)
        chart.addSeries(tone)
        # The bars sit on a hidden category axis (one slot per day); the visible date axis spans
        # the same days, so each day's noon is the middle of its bar. Category labels would be
        # elided to the width of one bar.
        days = QBarCategoryAxis()
        days.append(labels or [""])
        days.setVisible(False)
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        highest = max([point["items"] for point in series] + [1])
        counts.setRange(0, highest)
        # Whole numbers only: one tick per item up to 10, else about ten ticks.
        counts.setTickCount(highest + 1 if highest <= 10 else 11)
        counts.setTitleText(_("items"))
        polarity = QValueAxis()
        polarity.setRange(-1, 1)
        polarity.setTitleText(_("tone"))
        chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(polarity, Qt.AlignmentFlag.AlignRight)
        bar_series.attachAxis(days)
        bar_series.attachAxis(counts)
        tone_x = QDateTimeAxis()
        tone_x.setFormat("dd-MM")
        self._days_shown = len(series)
        tone_x.setTickCount(self._tick_count())
        self._date_axis = tone_x
        if series:
            first = QDateTime(QDate.fromString(series[0]["day"], "yyyy-MM-dd"), QTime(0, 0))
            # Ends a second before midnight: ending at midnight put tomorrow's date under the
            # last bar's right edge, as if the chart went on into tomorrow.
            tone_x.setRange(first, first.addDays(len(series)).addSecs(-1))
        chart.addAxis(tone_x, Qt.AlignmentFlag.AlignBottom)
        tone.attachAxis(tone_x)
        tone.attachAxis(polarity)
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
