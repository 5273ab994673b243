"""Schrijven stores a new draft only once it has content.

Opening Schrijven on a new data folder stored an empty draft before the officer typed anything;
``drafts list`` showed and counted it. Content is text that is not only spaces, a topic, a
platform, another status, a ticked question, an ignored finding or publishing. Autosave still
keeps every character typed; a stored draft emptied again stays the officer's draft.
"""

from __future__ import annotations

import json
import select
import signal
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import Qt

from ambtenaar20.core.app_context import create_app_context
from tests.gui.modal_answers import answer_dialogs_fixture  # noqa: F401
from tests.gui.writing_support import open_area
from tests.helpers import REPO_ROOT, cli_environment, run_cli


@pytest.fixture
def context(make_context):
    ctx = make_context("nl")
    ctx.store  # noqa: B018 - the app opens the database before the window, so do we
    return ctx


def listed(qtbot, area) -> None:
    """Wait until the first list of drafts is on screen (the hint is worded then)."""
    qtbot.waitUntil(lambda: area.drafts_list.empty_hint.text() != "", timeout=5000)


def test_opening_and_closing_schrijven_without_typing_stores_no_draft(qtbot, window, data_dir):
    window.show_area("write")
    area = window.area("write")
    qtbot.waitUntil(lambda: area.draft is not None, timeout=5000)
    listed(qtbot, area)
    qtbot.wait(200)  # whatever opening started in the background has finished
    assert window.context.drafting.drafts.list() == []
    # The empty list says why it is empty, in Dutch, to the eye and to a screen reader.
    hint = area.drafts_list.empty_hint
    assert hint.isVisible() and hint.text().startswith("Nog geen concepten.")
    assert "zodra u begint te typen" in hint.text()
    assert area.drafts_list.list.accessibleDescription() == hint.text()
    window.close()  # closing saves what was typed: nothing
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)

    as_json = run_cli("--data-dir", str(data_dir), "drafts", "list", "--format", "json")
    assert (as_json.returncode, json.loads(as_json.stdout)) == (0, [])
    as_text = run_cli("--lang", "nl", "--data-dir", str(data_dir), "drafts", "list")
    assert (as_text.returncode, as_text.stdout.strip()) == (0, "Er zijn geen concepten.")


def test_the_first_character_typed_stores_the_draft_and_it_is_listed(qtbot, context):
    area = open_area(qtbot, context)
    listed(qtbot, area)
    assert context.drafting.drafts.list() == []
    area.editor.setFocus()
    qtbot.keyClicks(area.editor, "W")
    qtbot.waitUntil(lambda: [d.text for d in context.drafting.drafts.list()] == ["W"],
                    timeout=5000)
    qtbot.waitUntil(lambda: area.drafts_list.list.count() == 1, timeout=5000)
    assert not area.drafts_list.empty_hint.isVisible()
    [stored] = context.drafting.drafts.list()
    assert area.draft.id == stored.id  # the window writes on in the stored draft
    qtbot.keyClicks(area.editor, "ij")
    area.flush()
    assert [(d.id, d.text) for d in context.drafting.drafts.list()] == [(stored.id, "Wij")]


def test_spaces_alone_and_text_typed_and_removed_store_nothing(qtbot, context):
    area = open_area(qtbot, context)
    listed(qtbot, area)
    area.editor.setFocus()
    qtbot.keyClicks(area.editor, "   ")
    area.save_now()
    area.editor.setPlainText("Toch niet")
    area.editor.setPlainText("")
    area.flush()
    qtbot.wait(300)
    assert context.drafting.drafts.list() == []


@pytest.mark.parametrize("content", ["topic", "platform", "status", "tick"])
def test_a_topic_platform_status_or_tick_stores_the_draft_once(qtbot, context, content):
    drafts = context.drafting.drafts
    area = open_area(qtbot, context)
    listed(qtbot, area)
    assert drafts.list() == []
    if content == "topic":
        area.topic.setText("Afval")
        area.topic.editingFinished.emit()
    elif content == "platform":
        area.platform_bar.boxes["x"].setChecked(True)
    elif content == "status":
        area.status.setCurrentIndex(area.status.findData("checked"))
        area.status.activated.emit(area.status.currentIndex())
    else:
        qtbot.waitUntil(lambda: area.panel.checklist.count() > 0, timeout=5000)
        area.panel.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: len(drafts.list()) == 1, timeout=5000)
    [stored] = drafts.list()
    assert (stored.topic, stored.platforms, stored.status, bool(drafts.ticks(stored.id))) == {
        "topic": ("Afval", (), "draft", False), "platform": ("", ("x",), "draft", False),
        "status": ("", (), "checked", False), "tick": ("", (), "draft", True)}[content]
    qtbot.waitUntil(lambda: area.draft.id == stored.id, timeout=5000)
    # Writing on goes into the same draft.
    area.editor.setPlainText("Verder geschreven")
    area.flush()
    assert [(d.id, d.text) for d in drafts.list()] == [(stored.id, "Verder geschreven")]


