"""Fixtures for the log tests: a fresh data directory and service per test."""

from __future__ import annotations

import os
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import close_after_background_work

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def context(tmp_path):
    from ambtenaar20.core.app_context import create_app_context

    ctx = create_app_context(tmp_path / "data", language="en")
    ctx.settings.profile.name = "Anna de Vries"
    ctx.settings.profile.function = "Online adviseur"
    ctx.settings.profile.organisation = "Gemeente Voorbeeld"
    ctx.settings.profile.department = "Communicatie"
    yield ctx
    close_after_background_work(ctx)


@pytest.fixture
def logbook(context):
    """The service with the Amsterdam zone fixed, so DST cases do not depend on the machine."""
    from ambtenaar20.core.logbook.service import LogbookService

    return LogbookService(lambda: context.store.db, tz=AMSTERDAM, actor=lambda: "tester")


@pytest.fixture
def window(qtbot, context):
    """The main window on ``context``, its areas populated, shown."""
    from ambtenaar20.gui.main_window import MainWindow

    main = MainWindow(context)
    qtbot.addWidget(main)
    main.populate_areas()
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
