"""Fixtures that build the real window on a temporary data directory."""

import pytest

from ambtenaar20.core.app_context import create_app_context
from tests.conftest import close_after_background_work


@pytest.fixture
def make_context(data_dir):
    made = []

    def make(language="nl"):
        context = create_app_context(data_dir, language)
        made.append(context)
        return context

    yield make
    for context in made:
        close_after_background_work(context)


@pytest.fixture
def window(qtbot, make_context):
    from ambtenaar20.gui.main_window import MainWindow

    main = MainWindow(make_context("nl"))
    main.populate_areas()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def accept_add_feed(monkeypatch):
    """Stands in for *Feed toevoegen*: ``accept_add_feed(url, title, user, password)`` makes
    the next "Add feed" accept at once with these values, as if the officer typed them."""
    from ambtenaar20.gui.areas.following import dialogs

    def accept(url: str, title: str | None = None, user: str | None = None,
               password: str | None = None) -> None:
        class Accepting:
            DialogCode = dialogs.AddFeedDialog.DialogCode

            def __init__(self, _parent):
                pass

            def exec(self):
                return self.DialogCode.Accepted

            def values(self):
                return url, title, user, password

        monkeypatch.setattr(dialogs, "AddFeedDialog", Accepting)

    return accept