def test_typing_ticking_and_choosing_a_platform_at_once_make_one_draft(qtbot, context):
    """Three writes on worker threads, all before the first finished: one draft, all of it."""
    drafts = context.drafting.drafts
    area = open_area(qtbot, context)
    listed(qtbot, area)
    qtbot.waitUntil(lambda: area.panel.checklist.count() > 0, timeout=5000)
    area.editor.setPlainText("Alles tegelijk")
    area.save_now()
    area.panel.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    area.platform_bar.boxes["mastodon"].setChecked(True)
    qtbot.waitUntil(lambda: drafts.list() != [] and drafts.list()[0].platforms == ("mastodon",)
                    and drafts.ticks(drafts.list()[0].id) != set(), timeout=5000)
    qtbot.wait(300)
    [stored] = drafts.list()
    assert stored.text == "Alles tegelijk"


def test_a_draft_emptied_again_stays_and_is_not_doubled(qtbot, context):
    """It is still the officer's draft (its number may be in their notes): not deleted behind
    their back. Being empty again, it is the one a next "New draft" reuses."""
    drafts = context.drafting.drafts
    area = open_area(qtbot, context)
    area.editor.setPlainText("Eerst iets")
    area.flush()
    [stored] = drafts.list()
    area.editor.setPlainText("")
    area.flush()
    assert [(d.id, d.text) for d in drafts.list()] == [(stored.id, "")]
    qtbot.mouseClick(area.drafts_list.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "nog leeg" in area.state.text(), timeout=5000)
    area.close()
    again = open_area(qtbot, context)
    qtbot.waitUntil(lambda: again.draft.id == stored.id, timeout=5000)
    assert [d.id for d in drafts.list()] == [stored.id]


def test_an_empty_draft_of_an_older_version_is_reused_not_added_to(qtbot, context):
    drafts = context.drafting.drafts
    old = drafts.create("")  # what opening Schrijven stored before
    area = open_area(qtbot, context)
    qtbot.waitUntil(lambda: area.draft.id == old.id, timeout=5000)
    for _click in range(2):
        qtbot.mouseClick(area.drafts_list.new_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "nog leeg" in area.state.text(), timeout=5000)
    assert area.draft.id == old.id
    area.editor.setPlainText("Eindelijk tekst")
    area.flush()
    assert [(d.id, d.text) for d in drafts.list()] == [(old.id, "Eindelijk tekst")]


def test_a_failed_first_store_is_tried_again(qtbot, context, monkeypatch):
    from ambtenaar20.core.errors import StoreError

    drafts = context.drafting.drafts
    real = drafts.create_or_reuse
    attempts: list[str] = []

    def flaky(text="", *rest):
        attempts.append(text)
        if len(attempts) == 1:
            raise StoreError("schijf vol")
        return real(text, *rest)

    area = open_area(qtbot, context)
    listed(qtbot, area)
    monkeypatch.setattr(drafts, "create_or_reuse", flaky)
    area.editor.setPlainText("Moet bewaard worden")
    qtbot.waitUntil(lambda: area.state.text() == "schijf vol", timeout=4000)
    qtbot.waitUntil(lambda: [d.text for d in drafts.list()] == ["Moet bewaard worden"],
                    timeout=6000)
    qtbot.waitUntil(lambda: area.drafts_list.list.count() == 1, timeout=5000)


def test_deleting_or_copying_the_new_empty_draft_says_there_is_nothing(qtbot, context,
                                                                        answer_dialogs):
    area = open_area(qtbot, context)
    listed(qtbot, area)
    asked: list[object] = []
    answer_dialogs(lambda dialog: (asked.append(dialog), dialog.reject()))  # none is expected
    qtbot.mouseClick(area.drafts_list.delete_button, Qt.MouseButton.LeftButton)
    assert asked == []
    assert "niets te verwijderen" in area.state.text()
    qtbot.mouseClick(area.drafts_list.copy_button, Qt.MouseButton.LeftButton)
    assert "niets te kopiëren" in area.state.text()
    qtbot.wait(200)
    assert context.drafting.drafts.list() == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_one_character_typed_survives_kill_9(tmp_path):
    """The real window in its own process: open Schrijven, nothing stored; type one character,
    kill -9 once the autosave stored it; the next start finds it."""
    data = tmp_path / "data"
    go = tmp_path / "go"
    child = subprocess.Popen([sys.executable, "-m", "tests.gui.schrijven_typist", str(data),
                              str(go)], cwd=REPO_ROOT, env=cli_environment(),
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert line_within(child, 60) == "ready"
        assert stored_texts(data) == []
        go.touch()
        assert line_within(child, 30) == "typed"
        deadline = time.monotonic() + 20
        while stored_texts(data) != ["a"] and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL
    assert stored_texts(data) == ["a"]


def line_within(child: subprocess.Popen, seconds: float) -> str:
    """The child's next line, or "" when none came in time (a failing test does not hang)."""
    readable, _w, _x = select.select([child.stdout], [], [], seconds)
    return child.stdout.readline().strip() if readable else ""


def stored_texts(data) -> list[str]:
    context = create_app_context(data, "nl")
    try:
        return [draft.text for draft in context.drafting.drafts.list()]
    finally:
        context.close()
