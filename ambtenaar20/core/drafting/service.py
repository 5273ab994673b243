"""The drafting service: one place that knows the packs, the word list and the checkers.

The CLI and the editor both check through here, so they give the same findings for the same
text. Checkers are built once per pack and reused; ``check`` may run on a worker thread.

The checker and its rules are imported when a text is first checked, not with this module:
other parts reach the drafts through here too (a refresh's retention pass asks which feed
items drafts refer to), and the rules' imports (regex, the PII patterns) cost ~35 ms there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ambtenaar20.core.drafting.drafts import Draft, DraftStore, InteractionRecorder
from ambtenaar20.core.drafting.pack_library import PackLibrary
from ambtenaar20.core.drafting.preferences import PreferencesStore
from ambtenaar20.core.drafting.spelling import WordList
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _, current_language
from ambtenaar20.core.paths import DRAFTING_SETTINGS

if TYPE_CHECKING:
    from ambtenaar20.core.analysis.sentiment import SentimentAnalyser
    from ambtenaar20.core.drafting.checker import Checker
    from ambtenaar20.core.drafting.model import CheckResult
    from ambtenaar20.core.drafting.packs import Pack
    from ambtenaar20.core.store.connection import Connection



def _no_database() -> Connection:
    raise RuntimeError("this drafting service was built without a database")


class DraftingService:
    def __init__(self, data_dir: Path, packs_dir: Path,
                 sentiment: Callable[[], SentimentAnalyser],
                 db_getter: Callable[[], Connection] | None = None,
                 own_templates: Callable[[], list[str]] | None = None) -> None:
        self.library = PackLibrary(packs_dir)
        #: Drafts, dismissals, checklist ticks, templates (needs the database).
        self.drafts = DraftStore(db_getter or _no_database)
        #: The interaction log that "published" drafts are recorded in (set by the app when the
        #: log service exists; see ``InteractionRecorder``).
        self.recorder: InteractionRecorder | None = None
        self.word_list = WordList(data_dir / "wordlist.txt")
        self.preferences = PreferencesStore(data_dir / DRAFTING_SETTINGS)
        self._sentiment = sentiment
        #: The texts of the officer's own templates, whose placeholders the check reports.
        self._own_templates = own_templates or (lambda: [])
        self._checkers: dict[tuple[str, str], Checker] = {}
        self._lock = threading.Lock()

    def checker(self, pack: Pack, wording: str | None = None) -> Checker:
        """The checker for ``pack`` whose findings are worded in ``wording`` where the packs
        allow (the active pack of that language lends its rules' words; see ``wording.py``)."""
        from ambtenaar20.core.drafting.checker import Checker

        language = wording or pack.language
        counterpart = self.library.active(language) if language != pack.language else None
        key = (pack.label, repr(pack.rules), language,
               (counterpart.label, repr(counterpart.rules)) if counterpart else None)
        with self._lock:
            found = self._checkers.get(key)
            if found is None:
                found = Checker(pack, self._sentiment(), language, counterpart)
                self._checkers[key] = found
            return found

    def pack_for(self, text: str, language: str | None) -> Pack:
        """The active pack for the text's language (as asked, or detected)."""
        from ambtenaar20.core.drafting.checker import resolve_language

        lang = resolve_language(text, language, "nl")
        return self.library.active(lang)

    def check(self, text: str, *, language: str | None = None, platforms: tuple[str, ...] = (),
              pack: Pack | None = None, topic_words: tuple[str, ...] = (),
              limits: dict[str, int] | None = None,
              wording: str | None = None) -> CheckResult:
        """Check ``text``; ``language`` ``nl``/``en`` or None/``auto`` to detect it.

        The rules are those of the text's language, the findings are worded in ``wording``:
        by default the interface language, which the officer chose to read in.
        """
        from ambtenaar20.core.drafting.placeholders import placeholders_of
        from ambtenaar20.core.drafting.platforms import platform
        from ambtenaar20.core.drafting.rule_context import CheckOptions

        for name in platforms:
            if platform(name) is None:
                raise UsageError(_("Unknown platform '{name}'.").format(name=name))
        chosen = pack or self.pack_for(text, language)
        mine = self.preferences.load()
        options = CheckOptions(topic_words=(*topic_words, *mine.topic_words),
                               watchlist=tuple(mine.watchlist),
                               own_words=self.word_list.words(), platforms=tuple(platforms),
                               limits={**mine.limits, **(limits or {})},
                               template_placeholders=placeholders_of(self._own_templates()))
        lang = language if language in ("nl", "en") else None
        return self.checker(chosen, wording or current_language()).check(text, lang, options)

    def check_draft(self, draft: Draft) -> CheckResult:
        """A stored draft checked as Schrijven checks it: for its platforms, with its topic's
        words, in its language (a reply's is its item's; else detected).

        ``ambtenaar20 drafts`` finds the findings to dismiss and the ones still open when a
        draft is published through here, so they are the ones the window shows for it.
        """
        return self.check(draft.text, language=draft.language, platforms=draft.platforms,
                          topic_words=tuple(draft.topic.split()))
