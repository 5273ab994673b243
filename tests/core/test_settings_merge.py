"""A save keeps what another process saved meanwhile: the command line beside the window.

The window reads the settings at its start and writes them when it closes (its size). With
``tone-words add`` or ``hidden-names add`` run from a terminal meanwhile, that write undid them.
"""

from __future__ import annotations

import json

from ambtenaar20.core.app_context import create_app_context
from ambtenaar20.core.settings import SettingsStore
from tests.helpers import run_cli


def test_the_windows_save_keeps_what_the_command_line_saved_meanwhile(tmp_path):
    context = create_app_context(tmp_path / "data", "nl")  # the window's copy
    context.settings.profile.name = "Marieke Hoekstra"
    context.save_settings()
    for args in (("tone-words", "add", "hitte"), ("hidden-names", "add", "Jan de Vries")):
        result = run_cli("--data-dir", str(context.paths.data_dir), *args)
        assert result.returncode == 0, result.stderr
    tone = context.settings.tone  # held by the analyser: updated in place
    context.settings.window.geometry = "AQID"  # the window closes
    context.save_settings()
    saved = json.loads(context.paths.settings.read_text(encoding="utf-8"))
    assert saved["tone"]["toneless_words"] == ["hitte"]
    assert saved["privacy"]["hidden_names"] == ["Jan de Vries"]
    assert saved["window"]["geometry"] == "AQID"
    assert saved["profile"]["name"] == "Marieke Hoekstra"
    assert tone is context.settings.tone and tone.toneless_words == ["hitte"]
    context.close()


def test_a_value_changed_on_both_sides_is_the_later_saves(tmp_path):
    path = tmp_path / "settings.json"
    window, terminal = SettingsStore(path), SettingsStore(path)
    mine = window.load().settings
    theirs = terminal.load().settings
    theirs.profile.name, theirs.profile.function = "Uit de terminal", "Adviseur"
    terminal.save(theirs)
    mine.profile.name = "Uit het venster"
    window.save(mine)
    saved = SettingsStore(path).load().settings.profile
    assert (saved.name, saved.function) == ("Uit het venster", "Adviseur")


def test_a_file_made_after_the_start_is_merged_and_a_damaged_one_overwritten(tmp_path):
    path = tmp_path / "settings.json"
    window = SettingsStore(path)
    mine = window.load().settings  # no file yet
    terminal = SettingsStore(path)
    theirs = terminal.load().settings
    theirs.tone.toneless_words = ["hitte"]
    terminal.save(theirs)
    mine.language = "en"
    window.save(mine)
    saved = SettingsStore(path).load().settings
    assert (saved.language, saved.tone.toneless_words) == ("en", ["hitte"])
    path.write_text("{ kapot", encoding="utf-8")
    mine.language = "nl"
    window.save(mine)  # nothing to merge with: written as it is
    assert json.loads(path.read_text(encoding="utf-8"))["language"] == "nl"
