"""Shared fixtures: the built-in checkers, built once per test session (packs are immutable)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ambtenaar20.core.analysis.sentiment import SentimentAnalyser
from ambtenaar20.core.drafting.checker import Checker
from ambtenaar20.core.drafting.pack_library import builtin_packs
from ambtenaar20.core.drafting.rule_context import CheckOptions

Found = Callable[..., dict[str, list[str]]]


@pytest.fixture(scope="session")
def nl_checker() -> Checker:
    return Checker(builtin_packs()["rijksoverheid-standaard"], SentimentAnalyser())


@pytest.fixture(scope="session")
def en_checker() -> Checker:
    return Checker(builtin_packs()["rijksoverheid-standard-en"], SentimentAnalyser())


def _found(checker: Checker) -> Found:
    def run(text: str, language: str | None = None, **options) -> dict[str, list[str]]:
        """Rule id -> matched texts, for compact assertions."""
        result = checker.check(text, language, CheckOptions(**options))
        found: dict[str, list[str]] = {}
        for finding in result.findings:
            found.setdefault(finding.rule, []).append(finding.text)
        return found

    return run


@pytest.fixture(scope="session")
def found_nl(nl_checker) -> Found:
    return _found(nl_checker)


@pytest.fixture(scope="session")
def found_en(en_checker) -> Found:
    return _found(en_checker)
