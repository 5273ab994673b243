"""Refreshing from the Volgen area: progress and cancel in the status bar, then notifications.

A mixin of ``FollowingArea``. The refresh (fetch, parse, write) runs on a worker thread; cancel
only sets its token, so the button returns at once. Sentiment follows in a second background
pass so the refresh itself stays quick.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ambtenaar20.core.feeds.waiting import waiting_note
from ambtenaar20.core.i18n import _, ngettext
from ambtenaar20.gui.workers import BackgroundTask, while_alive

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon


class RefreshControl:
    """Needs ``context``, ``progress``, ``cancel_button``, ``refresh_button``, ``model``,
    ``_status_bar``, ``_say``, ``_run``, ``reload_lists`` and ``_show_error``."""

    refresh_task: BackgroundTask | None = None
    _tray: QSystemTrayIcon | None = None
    _status_installed = False
    #: "Vernieuwen" was clicked while a cancelled refresh was still ending.
    _refresh_waiting = False
    #: The refresh to start then was asked for by the officer (see ``refresh``).
    _waiting_asked = False
    #: The pass scoring items stored without a tone, while it runs (``score_pending``).
    _scoring: BackgroundTask | None = None
    #: Asked for again while it ran: another pass follows it.
    _score_again = False

    def refresh(self) -> BackgroundTask | None:
        """A refresh the officer asked for (the button, adding a feed): it does not wait out a
        feed's back-off after an error (``core.feeds.waiting``)."""
        return self._refresh(asked=True)

    def refresh_on_timer(self) -> BackgroundTask | None:
        """The automatic refresh: a feed that failed waits out its back-off."""
        return self._refresh(asked=False)

    def _refresh(self, asked: bool) -> BackgroundTask | None:
        running = self.refresh_task
        if running is not None and not running.done:
            if not running.token.cancelled:
                return running
            # Cancelled, but the worker is still winding down (a slow server): the new refresh
            # starts as soon as it has ended; two refreshes never write at the same time.
            self._show_refreshing()
            self._waiting_asked = self._waiting_asked or asked
            if not self._refresh_waiting:
                self._refresh_waiting = True
                running.signals.finished.connect(while_alive(self, self._start_waiting_refresh))
            return running
        self._show_refreshing()
        return self._start_refresh(asked)

    def _start_waiting_refresh(self) -> None:
        if self._refresh_waiting:
            self._refresh_waiting = False
            asked, self._waiting_asked = self._waiting_asked, False
            self._show_refreshing()
            self._start_refresh(asked)

    def _show_refreshing(self) -> None:
        self._install_status_widgets()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.refresh_button.setEnabled(False)
        self._say(_("Refreshing feeds…"))

    def _start_refresh(self, asked: bool) -> BackgroundTask:
        def work(cancel, progress):
            report = self.context.feeds.refresh(cancel, progress, asked=asked)
            notify = {topic["name"] for topic in self.context.topics.list_topics()
                      if topic["notify"]}
            return report, notify

        self.refresh_task = self._run(
            work, on_success=self._refreshed, on_error=self._refresh_failed,
            on_progress=self._refresh_progress, on_cancelled=lambda: None)
        return self.refresh_task

    def _run_checking(self, work, on_success, on_error) -> BackgroundTask:
        """Run ``work`` (looking at a feed address: seconds on a slow server) with the busy
        bar and a message in the status bar, both gone before ``on_success``/``on_error``."""
        self._install_status_widgets()
        refreshing = self.refresh_task is not None and not self.refresh_task.done
        if not refreshing:
            self.progress.setRange(0, 0)
            self.progress.show()
        self._say(_("Checking the address…"))

        def ended(callback):
            def call(value) -> None:
                if self.refresh_task is None or self.refresh_task.done:
                    self.progress.hide()
                self._say(_("Ready"))
                callback(value)
            return call

        return self._run(work, on_success=ended(on_success), on_error=ended(on_error))

    def _install_status_widgets(self) -> None:
        bar = self._status_bar()
        if bar is not None and not self._status_installed:
            bar.addPermanentWidget(self.progress)
            bar.addPermanentWidget(self.cancel_button)
            self._status_installed = True

    def cancel_refresh(self) -> None:
        """Returns at once: the worker notices the token; nobody waits for it here."""
        self._refresh_waiting = False
        self._waiting_asked = False
        if self.refresh_task is not None:
            self.refresh_task.cancel()
        self._refresh_ui_done()
        self._say(_("Refresh cancelled."))

    def _refresh_progress(self, done: int, total: int, _what: str) -> None:
        if self.refresh_task is None or self.refresh_task.token.cancelled:
            return  # the cancelled one ending, not the refresh now shown
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _refresh_ui_done(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.refresh_button.setEnabled(True)

    def _refresh_failed(self, error: Exception) -> None:
        self._refresh_ui_done()
        self._show_error(error)

    def _refreshed(self, result) -> None:
        report, notify = result
        self._refresh_ui_done()
        failed = sum(1 for outcome in report.feeds if outcome.status == "error")
        message = ngettext("{n} new item", "{n} new items", report.new_items).format(
            n=report.new_items) + " · " + _("last refreshed {time}").format(
            time=time.strftime("%H:%M"))
        if failed:
            message += " · " + ngettext("{n} feed failed", "{n} feeds failed", failed).format(
                n=failed)
        # Else a refresh that left every failed feed alone said only "0 new items".
        waiting = waiting_note(report.waiting)
        if waiting:
            message += " · " + waiting
        self._say(message)
        self._notify(report, notify)
        self.reload_lists()
        if report.new_items:
            follower = getattr(self, "store_follower", None)
            if follower is not None and follower.on_screen():
                # In place, as for items stored elsewhere: an automatic refresh must not take
                # away the item being read or the place in the list.
                follower.look(after_refresh=True)
            else:
                self.model.reload()
        # Sentiment follows the refresh, so the refresh itself stays quick.
        self.score_pending()

    def score_pending(self, on_error=None) -> None:
        """Score the items stored without a tone (by a refresh here, or by ``ambtenaar20
        refresh`` elsewhere) in the background; then the Toon column of the rows on screen is
        filled in, without losing the place. One pass at a time: one asked for during another
        follows it. ``on_error``: instead of the message box."""
        if self._scoring is not None and not self._scoring.done:
            self._score_again = True
            return

        def ended() -> None:
            self._scoring = None
            if self._score_again:
                self._score_again = False
                self.score_pending(on_error)

        def scored(analysed: int) -> None:
            if analysed:
                self.model.reread_rows()
            ended()

        def failed(error: Exception) -> None:
            (on_error or self._show_error)(error)
            ended()

        self._scoring = self._run(
            lambda cancel, _p: self.context.items.analyse_pending(cancel=cancel),
            on_success=scored, on_error=failed)

    def _notify(self, report, wanted: set[str]) -> None:
        notice = tray_notice(report.matched, wanted)
        if notice is None or not self.tray_available():
            return
        if self._tray is None:
            from PySide6.QtWidgets import QSystemTrayIcon

            self._tray = QSystemTrayIcon(self.window().windowIcon(), self)
            self._tray.show()
        self._tray.showMessage(*notice)

    @staticmethod
    def tray_available() -> bool:
        """Whether the desktop has a tray to show a message in (not under offscreen Qt, not
        on every Linux desktop); a method so tests can stand in for a desktop that has one."""
        from PySide6.QtWidgets import QSystemTrayIcon

        return QSystemTrayIcon.isSystemTrayAvailable()


def tray_notice(matched: dict[str, int], wanted: set[str]) -> tuple[str, str] | None:
    """Title and text of the tray message after a refresh, or None when there is nothing to say.

    Only topics the officer asked to be notified about (``wanted``) that got at least one new
    item count, in the order of ``matched`` (the report lists topics by name).
    """
    news = {name: count for name, count in matched.items() if count and name in wanted}
    if not news:
        return None
    text = "; ".join(_("{topic}: {n} new").format(topic=name, n=count)
                     for name, count in news.items())
    return _("New items for your topics"), text
