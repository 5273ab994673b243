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


def test_lists_are_merged_item_by_item(tmp_path):
    # QA s6/qa-f 1: the window's list, read before 'tone-words add droogte', won whole.
    path = tmp_path / "settings.json"
    window, terminal = SettingsStore(path), SettingsStore(path)
    window.save(window.load().settings)
    mine = window.load().settings
    mine.tone.toneless_words = ["hitte"]
    window.save(mine)
    theirs = terminal.load().settings
    theirs.tone.toneless_words = ["hitte", "droogte"]
    terminal.save(theirs)
    mine.tone.toneless_words = ["wateroverlast"]  # the window took "hitte" out, added one
    window.save(mine)
    assert SettingsStore(path).load().settings.tone.toneless_words == ["droogte",
                                                                        "wateroverlast"]


def test_the_window_takes_in_what_another_process_saved(tmp_path):
    # QA s6/qa-f 3 and 7: items fetched by the window were scored with its old list, and
    # Rapportage showed an erased name, until the window saved.
    path = tmp_path / "settings.json"
    window, terminal = SettingsStore(path), SettingsStore(path)
    window.save(window.load().settings)
    mine = window.load().settings
    tone = mine.tone
    mine.profile.name = "Nog niet opgeslagen"
    assert window.refresh(mine) is False  # nothing saved elsewhere: nothing read
    theirs = terminal.load().settings
    theirs.tone.toneless_words = ["droogte"]
    theirs.privacy.hidden_names = ["Piet Smit"]
    terminal.save(theirs)
    assert window.refresh(mine) is True
    assert mine.tone is tone and tone.toneless_words == ["droogte"]
    assert mine.privacy.hidden_names == ["Piet Smit"]
    assert mine.profile.name == "Nog niet opgeslagen"  # this process's change stays
    window.save(mine)
    saved = SettingsStore(path).load().settings
    assert (saved.profile.name, saved.tone.toneless_words) == ("Nog niet opgeslagen",
                                                             ["droogte"])


def test_a_reset_by_another_process_does_not_wipe_the_windows_settings(tmp_path):
    # QA s6/qa-f 2: damaged while the window was open, then 'tone-words add droogte': the
    # window's close kept the command's defaults (no profile, no names to hide).
    path = tmp_path / "settings.json"
    window = SettingsStore(path)
    window.save(window.load().settings)
    mine = window.load().settings
    mine.profile.name, mine.privacy.hidden_names = "Marieke Hoekstra", ["Piet Smit"]
    mine.tone.toneless_words = ["hitte"]
    window.save(mine)
    path.write_text(path.read_text(encoding="utf-8")[:60], encoding="utf-8")  # damaged
    terminal = SettingsStore(path)
    loaded = terminal.load()
    assert loaded.damaged_copy is not None
    loaded.settings.tone.toneless_words = ["droogte"]
    terminal.save(loaded.settings)
    window.save(mine)  # the window closes
    saved = SettingsStore(path).load().settings
    assert saved.profile.name == "Marieke Hoekstra"
    assert saved.privacy.hidden_names == ["Piet Smit"]
    assert saved.tone.toneless_words == ["droogte", "hitte"]
