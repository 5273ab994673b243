"""A topic's trend: items per day by tone (stacked bars) and average tone (line), 30 or 90 days.

New figures for the same topic and days change the bars and the line in place, so a chart that
follows the store (``trend_follow``) does not flash a new chart every time it is told.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QPointF, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QWidget

from ambtenaar20.core.analysis.sentiment import sentiment_name
from ambtenaar20.core.i18n import _

#: The stacked parts of a day's bar, bottom up, as ``ItemService.trend`` counts them.
TONES = ("negative", "neutral", "positive", "unscored")
#: Light and dark palette colours of the parts and the line: red, grey and green read as
#: tone at a glance; the line is blue so it is not taken for a part of the bars.
_COLOURS = {"negative": ("#c62828", "#ef6c6c"), "neutral": ("#9e9e9e", "#8a8a8a"),
            "positive": ("#2e7d32", "#5fbf63"), "unscored": ("#d7dde2", "#4a4f55"),
            "line": ("#1565c0", "#7db8ff")}


def _noon(day: str) -> QDateTime:
    return QDateTime(QDate.fromString(day, "yyyy-MM-dd"), QTime(12, 0))


def _tone_points(series: list[dict[str, Any]]) -> list[QPointF]:
    return [QPointF(_noon(point["day"]).toMSecsSinceEpoch(), point["polarity"])
            for point in series if point["polarity"] is not None]


def _waiting(series: list[dict[str, Any]]) -> bool:
    """Whether some item still waits for its tone (its part has a legend entry then)."""
    return any(point.get("unscored") for point in series)


def count_axis(highest: int, room: int) -> tuple[int, int]:
    """The top of the count axis and its number of ticks: whole numbers (1, 2, 5 times a power
    of ten apart), at most ``room`` ticks, so their labels are not elided to "…" when the
    chart is low (the reader under the list)."""
    room = max(2, room)
    step = 1
    while True:
        for factor in (1, 2, 5):
            ticks = -(-max(highest, 1) // (step * factor)) + 1
            if ticks <= room:
                return step * factor * (ticks - 1), ticks
        step *= 10


class TrendChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(_("Trend"))
        self.setMinimumHeight(220)
        self._days_shown = 0
        self._date_axis: QDateTimeAxis | None = None
        self._topic: str | None = None
        self._series: list[dict[str, Any]] = []
        self._sets: dict[str, QBarSet] = {}
        self._tone_line: QLineSeries | None = None
        self._counts: QValueAxis | None = None
        self._bars: QStackedBarSeries | None = None
        self.show_series("", [])

    def figures(self) -> dict[str, list[int]]:
        """The counts the bars show now, per tone (``TONES``), day by day, oldest first."""
        return {tone: [round(bars.at(day)) for day in range(bars.count())]
                for tone, bars in self._sets.items()}

    def _tick_count(self) -> int:
        """As many date labels as fit side by side (about 70 pixels each), at most 7 or 10."""
        most = 7 if self._days_shown <= 31 else 10
        return max(3, min(most, self.width() // 70))

    def _dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Window).lightness() < 128

    def _theme(self) -> QChart.ChartTheme:
        themes = QChart.ChartTheme
        return themes.ChartThemeDark if self._dark() else themes.ChartThemeLight

    def _colour(self) -> None:
        """The tones' own colours; a theme sets its colours on every series, so after it."""
        shade = 1 if self._dark() else 0
        for tone, bars in self._sets.items():
            bars.setColor(QColor(_COLOURS[tone][shade]))
            bars.setBorderColor(QColor(_COLOURS[tone][shade]))
        if self._tone_line is not None:
            pen = self._tone_line.pen()
            pen.setColor(QColor(_COLOURS["line"][shade]))
            pen.setWidthF(2.0)
            self._tone_line.setPen(pen)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self.chart() is not None:
            self.chart().setTheme(self._theme())
            self._colour()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._date_axis is not None:
            self._date_axis.setTickCount(self._tick_count())

    def _scale_counts(self, series: list[dict[str, Any]], chart: QChart | None = None) -> None:
        # About 28 pixels a label; before the first layout the plot is the view less the
        # title, the date labels and the legend.
        plot = (chart or self.chart()).plotArea().height()
        height = plot if plot > 0 else self.height() - 160
        top, ticks = count_axis(max([point["items"] for point in series] + [1]),
                                int(height // 28) + 1)
        self._counts.setRange(0, top)
        self._counts.setTickCount(ticks)

    def show_series(self, topic: str, series: list[dict[str, Any]]) -> None:
        """``series``: per day ``{"day", "items", "polarity"}`` and the count of each of
        ``TONES``, as ``ItemService.trend`` gives. The same figures again change nothing."""
        if topic == self._topic and series == self._series:
            return
        same_days = [point["day"] for point in series] == [point["day"] for point in
                                                            self._series]
        same_topic = topic == self._topic
        # Before the chart changes: its layout scales the count axis to ``_series``.
        self._topic, self._series = topic, series
        if same_topic and same_days:
            self._update(series)
        else:
            self._build(topic, series)
        self._legend_waiting(_waiting(series))

    def _update(self, series: list[dict[str, Any]]) -> None:
        for tone, bars in self._sets.items():
            for day, point in enumerate(series):
                if bars.at(day) != point.get(tone, 0):
                    bars.replace(day, point.get(tone, 0))
        self._tone_line.replace(_tone_points(series))
        self._scale_counts(series)

    def _legend_waiting(self, waiting: bool) -> None:
        """A legend entry for the items still without a tone only while there are any."""
        legend = self.chart().legend()
        marker = legend.markers(self._bars)[TONES.index("unscored")]  # one per part, in order
        if marker.isVisible() != waiting:
            marker.setVisible(waiting)
            # Else the legend keeps its old layout: the entry is drawn over its neighbours.
            legend.layout().invalidate()

    def _build(self, topic: str, series: list[dict[str, Any]]) -> None:
        chart = QChart()
        # Follows the system's light or dark palette, like the rest of the window.
        chart.setTheme(self._theme())
        # Axis labels in the app's language: "0,50" in Dutch, not "0.50".
        chart.setLocale(QLocale())
        chart.setLocalizeNumbers(True)
        chart.setTitle(_("Topic '{name}'").format(name=topic)
                       if topic else _("Choose a topic to see its trend"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        names = {"unscored": _("tone not known yet")}
        self._sets = {}
        bar_series = self._bars = QStackedBarSeries()
        for tone in TONES:
            bars = QBarSet(names.get(tone) or sentiment_name(tone))
            bars.append([point.get(tone, 0) for point in series])
            bar_series.append(bars)
            self._sets[tone] = bars
        tone = self._tone_line = QLineSeries()
        tone.setName(_("Average tone"))
        tone.append(_tone_points(series))
        chart.addSeries(bar_series)
        chart.addSeries(tone)
        # The line is named by its axis: four entries fit a narrow reader pane, five did not.
        chart.legend().markers(tone)[0].setVisible(False)
        # The bars sit on a hidden category axis (one slot per day); the visible date axis spans
        # the same days, so each day's noon is the middle of its bar. Category labels would be
        # elided to the width of one bar.
        days = QBarCategoryAxis()
        days.append([point["day"] for point in series] or [""])
        days.setVisible(False)
        counts = self._counts = QValueAxis()
        counts.setLabelFormat("%d")
        counts.setTitleText(_("items"))
        polarity = QValueAxis()
        polarity.setRange(-1, 1)
        polarity.setTitleText(_("average tone"))
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
        self._colour()
        self._scale_counts(series, chart)
        # The plot's height is known once the chart is laid out, and changes with the view's.
        chart.plotAreaChanged.connect(lambda _area: self._scale_counts(self._series))
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
