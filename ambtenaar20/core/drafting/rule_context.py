"""What a rule sees while it runs: the text, its language, the officer's own lists, shared work.

Word and sentence lists are computed once per check and shared by every rule that needs them,
which keeps a whole check within a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ambtenaar20.core.drafting import text as textmod
from ambtenaar20.core.drafting.model import Finding
from ambtenaar20.core.drafting.packs import Rule


@dataclass
class CheckOptions:
    """The officer's own additions to the pack, for one check."""

    #: Words of the officer's own policy area (their topics), for the restraint rule.
    topic_words: tuple[str, ...] = ()
    #: Extra accounts to watch (handles, with or without ``@``).
    watchlist: tuple[str, ...] = ()
    #: Words the spelling check accepts (the officer's word list).
    own_words: frozenset[str] = frozenset()
    #: Platforms to count for; the first is the one reported as ``length``.
    platforms: tuple[str, ...] = ()
    #: Limits that differ from the pack's (e.g. a Mastodon server allowing 1000).
    limits: dict[str, int] = field(default_factory=dict)
    #: Placeholders of the officer's own templates, as written ("[naam]"; see
    #: ``placeholders.placeholders_of``). Those of the built-in templates are always known.
    template_placeholders: frozenset[str] = frozenset()


@dataclass
class RuleContext:
    text: str
    language: str
    options: CheckOptions
    sentiment: Callable[[], tuple[float, float]]
    #: Lower-cased words the spelling dictionary knows (for hashtag splitting).
    known_word: Callable[[str], bool] = lambda word: False
    #: Per platform id: the count against its limit (filled by the checker before rules run).
    lengths: dict = field(default_factory=dict)
    #: Lower-cased words that are a dictionary entry themselves (one word, not a compound).
    entry_word: Callable[[str], bool] = lambda word: False
    #: The language the running rule's messages are written in (numbers in them follow it);
    #: the checker sets it per rule, see ``wording.py``.
    message_language: str = ""
    #: The words that push the tone most towards a direction (``negative``, ``positive``,
    #: ``subjective``), strongest first.
    tone_words: Callable[[str], list[str]] = lambda direction: []

    def decimal(self, value: float, digits: int) -> str:
        """``value`` for a message: "0,99" in a Dutch pack's message, "0.99" in an English one."""
        text = f"{value:.{digits}f}"
        return text.replace(".", ",") if (self.message_language or self.language) == "nl" else text

    @cached_property
    def words(self) -> list[textmod.Span]:
        return textmod.words(self.text)

    @cached_property
    def prose_words(self) -> list[textmod.Span]:
        """``words`` without those of bracketed placeholders ("[Gevolg in één zin.]"): the
        template's wording, not the officer's, so readability does not measure them."""
        spans = textmod.bracketed_spans(self.text)
        if not spans:
            return self.words
        return [w for w in self.words if not any(s <= w.start < e for s, e in spans)]

    @cached_property
    def sentences(self) -> list[textmod.Span]:
        return textmod.sentences(self.text)

    @cached_property
    def links(self) -> list[tuple[int, int]]:
        return textmod.link_spans(self.text)

    def in_link(self, start: int, end: int) -> bool:
        """``text[start:end]`` overlaps a link or an e-mail address."""
        return any(start < link_end and link_start < end for link_start, link_end in self.links)

    @cached_property
    def tone(self) -> tuple[float, float]:
        return self.sentiment()

    def finding(self, rule: Rule, start: int, end: int, suggestions: tuple[str, ...] = (),
                template: str | None = None, severity: str | None = None,
                **values: object) -> Finding:
        """A finding of ``rule`` over ``text[start:end]``; ``template`` replaces its message."""
        matched = self.text[start:end]
        shown = ", ".join(f"'{s}'" if s else "—" for s in suggestions)
        message = textmod.fill(template or rule.message, match=matched, suggestions=shown,
                               **values)
        return Finding(rule=rule.id, severity=severity or rule.severity, start=start, end=end,
                       text=matched, message=message, suggestions=suggestions, link=rule.link,
                       why=rule.why, language=self.message_language or self.language)
