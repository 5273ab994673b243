"""A topic's trend: items per day (bars) and average sentiment (line) over 30 or 90 days."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from ambtenaar20.core.i18n import _


class TrendChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(_("Trend"))
        self.setMinimumHeight(220)
        self.show_series("", [])

    def show_series(self, topic: str, series: list[dict[str, Any]]) -> None:
        """``series``: per day ``{"day", "items", "polarity"}`` as ``ItemService.trend`` gives."""
        chart = QChart()
        chart.setTitle(_("Topic '{name}': items per day and average tone").format(name=topic)
                       if topic else _("Choose a topic to see its trend"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        bars = QBarSet(_("Items per day"))
        tone = QLineSeries()
        tone.setName(_("Average tone (-1 to +1)"))
        labels = []
        for index, point in enumerate(series):
            bars.append(point["items"])
            if point["polarity"] is not None:
                tone.append(index, point["polarity"])
            # Day-month labels; every label would be unreadable over 90 days.
            step = 1 if len(series) <= 31 else 7
            day = point["day"]
            labels.append(f"{day[8:10]}-{day[5:7]}" if index % step == 0 else " " * (index % 7))
        bar_series = QBarSeries()
        bar_series.append(bars)
        chart.addSeries(bar_series)
        chart.addSeries(tone)
        days = QBarCategoryAxis()
        days.append(labels or [""])
        days.setLabelsAngle(-60)
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        counts.setRange(0, max([point["items"] for point in series] + [1]))
        counts.setTitleText(_("items"))
        polarity = QValueAxis()
        polarity.setRange(-1, 1)
        polarity.setTitleText(_("tone"))
        chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(polarity, Qt.AlignmentFlag.AlignRight)
        bar_series.attachAxis(days)
        bar_series.attachAxis(counts)
        tone_x = QValueAxis()
        tone_x.setRange(-0.5, max(len(series) - 0.5, 0.5))
        tone_x.setVisible(False)
        chart.addAxis(tone_x, Qt.AlignmentFlag.AlignBottom)
        tone.attachAxis(tone_x)
        tone.attachAxis(polarity)
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
