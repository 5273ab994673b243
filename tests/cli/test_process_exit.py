"""Ending the process after a command: nothing it wrote or registered is lost on the way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import cli_environment, run_cli, run_python


def run_script(body: str, tmp_path: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    script = "from ambtenaar20.cli.process_exit import exit_process\n" + body
    return run_python(script, cwd=tmp_path, env=environment)


def test_exit_status_output_atexit_handlers_and_log_records_survive(tmp_path):
    result = run_script(
        "import atexit, logging, pathlib, sys\n"
        "from ambtenaar20.core.logging_setup import configure_file_logging\n"
        "configure_file_logging(pathlib.Path('app.log'))\n"
        "atexit.register(lambda: pathlib.Path('atexit-ran').write_text('yes'))\n"
        "logging.getLogger('t').warning('last words')\n"
        "sys.stdout.write('no newline, still buffered')\n"
        "sys.stderr.write('on stderr')\n"
        "exit_process(3)\n", tmp_path)
    assert result.returncode == 3
    assert result.stdout == "no newline, still buffered"
    assert result.stderr == "on stderr"
    assert (tmp_path / "atexit-ran").read_text() == "yes"
    assert "last words" in (tmp_path / "app.log").read_text("utf-8")


def test_a_running_thread_is_waited_for(tmp_path):
    result = run_script(
        "import pathlib, threading, time\n"
        "def late():\n"
        "    time.sleep(0.3)\n"
        "    pathlib.Path('thread-done').write_text('yes')\n"
        "threading.Thread(target=late).start()\n"
        "exit_process(0)\n", tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "thread-done").read_text() == "yes"


def test_fast_exit_only_without_other_threads_and_with_qt_only_when_it_can_shut_down(tmp_path):
    result = run_script(
        "import sys, threading\n"
        "from ambtenaar20.cli.process_exit import fast_exit_is_safe\n"
        "alone = fast_exit_is_safe()\n"
        "stop = threading.Event()\n"
        "worker = threading.Thread(target=stop.wait)\n"
        "worker.start()\n"
        "with_thread = fast_exit_is_safe()\n"
        "stop.set(); worker.join()\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "qt_without_application = fast_exit_is_safe()\n"
        "app = QCoreApplication([])\n"
        "print(alone, with_thread, qt_without_application, fast_exit_is_safe())\n", tmp_path)
    assert result.stdout.split() == ["True", "False", "False", "True"], result.stderr


def test_after_the_window_qt_is_torn_down_before_the_process_ends(tmp_path):
    result = run_script(
        "import atexit, pathlib\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication([])\n"
        "app.clipboard().setText('copied from the window')\n"
        "app.destroyed.connect(lambda: pathlib.Path('application-destroyed').write_text('yes'))\n"
        "atexit.register(lambda: pathlib.Path('atexit-ran').write_text(\n"
        "    str(QGuiApplication.instance() is None)))\n"
        "print('window closed')\n"
        "exit_process(4)\n", tmp_path, QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 4, result.stderr
    assert result.stdout == "window closed\n"
    # Qt's own teardown ran (it hands the clipboard over), before the atexit handlers.
    assert (tmp_path / "application-destroyed").read_text() == "yes"
    assert (tmp_path / "atexit-ran").read_text() == "True"


def test_a_closed_output_stream_is_no_error(tmp_path):
    result = run_script(
        "import sys\n"
        "sys.stdout.write('x')\n"
        "sys.stdout.close()\n"
        "exit_process(0)\n", tmp_path)
    assert result.returncode == 0
    assert result.stderr == ""


def test_a_command_prints_everything_before_the_process_ends(tmp_path):
    result = run_cli("--data-dir", str(tmp_path / "data"), "feeds", "list", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_reader_that_stops_early_is_no_error(tmp_path):
    # ``ambtenaar20 check --format json post.txt | head``: far more output than a pipe holds, and
    # the reader closes its end after the first bytes.
    post = tmp_path / "post.txt"
    post.write_text("Bel 0612345678 of mail jan@example.nl.\n" * 3000, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "ambtenaar20", "--data-dir", str(tmp_path / "data"), "check",
         "--format", "json", str(post)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_environment())
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(100)
    process.stdout.close()
    errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert errors == ""
