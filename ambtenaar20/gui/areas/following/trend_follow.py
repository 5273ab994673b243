"""Keeps the Verloop chart on the stored figures while it is on screen, without reselecting.

Items change under an open chart in many ways: a refresh stores new ones, the tone pass scores
them, the officer corrects a tone, or ``ambtenaar20 refresh`` in a terminal adds some. The area
says ``changed`` for what happens in the window; what another process writes is seen by asking
again now and then (and when the app becomes active), as nothing tells this process about it.
Each look is one small query on a worker; the chart changes only when its figures did (in
place, see ``TrendChart.show_series``). Nothing is asked while the tab is not on screen: the
chart is read afresh when it comes back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QComboBox, QTreeWidget, QWidget

from ambtenaar20.gui.areas.following.feed_actions import KIND_ROLE, VALUE_ROLE
from ambtenaar20.gui.areas.following.trend_chart import TrendChart
from ambtenaar20.gui.on_screen_watch import OnScreenWatch
from ambtenaar20.gui.workers import run_in_background

if TYPE_CHECKING:
    from ambtenaar20.core.app_context import AppContext

log = logging.getLogger(__name__)

#: How often an open chart looks for items written by another process (the CLI), in ms.
POLL_MS = 15_000
#: Changes in the window come in bursts (a refresh: lists, rows, then tones): one look after.
SETTLE_MS = 300


class TrendFollower(QObject):
    """Puts a ``TrendChart`` on ``page`` for the topic chosen in ``tree`` over the days chosen
    in ``days``, and keeps it on the stored figures while ``page`` is on screen."""

    def __init__(self, context: AppContext, page: QWidget, tree: QTreeWidget, days: QComboBox,
                 on_error: Callable[[Exception], None]) -> None:
        super().__init__(page)
        self.context, self.page, self.tree, self.days = context, page, tree, days
        self.chart = TrendChart()
        page.layout().addWidget(self.chart, 1)
        self._on_error = on_error
        self._generation = 0
        self._running = False
        self._again = False
        self._shown_error: int | None = None
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self.look)
        #: Looks for other processes' writes while the chart is on screen; "shown": the
        #: changes made while it was away.
        self.watch = OnScreenWatch(self, page, POLL_MS, self.look, shown=self.chosen,
                                   hidden=self._settle.stop)
        self.poll = self.watch.poll
        tree.currentItemChanged.connect(lambda *_items: self.chosen())
        days.currentIndexChanged.connect(lambda _index: self.chosen())
        self.chosen()

    def on_screen(self) -> bool:
        return self.watch.on_screen()

    def wanted(self) -> tuple[str, int] | None:
        """The topic and the number of days to show; None when no topic is chosen."""
        current = self.tree.currentItem()
        if current is None or current.data(0, KIND_ROLE) != "topic":
            return None
        return current.data(0, VALUE_ROLE), self.days.currentData()

    def chosen(self) -> None:
        """Another topic or period: show it now (an answer for the old one is dropped)."""
        self._generation += 1
        self._settle.stop()
        self.look()

    def changed(self) -> None:
        """Items may have changed: look once the burst is over, if the chart is on screen."""
        if self.on_screen():
            self._settle.start()

    def look(self) -> None:
        """Read the figures on a worker and show them if they differ from those on screen."""
        if not self.on_screen():
            return
        if self._running:
            self._again = True  # one look after this one, for what it may have missed
            return
        wanted = self.wanted()
        if wanted is None:
            self.chart.show_series("", [])
            return
        name, days = wanted
        generation = self._generation
        self._running, self._again = True, False
        items = self.context.items
        run_in_background(
            lambda _cancel, _progress: items.trend(name, days),
            on_success=lambda series: self._arrived(generation, name, series),
            on_error=lambda error: self._failed(generation, error), owner=self)

    def _arrived(self, generation: int, name: str, series: list[dict[str, Any]]) -> None:
        self._running = False
        if generation == self._generation and self.on_screen():
            self.chart.show_series(name, series)
        else:
            self._again = True  # the topic changed meanwhile, or the tab was left
        self._next()

    def _failed(self, generation: int, error: Exception) -> None:
        self._running = False
        if generation == self._generation and not self._again:
            # A topic removed elsewhere fails every look until the tree is read again: one
            # message per topic chosen, not one every few seconds.
            if self._shown_error != generation:
                self._shown_error = generation
                self._on_error(error)
            else:
                log.info("trend: %s", error)
        self._next()

    def _next(self) -> None:
        if self._again:
            self._again = False
            self.look()
