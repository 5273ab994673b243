"""Settings the command line saves while the window is open are taken in at once.

QA s6/qa-f: with the window open, 'tone-words add' did not reach the items the window fetched
next, Voorkeuren showed the old list, and Rapportage kept showing a name erased from a terminal.
"""

from __future__ import annotations

from tests.helpers import run_cli


def test_the_window_takes_in_what_the_command_line_saves(qtbot, window):
    from ambtenaar20.gui.settings_watch import watch_settings

    context = window.context
    context.settings.privacy.hidden_names = ["Piet Smit", "Eva Groen"]
    context.save_settings()
    window.rebuild_areas()
    window.show_area("report")
    report = window.area("report")
    report.pseudonymize_check.click()
    field = report.pseudonymize_choice.names_edit
    assert field.toPlainText() == "Piet Smit\nEva Groen"
    tone = context.settings.tone  # what the sentiment analyser reads
    watch = watch_settings(window)
    data = str(context.paths.data_dir)
    for args in (("erase-person", "Piet Smit", "--yes"), ("tone-words", "add", "droogte")):
        result = run_cli("--data-dir", data, *args)
        assert result.returncode == 0, result.stderr
    qtbot.waitUntil(lambda: field.toPlainText() == "Eva Groen", timeout=10_000)
    qtbot.waitUntil(lambda: tone.toneless_words == ["droogte"], timeout=10_000)
    assert context.settings.privacy.hidden_names == ["Eva Groen"]
    assert watch.take_in() is False  # nothing new since
