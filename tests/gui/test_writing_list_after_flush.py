"""Every stored draft is in the drafts list at once, with its own title, however it was stored.

Review: type "Concept een", wait for the autosave, "Nieuw concept", type "Concept twee" and
click "Concept een" in the list before the autosave. Switching stored "Concept twee" (the
flush), but the list went on showing only "Concept een", also after switching areas, so the
officer thought the second text lost. A stored draft flushed that way kept its old title.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from tests.gui.writing_support import open_area


@pytest.fixture
def context(make_context):
    ctx = make_context("nl")
    ctx.store  # noqa: B018 - the app opens the database before the window, so do we
    return ctx


def titles(area) -> list[str]:
    view = area.drafts_list.list
    return [view.item(row).text().split("\n")[0] for row in range(view.count())]


def current_title(area) -> str | None:
    item = area.drafts_list.list.currentItem()
    return item.text().split("\n")[0] if item is not None else None


def click_listed(qtbot, area, title: str) -> None:
    """A real mouse click on the list row with this title."""
    view = area.drafts_list.list
    [row] = [row for row in range(view.count()) if titles(area)[row] == title]
    item = view.item(row)
    view.scrollToItem(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualItemRect(item).center())


def new_draft_shown(qtbot, area) -> None:
    qtbot.mouseClick(area.drafts_list.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.unsaved is not None and area.editor.toPlainText() == "",
                    timeout=10000)


def test_a_new_draft_stored_by_clicking_another_is_listed_at_once(qtbot, window):
    """The review's steps in the window, with the real autosave delay and the real flush."""
    window.activateWindow()
    window.show_area("write")
    area = window.area("write")
    qtbot.waitUntil(lambda: area.draft is not None, timeout=10000)
    stored = area.context.drafting.drafts
    area.editor.setFocus()
    qtbot.keyClicks(area.editor, "Concept een")
    qtbot.wait(2000)  # the autosave (1.5 s) stores it
    qtbot.waitUntil(lambda: titles(area) == ["Concept een"], timeout=10000)

    new_draft_shown(qtbot, area)
    area.editor.setFocus()
    qtbot.keyClicks(area.editor, "Concept twee")
    assert area.unsaved is not None and area.unsaved.stored is None  # not autosaved yet
    click_listed(qtbot, area, "Concept een")
    qtbot.waitUntil(lambda: area.editor.toPlainText() == "Concept een", timeout=10000)
    assert sorted(d.text for d in stored.list()) == ["Concept een", "Concept twee"]

    qtbot.waitUntil(lambda: sorted(titles(area)) == ["Concept een", "Concept twee"],
                    timeout=10000)
    qtbot.wait(300)  # whatever else was on its way has arrived
    assert sorted(titles(area)) == ["Concept een", "Concept twee"]
    assert current_title(area) == "Concept een"  # the one clicked, the one shown
    assert area.draft.text == "Concept een"
    assert "(leeg concept)" not in " ".join(titles(area))

    for key in (Qt.Key.Key_3, Qt.Key.Key_2):  # away and back, as in the review
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(100)
    assert window.current_area_key() == "write"
    assert sorted(titles(area)) == ["Concept een", "Concept twee"]
    assert current_title(area) == "Concept een"


def test_a_stored_draft_flushed_by_clicking_another_shows_its_new_title(qtbot, context):
    drafts = context.drafting.drafts
    drafts.create("Oud begin")
    drafts.create("Ander concept")
    area = open_area(qtbot, context)
    qtbot.waitUntil(lambda: area.drafts_list.list.count() == 2, timeout=10000)
    click_listed(qtbot, area, "Oud begin")
    qtbot.waitUntil(lambda: area.editor.toPlainText() == "Oud begin", timeout=10000)
    area.editor.selectAll()
    area.editor.setFocus()
    qtbot.keyClicks(area.editor, "Nieuw begin")
    click_listed(qtbot, area, "Ander concept")  # within the autosave's 1.5 s
    qtbot.waitUntil(lambda: area.editor.toPlainText() == "Ander concept", timeout=10000)
    qtbot.waitUntil(lambda: sorted(titles(area)) == ["Ander concept", "Nieuw begin"],
                    timeout=10000)
    assert current_title(area) == "Ander concept"


