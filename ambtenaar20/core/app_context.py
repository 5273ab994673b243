"""The composition root: builds paths, settings, the store and the services, once.

The CLI and the GUI both start here, so both see the same data the same way. Services that need
heavy libraries are created on first use, which keeps start-up fast.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ambtenaar20.core import i18n
from ambtenaar20.core.errors import StoreError
from ambtenaar20.core.i18n import _
from ambtenaar20.core.paths import AppPaths, resolve_data_dir
from ambtenaar20.core.settings import Settings, SettingsStore

if TYPE_CHECKING:
    from ambtenaar20.core.analysis.sentiment import SentimentAnalyser
    from ambtenaar20.core.backup.service import BackupService
    from ambtenaar20.core.drafting.service import DraftingService
    from ambtenaar20.core.feeds.items import ItemService
    from ambtenaar20.core.feeds.service import FeedService
    from ambtenaar20.core.feeds.topics import TopicService
    from ambtenaar20.core.privacy import PrivacyService
    from ambtenaar20.core.store.database import OpenReport, Store
    from ambtenaar20.core.store.integrity import IntegrityCheck

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """Everything a front end (CLI or GUI) needs, wired together."""

    paths: AppPaths
    settings_store: SettingsStore
    settings: Settings
    language: str
    settings_problem: str | None = None
    _store: Store | None = field(default=None, repr=False)
    open_report: OpenReport | None = None
    _store_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _started_check: IntegrityCheck | None = field(default=None, repr=False)

    def start_integrity_check(self) -> None:
        """Begin checking the database file now, on a thread; opening the store waits for it."""
        from ambtenaar20.core.store.integrity import IntegrityCheck

        if self._store is None and self._started_check is None:
            self._started_check = IntegrityCheck(self.paths.database)

    @property
    def store(self) -> Store:
        """The database; opened (checked, backed up, migrated) on first use."""
        # Several threads may ask at once (the GUI and background tasks): only one may check
        # and migrate the file.
        with self._store_lock:
            if self._store is None:
                # Imported here: the database libraries are the slowest part of start-up, and
                # the window is shown before they are needed.
                from ambtenaar20.core.store.database import open_store

                check, self._started_check = self._started_check, None
                self._store, self.open_report = open_store(self.paths.database,
                                                           self.paths.backups_dir, check)
            return self._store

    @property
    def store_is_open(self) -> bool:
        return self._store is not None

    @cached_property
    def logbook(self):  # -> LogbookService (imported on first use)
        from ambtenaar20.core.logbook.service import LogbookService, default_actor

        self.store  # noqa: B018 - open and migrate here, once, before worker threads share it
        return LogbookService(lambda: self.store.db,
                              actor=lambda: self.settings.profile.name or default_actor())

    @cached_property
    def sentiment(self) -> SentimentAnalyser:
        """The one sentiment analyser, shared by feed items and drafts; both leave out the
        officer's words without tone, as they are in the settings now."""
        from ambtenaar20.core.analysis.sentiment import SentimentAnalyser

        return SentimentAnalyser(lambda: self.settings.tone.toneless_words)

    @cached_property
    def drafting(self) -> DraftingService:
        """Guideline packs, the checker and the drafts store."""
        from ambtenaar20.core.drafting.service import DraftingService

        service = DraftingService(self.paths.data_dir, self.paths.packs_dir,
                                  lambda: self.sentiment, lambda: self.store.db,
                                  own_templates=self._own_template_texts)
        service.recorder = _LogbookRecorder(self)
        return service

    def _own_template_texts(self) -> list[str]:
        # The window has the store open; `check` on the command line only peeks at the file.
        if self.store_is_open:
            return self.drafting.drafts.own_template_texts()
        from ambtenaar20.core.drafting.drafts import peek_own_template_texts

        return peek_own_template_texts(self.paths.database)

    @cached_property
    def backup(self) -> BackupService:
        from ambtenaar20.core.backup.service import BackupService

        return BackupService(self)

    @cached_property
    def privacy(self) -> PrivacyService:
        from ambtenaar20.core.drafting.erasure import DraftsErasure
        from ambtenaar20.core.feeds.erasure import FeedItemsErasure
        from ambtenaar20.core.logbook.erasure import LogbookErasure
        from ambtenaar20.core.privacy import PrivacyService

        service = PrivacyService(self)
        feeds = FeedItemsErasure(lambda: self.store.db, secrets=lambda: self.feeds.secrets)
        # Both before the feeds: a log entry or draft replying to the person's item is known by
        # that item's author or feed, which the feeds' erasure replaces.
        service.register_erasure(LogbookErasure(lambda: self.store.db, own_items=feeds.items_of))
        service.register_erasure(DraftsErasure(lambda: self.store.db, own_items=feeds.items_of))
        service.register_erasure(feeds)
        service.register_retention(_FeedItemRetention(self))
        return service

    @cached_property
    def feeds(self) -> FeedService:
        from ambtenaar20.core.feeds.service import FeedService
        from ambtenaar20.core.secret_store import SecretStore

        # Retention runs after each refresh, through the privacy service, so items that drafts
        # or log entries refer to are kept and the period is the one set in the preferences.
        # Looked up then, not now: the privacy service loads every area's erasure code, which
        # listing feeds at start-up does not need.
        return FeedService(self.store, self.settings.feeds, SecretStore(),
                           after_refresh=self._retention_after_refresh)

    def _retention_after_refresh(self) -> None:
        from ambtenaar20.core.privacy import is_retention_period

        days = self.settings.retention.feed_item_days
        valid = is_retention_period(days)
        # Most refreshes find nothing old enough to purge: then the privacy service and the
        # drafts and log stores it asks what to keep are not loaded at all (~10 ms a refresh).
        if valid and (days == 0 or not self.feeds.has_items_older_than(days)):
            return
        self.privacy.purge_expired()

    @cached_property
    def topics(self) -> TopicService:
        from ambtenaar20.core.feeds.topics import TopicService

        return TopicService(self.store)

    @cached_property
    def items(self) -> ItemService:
        from ambtenaar20.core.feeds.items import ItemService

        return ItemService(self.store, self.sentiment)

    def save_settings(self) -> None:
        self.settings_store.save(self.settings)

    def refresh_settings(self) -> bool:
        """Take in what another process (the command line) saved in the settings meanwhile;
        True when anything changed."""
        return self.settings_store.refresh(self.settings)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class _LogbookRecorder:
    """Records published drafts in the interaction log, resolving the log only when used.

    Checking a text needs no database; only publishing does, so the log (and the database) is
    not opened until a draft is actually published.
    """

    def __init__(self, context: AppContext) -> None:
        self._context = context

    def record_published(self, draft_id: int, url: str, platform: str, topic: str,
                         open_findings: list) -> None:
        # A reply to a feed item is linked to that item too, so the log shows what it answered;
        # a copy of a reply, published once more, says the same about the item as the reply.
        from ambtenaar20.core.replies import answered_item

        item_id = self._context.drafting.drafts.get(draft_id).feed_item_id
        answered = answered_item(self._context, item_id) if item_id is not None else {}
        self._context.logbook.record_published(
            draft_id, url, platform, topic, open_findings, item_id=item_id,
            summary=answered.get("summary", ""), counterpart=answered.get("counterpart", ""),
            item_link=answered.get("url", ""))


