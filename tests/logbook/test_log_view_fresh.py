"""Back in Logboek, the list shows what was logged elsewhere meanwhile, and is not read again
for nothing.

A reply published in Schrijven, "Reageren" in Volgen or ``log add`` beside the window add
entries while the Logboek area, built earlier, is out of sight.
"""

from __future__ import annotations

from tests.helpers import run_cli


def shown_log(qtbot, window):
    window.show_area("log")
    view = window.areas["log"]
    qtbot.waitUntil(lambda: not view.model.loading and view._revision is not None,
                    timeout=5000)
    return view


def test_entries_logged_elsewhere_are_there_when_the_log_is_shown_again(qtbot, window,
                                                                        context):
    context.logbook.add(platform="X", kind="reactie", summary="eerste")
    view = shown_log(qtbot, window)
    assert view.model.rowCount() == 1
    window.show_area("write")
    # As publishing does in this process, and as the CLI does beside the window.
    context.logbook.add(platform="Mastodon", kind="reactie", summary="gepubliceerd")
    result = run_cli("--data-dir", str(context.paths.data_dir), "log", "add", "--platform",
                     "E-mail", "--kind", "vraag beantwoord", "--summary", "via de CLI")
    assert result.returncode == 0, result.stderr
    window.show_area("log")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=5000)


def test_an_unchanged_log_is_not_read_again(qtbot, window, context):
    context.logbook.add(platform="X", kind="reactie", summary="eerste")
    view = shown_log(qtbot, window)
    reloads = []
    view.model.reloaded.connect(lambda: reloads.append(1))
    window.show_area("write")
    window.show_area("log")
    qtbot.wait(300)
    assert reloads == []
    assert view.model.rowCount() == 1
