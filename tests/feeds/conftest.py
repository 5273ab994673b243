"""Fixtures for the feeds tests: a loopback feed server and an app context on a temp folder."""

from __future__ import annotations

import pytest

from ambtenaar20.core.app_context import create_app_context


@pytest.fixture
def context(data_dir):
    ctx = create_app_context(data_dir, "en")
    # Short timeouts: the slow and endless endpoints must not slow the suite down.
    ctx.settings.feeds.total_timeout = 3.0
    ctx.settings.feeds.connect_timeout = 2.0
    yield ctx
    ctx.close()
