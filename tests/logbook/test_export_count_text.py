"""``export`` says "1.002 regels opgeslagen" as ``log list`` groups its totals, not "1002"."""

from __future__ import annotations

import json

import pytest

from tests.conftest import close_after_background_work
from tests.helpers import run_cli
from tests.logbook.conftest import AMSTERDAM
from tests.logbook.export_fixtures import add_many


@pytest.fixture
def thousand_entries(tmp_path):
    from ambtenaar20.core.app_context import create_app_context
    from ambtenaar20.core.logbook.service import LogbookService

    data = tmp_path / "data"
    context = create_app_context(data, language="en")
    add_many(LogbookService(lambda: context.store.db, tz=AMSTERDAM, actor=lambda: "tester"), 1002)
    close_after_background_work(context)
    return data


def export(data, *args, lang):
    return run_cli("--lang", lang, "--data-dir", str(data), "export", "--from", "2026-03-01",
                   "--to", "2026-03-31", *args, env={"TZ": "Europe/Amsterdam"})


def test_the_count_of_an_export_groups_thousands_in_the_text(thousand_entries, tmp_path):
    target = tmp_path / "maart.json"
    dutch = export(thousand_entries, "--format", "json", "-o", str(target), lang="nl")
    assert dutch.returncode == 0, dutch.stderr
    assert dutch.stdout.startswith("1.002 regels "), dutch.stdout
    assert len(json.loads(target.read_text(encoding="utf-8"))["interactions"]) == 1002
    english = export(thousand_entries, "--format", "csv", "-o", str(tmp_path / "march.csv"),
                     lang="en")
    assert english.stdout.startswith("Wrote 1,002 entries to "), english.stdout
    streamed = export(thousand_entries, "--format", "csv", "-o", "-", lang="nl")
    assert streamed.stderr.startswith("1.002 regels "), streamed.stderr
