"""Test-wide safety: offscreen Qt, no real user folders, no real keyring, Dutch by default."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests explore new random inputs on every developer run; in CI they replay a fixed
# sequence, so a red build always means a change broke something, never a lucky draw. Inputs
# a developer run finds are added to the tests as @example.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or
                      ("ci" if os.environ.get("CI") else "default"))


@pytest.fixture(scope="session", autouse=True)
def _widgets_application(qapp):
    """One ``QApplication`` for the whole run, made before any test paints.

    A PDF or chart rendered in-process outside the window makes a bare ``QGuiApplication``
    (``render.qt_app``); Qt allows one application per process, so any widget test after it
    would abort the run. Which test comes first then decided whether the suite passed.
    """
    return qapp


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    """Each test gets its own data dir and HOME, so nothing leaks into the tester's profile.

    Setting the environment while a worker thread reads it (C's ``getenv``: the time zone, the
    resolver) can crash the process: a background task of the test before (a refresh, the
    tone re-scoring) is waited for first, and this test's own before the environment is
    put back (CI died once with a segmentation fault in ``os.environ.__setitem__``).
    """
    _wait_for_background_work()
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("AMBTENAAR20_DATA_DIR", str(home / "ambtenaar20-data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    from ambtenaar20.core import i18n

    i18n.set_language("nl")
    yield
    i18n.set_language("nl")
    _wait_for_background_work()


def _wait_for_background_work() -> None:
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def root_logger():
    """The root logger, as the test leaves it: file logging the test sets up in-process
    (``configure_file_logging``, or ``main()``) is removed afterwards and levels are restored."""
    import logging

    from ambtenaar20.core.logging_setup import QUIET_LIBRARIES

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    quiet = {name: logging.getLogger(name).level for name in QUIET_LIBRARIES}
    yield root
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    for name, library_level in quiet.items():
        logging.getLogger(name).setLevel(library_level)


@pytest.fixture
def feed_server():
    """A real HTTP server on 127.0.0.1 serving the feeds a test adds (``add(path, body)``)."""
    from tests.feeds.feed_server import FeedServer

    server = FeedServer().start()
    yield server
    server.stop()


@pytest.fixture
def other_server():
    """A second loopback server: another origin (another port) than ``feed_server``."""
    from tests.feeds.feed_server import FeedServer

    server = FeedServer().start()
    yield server
    server.stop()


@pytest.fixture
def memory_keyring():
    """An in-memory keyring in place of the system's, for tests about stored passwords."""
    import keyring

    from tests.feeds.memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    path.mkdir()
    return path


def close_after_background_work(context) -> None:
    """Close ``context`` once background tasks have finished, as the app does on exit.

    Closing an SQLite connection while a worker thread is inside a query on it crashes the
    process, and closing a window can still start work (autosave), so wait here, at the end.
    """
    import sys

    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(30_000)
    context.close()