@pytest.mark.parametrize("how", ["new draft", "template", "copy"])
def test_typing_then_starting_another_draft_lists_both(qtbot, context, how):
    """"Nieuw concept", a template and "Kopie maken" right after typing a new draft."""
    area = open_area(qtbot, context)
    qtbot.waitUntil(lambda: area.drafts_list.templates_menu.actions() != [], timeout=10000)
    area.editor.setFocus()
    qtbot.keyClicks(area.editor, "Eerste tekst")
    if how == "new draft":
        qtbot.mouseClick(area.drafts_list.new_button, Qt.MouseButton.LeftButton)
        expected = ["Eerste tekst"]  # the new one is listed once it has content
    elif how == "template":
        area.drafts_list.templates_menu.actions()[0].trigger()
        expected = ["Dank voor uw vraag.", "Eerste tekst"]
    else:
        qtbot.mouseClick(area.drafts_list.copy_button, Qt.MouseButton.LeftButton)
        expected = ["Eerste tekst", "Eerste tekst"]
    qtbot.waitUntil(lambda: area.editor.toPlainText() != "Eerste tekst" or how == "copy",
                    timeout=10000)
    qtbot.waitUntil(lambda: sorted(t[:19] for t in titles(area)) == expected, timeout=10000)
    listed = sorted(d.text[:19] for d in context.drafting.drafts.list())
    assert listed == expected


def test_a_filter_hides_a_flushed_draft_but_it_is_there_without_one(qtbot, context):
    context.drafting.drafts.create("Concept een")
    area = open_area(qtbot, context)
    qtbot.waitUntil(lambda: titles(area) == ["Concept een"], timeout=10000)
    area.drafts_list.search.setText("een")
    new_draft_shown(qtbot, area)
    qtbot.waitUntil(lambda: titles(area) == ["Concept een"], timeout=10000)
    area.editor.setFocus()
    qtbot.keyClicks(area.editor, "Concept twee")
    click_listed(qtbot, area, "Concept een")
    qtbot.waitUntil(lambda: area.editor.toPlainText() == "Concept een", timeout=10000)
    qtbot.wait(300)
    assert titles(area) == ["Concept een"]  # "twee" does not match the search
    assert current_title(area) == "Concept een"
    area.drafts_list.search.clear()
    qtbot.waitUntil(lambda: sorted(titles(area)) == ["Concept een", "Concept twee"],
                    timeout=10000)
    assert current_title(area) == "Concept een"


def test_an_older_list_load_finishing_last_does_not_hide_a_new_draft(qtbot, context,
                                                                      monkeypatch):
    """Two loads on two workers: the one asked for last is shown, whichever ends last."""
    area = open_area(qtbot, context)
    qtbot.waitUntil(lambda: area.drafts_list.empty_hint.text() != "", timeout=10000)
    qtbot.wait(300)  # whatever opening started in the background has finished
    drafts = context.drafting.drafts
    real_list, release, calls, late = drafts.list, threading.Event(), [], []

    def list_slowly_first(*args, **kwargs):
        calls.append(args)
        rows = real_list(*args, **kwargs)
        if len(calls) == 1:
            release.wait(5)  # read before the draft was stored, delivered after
            late.append(rows)
        return rows

    monkeypatch.setattr(drafts, "list", list_slowly_first)
    area.refresh_list()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=10000)
    drafts.create("Net opgeslagen")
    area.refresh_list()
    qtbot.waitUntil(lambda: titles(area) == ["Net opgeslagen"], timeout=10000)
    release.set()
    qtbot.waitUntil(lambda: late == [[]], timeout=10000)
    qtbot.wait(300)  # its result reaches the GUI thread
    assert titles(area) == ["Net opgeslagen"]