class _FeedItemRetention:
    """Purges old feed items, keeping the ones a draft or a log entry refers to."""

    kind = "feed_items"

    def __init__(self, context: AppContext) -> None:
        self._context = context

    def purge_older_than(self, days: int) -> int:
        # The drafts store alone, not the drafting service: this runs after every refresh,
        # and the service loads the checker's packs and word lists.
        from ambtenaar20.core.drafting.drafts import DraftStore

        drafts = DraftStore(lambda: self._context.store.db)
        keep = drafts.linked_item_ids() | self._context.logbook.linked_item_ids()
        return self._context.feeds.apply_retention(days, keep)


def create_app_context(
    data_dir: str | Path | None = None, language: str | None = None
) -> AppContext:
    """Resolve paths and language, load settings; the database opens on first use."""
    paths = AppPaths(resolve_data_dir(data_dir))
    try:
        paths.ensure()
    except OSError as error:
        from ambtenaar20.core.disk_errors import os_reason

        raise StoreError(
            _("The data folder {path} cannot be used: {reason}").format(
                path=paths.data_dir, reason=os_reason(error, folder=True))
        ) from error
    # A restore cut off by a crash is completed before anything reads the data folder.
    from ambtenaar20.core.backup.swap import finish_interrupted

    finish_interrupted(paths.data_dir)
    settings_store = SettingsStore(paths.settings)
    loaded = settings_store.load()
    chosen = i18n.resolve_language(language or loaded.settings.language)
    i18n.set_language(chosen)
    return AppContext(
        paths=paths,
        settings_store=settings_store,
        settings=loaded.settings,
        language=chosen,
        settings_problem=loaded.problem_message(),
    )
