"""The values the checker hands out: findings, checklist questions, metrics, one result.

Spans are character offsets (Python string indices, i.e. code points) into the checked text, so
the CLI, the tests and the editor all mean the same characters. A suggestion replaces exactly
its finding's span.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    suggestions: tuple[str, ...] = ()
    link: str | None = None
    #: Why the rule exists (the guideline behind it), for tooltips and the findings panel.
    why: str | None = None
    #: The language ``message`` and ``why`` are written in (``nl``/``en``): the officer's,
    #: unless the rule has no words in it (see ``wording.py``). Not part of the JSON.
    language: str = ""

    def apply(self, source: str, suggestion: str) -> str:
        """``source`` with this finding's span replaced by ``suggestion``."""
        return source[:self.start] + suggestion + source[self.end:]

    def as_json(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "link": self.link,
        }


@dataclass(frozen=True)
class ChecklistQuestion:
    id: str
    question: str
    link: str | None = None
    #: The language ``question`` is written in, as ``Finding.language``.
    language: str = ""


@dataclass(frozen=True)
class Metrics:
    readability: float | None
    polarity: float
    subjectivity: float
    words: int = 0
    sentences: int = 0


@dataclass(frozen=True)
class LengthCount:
    platform: str | None
    count: int
    limit: int | None
    #: Characters that fit within the limit (the rest would be cut off); None when all fit.
    fits: int | None = None

    @property
    def over(self) -> bool:
        return self.limit is not None and self.count > self.limit


@dataclass
class CheckResult:
    text: str
    language: str
    platform: str | None
    pack_id: str
    pack_version: str
    findings: list[Finding] = field(default_factory=list)
    checklist: list[ChecklistQuestion] = field(default_factory=list)
    metrics: Metrics = field(default_factory=lambda: Metrics(None, 0.0, 0.0))
    #: One count per platform asked for; ``length`` is the one for ``platform``.
    lengths: dict[str, LengthCount] = field(default_factory=dict)

    @property
    def length(self) -> LengthCount:
        if self.platform and self.platform in self.lengths:
            return self.lengths[self.platform]
        return LengthCount(None, len(self.text.rstrip()), None)  # as platforms.post_text

    @property
    def has_errors(self) -> bool:
        return any(finding.severity == "error" for finding in self.findings)

    def as_json(self) -> dict:
        return {
            "platform": self.platform,
            "language": self.language,
            "length": {"count": self.length.count, "limit": self.length.limit},
            "findings": [finding.as_json() for finding in self.findings],
            "checklist": [{"id": q.id, "question": q.question} for q in self.checklist],
            "metrics": {
                "readability": self.metrics.readability,
                "polarity": self.metrics.polarity,
                "subjectivity": self.metrics.subjectivity,
            },
            "pack": {"id": self.pack_id, "version": self.pack_version},
        }

