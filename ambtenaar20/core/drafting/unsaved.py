"""A new draft that is stored only once it has content.

Opening Schrijven on a new data folder stored an empty draft before the officer typed a word:
``drafts list`` showed it and counted it. The window now writes in an ``UnsavedDraft`` until
there is something to keep (see ``has_content``); the first write stores it, once, however many
worker threads write at the same moment. From then on it is an ordinary draft: emptied again, it
stays, because it is still the officer's draft (the next "New draft" reuses it, see
``DraftStore.blank``).
"""

from __future__ import annotations

import datetime
import itertools
import threading
from collections.abc import Iterable

from ambtenaar20.core.drafting.drafts import Draft, DraftStore

#: Numbers for drafts not stored yet: below 1, so never a stored draft's (SQLite starts at 1),
#: and each its own, so "is another draft shown now?" compares numbers as for stored ones.
_unsaved_numbers = itertools.count(-1, -1)


def has_content(text: str = "", topic: str = "", platforms: Iterable[str] = (),
                status: str = "draft") -> bool:
    """Worth storing: text that is not only spaces, a topic, a platform or another status.

    A ticked checklist question, an ignored finding and publishing count too; they are
    decisions about the draft, so whoever makes one stores the draft (``UnsavedDraft.store``).
    """
    return bool(text.strip() or topic.strip() or tuple(platforms) or status != "draft")


class UnsavedDraft:
    """The draft shown for writing before anything is stored; ``store`` stores it."""

    def __init__(self, store: DraftStore) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._stored: Draft | None = None
        now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        #: What the window shows meanwhile: empty, a number no stored draft has.
        self.draft = Draft(id=next(_unsaved_numbers), text="", status="draft", topic="",
                           platforms=(), feed_item_id=None, language=None, created_at=now,
                           updated_at=now)

    @property
    def stored(self) -> Draft | None:
        """The draft as first stored, or None while nothing is."""
        return self._stored

    def store(self, text: str = "", topic: str = "", platforms: Iterable[str] = ()) -> Draft:
        """The stored draft: made now with this content, or the one an earlier call made.

        May run on any worker thread; an autosave and a ticked question at the same moment
        make one draft, not two. An empty draft nobody worked on (from an older version) is
        filled in rather than another one made.
        """
        with self._lock:
            if self._stored is None:
                self._stored = self._store.create_or_reuse(text, topic, platforms)
            return self._stored
