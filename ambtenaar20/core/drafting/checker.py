"""The checker: runs every active rule of a pack over a text and gathers one ``CheckResult``.

Pure and thread-safe, so the editor can run it on a worker thread while the officer types, and
the CLI can run it over many files. It never refuses a text: a rule that cannot judge returns
nothing, and the result is advice, not a verdict.
"""

from __future__ import annotations

from collections.abc import Callable

from ambtenaar20.core.analysis.sentiment import SentimentAnalyser
from ambtenaar20.core.drafting import placeholders, readability, rules_form, rules_words, spelling
from ambtenaar20.core.drafting.model import (
    SEVERITIES,
    ChecklistQuestion,
    CheckResult,
    Finding,
    LengthCount,
    Metrics,
)
from ambtenaar20.core.drafting.packs import Pack, Rule
from ambtenaar20.core.drafting.platforms import measure, platform, post_text
from ambtenaar20.core.drafting.rule_context import CheckOptions, RuleContext
from ambtenaar20.core.drafting.text_language import draft_language
from ambtenaar20.core.drafting.tone import tone_text
from ambtenaar20.core.drafting.wording import word_rule

RuleCheck = Callable[[Rule, RuleContext], list[Finding]]

#: Rules whose findings say what their words are: "Strikt vertrouwelijk" is a confidentiality
#: marking, so its "strikt" is no tone word (an organisation pack's own "confidential.*" too).
_NOT_TONE = ("confidential",)


def _tone(rule: Rule, ctx: RuleContext) -> list[Finding]:
    polarity, subjectivity = ctx.tone
    value = polarity if rule.param("measure") == "polarity" else subjectivity
    below, above = rule.param("below"), rule.param("above")
    if (below is not None and value < below) or (above is not None and value > above):
        body = ctx.text.strip()
        start = ctx.text.index(body[0])
        if rule.param("measure") == "subjectivity":
            direction = "subjective"
        else:
            direction = "negative" if below is not None and value < below else "positive"
        # The words to change: a score alone does not say where the tone comes from.
        words = ", ".join(f"'{w}'" for w in ctx.tone_words(direction)) or "—"
        return [ctx.finding(rule, start, start + len(body), score=ctx.decimal(value, 2),
                            words=words)]
    return []


CHECKS: dict[str, RuleCheck] = {
    "words": rules_words.check_words,
    "substitution": rules_words.check_substitution,
    "consistency": rules_words.check_consistency,
    "restraint": rules_words.check_restraint,
    "mentions": rules_words.check_mentions,
    "pii": rules_form.check_pii,
    "length": rules_form.check_length,
    "hashtag": rules_form.check_hashtag,
    "emoji": rules_form.check_emoji,
    "caps": rules_form.check_caps,
    "links": rules_form.check_links,
    "readability": readability.check_readability,
    "spelling": spelling.check_spelling,
    "tone": _tone,
    "placeholder": placeholders.check_placeholders,
}

_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def resolve_language(text: str, requested: str | None, fallback: str) -> str:
    """``nl`` or ``en``: as requested, else detected, else the pack's language."""
    if requested in ("nl", "en"):
        return requested
    return draft_language(text, fallback)


class Checker:
    """Checks texts against one pack. Build once per pack; ``check`` may run on any thread.

    ``wording`` is the language to word findings in (the officer's), ``counterpart`` the pack
    of that language to take a rule's words from (see ``wording.py``); by default the pack's.
    """

    def __init__(self, pack: Pack, sentiment: SentimentAnalyser | None = None,
                 wording: str | None = None, counterpart: Pack | None = None) -> None:
        self.pack = pack
        self.sentiment = sentiment or SentimentAnalyser()
        worded = [word_rule(rule, pack.language, wording or pack.language, counterpart)
                  for rule in pack.active_rules()]
        # Tone last: it leaves out what the other rules have reported (``_NOT_TONE``).
        self._rules = sorted(((rule, CHECKS[rule.kind], language) for rule, language in worded
                              if rule.kind in CHECKS), key=lambda entry: entry[0].kind == "tone")
        self._questions = [ChecklistQuestion(rule.id, rule.message, rule.link, language)
                           for rule, language in worded if rule.kind == "manual"]

    def check(self, text: str, language: str | None = None,
              options: CheckOptions | None = None) -> CheckResult:
        options = options or CheckOptions()
        lang = resolve_language(text, language, self.pack.language)
        findings: list[Finding] = []
        ctx = RuleContext(text=text, language=lang, options=options,
                          message_language=self.pack.language,
                          sentiment=lambda: self._tone(
                              tone_text(text, lang, _reported(findings)), lang),
                          known_word=lambda word: spelling.in_dictionary(word, lang),
                          entry_word=lambda word: spelling.in_word_list(word, lang),
                          tone_words=lambda direction: self.sentiment.driving_words(
                              tone_text(text, lang, _reported(findings)), lang, direction))
        limits = {**self._limits(), **options.limits}
        lengths = {}
        post = post_text(text)
        for name in options.platforms:
            target = platform(name)
            if target is not None:
                limit = limits.get(target.id, target.limit)
                counted, fits = measure(post, target, limit)
                lengths[target.id] = LengthCount(target.id, counted, limit, fits)
        ctx.lengths = lengths
        if text.strip():
            for rule, check, wording in self._rules:
                ctx.message_language = wording
                findings.extend(check(rule, ctx))
        findings.sort(key=lambda f: (f.start, f.end, _RANK.get(f.severity, 9), f.rule))
        polarity, subjectivity = ctx.tone if text.strip() else (0.0, 0.0)
        metrics = Metrics(readability=readability.score(ctx), polarity=polarity,
                          subjectivity=subjectivity, words=len(ctx.words),
                          sentences=len(ctx.sentences))
        first = platform(options.platforms[0]) if options.platforms else None
        return CheckResult(text=text, language=lang, platform=first.id if first else None,
                           pack_id=self.pack.id, pack_version=self.pack.version,
                           findings=findings, checklist=list(self._questions), metrics=metrics,
                           lengths=lengths)

    def _limits(self) -> dict[str, int]:
        rule = next((r for r, _check, _words in self._rules if r.kind == "length"), None)
        return dict(rule.param("limits", {})) if rule else {}

    def _tone(self, tone_text: str, language: str) -> tuple[float, float]:
        result = self.sentiment.analyse(tone_text, language)
        return result.polarity, result.subjectivity


def _reported(findings: list[Finding]) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in findings
            if f.rule in _NOT_TONE or f.rule.startswith(tuple(f"{r}." for r in _NOT_TONE))]
