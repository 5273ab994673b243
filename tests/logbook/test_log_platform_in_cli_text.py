"""The CLI's text output names the telephone as the window does: "Phone" in English.

The stored value stays "Telefoon" (``core/logbook/platforms.py``), and JSON output keeps it:
scripts read stored values, people read labels.
"""

from __future__ import annotations

import json

import pytest

from tests.helpers import run_cli


def log(data_dir, *args: str, lang: str = "en"):
    result = run_cli("--lang", lang, "--data-dir", str(data_dir), "log", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def phoned(tmp_path):
    data_dir = tmp_path / "data"
    log(data_dir, "add", "--platform", "Telefoon", "--kind", "reactie", "--at",
        "2026-03-02T10:00", "--topic", "Afval", "--summary", "Gebeld over de container")
    return data_dir


def test_english_text_shows_phone(phoned):
    listing = log(phoned, "list")
    assert "Phone" in listing and "Telefoon" not in listing
    shown = log(phoned, "show", "1")
    assert "Phone" in shown and "Telefoon" not in shown
    edited = log(phoned, "edit", "1", "--platform", "X")
    assert edited.strip().endswith("Phone → X"), edited
    assert "Phone → X" in log(phoned, "show", "1")  # the history line too
    log(phoned, "edit", "1", "--platform", "Telefoon")
    log(phoned, "delete", "1")
    restored = log(phoned, "restore", "1")
    assert restored.strip().endswith("on Phone"), restored


def test_adding_in_english_confirms_with_phone(tmp_path):
    added = log(tmp_path / "data", "add", "--platform", "Telefoon", "--kind", "reactie")
    assert added.strip().endswith("on Phone"), added


def test_dutch_text_and_json_keep_telefoon(phoned):
    assert "Telefoon" in log(phoned, "list", lang="nl")
    assert "Telefoon" in log(phoned, "show", "1", lang="nl")
    [listed] = json.loads(log(phoned, "list", "--format", "json"))
    assert listed["platform"] == "Telefoon"
    shown = json.loads(log(phoned, "show", "1", "--format", "json"))
    assert shown["platform"] == "Telefoon"
    assert shown["history"][0]["new_values"]["platform"] == "Telefoon"


@pytest.mark.parametrize("typed", ["phone", "Phone", "telefoon", " Telefoon "])
def test_log_add_stores_the_telephone_as_the_window_does(data_dir, typed):
    from ambtenaar20.core.app_context import create_app_context

    context = create_app_context(data_dir, "en")
    try:
        entry = context.logbook.add(platform=typed, kind="reactie")
        assert entry.platform == "Telefoon"
        assert context.logbook.add(platform="LinkedIn", kind="reactie").platform == "LinkedIn"
    finally:
        context.close()
