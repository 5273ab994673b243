"""The log file: written, rotated, set up once, and its handler module loaded only when needed."""

from __future__ import annotations

import logging

from ambtenaar20.core import logging_setup
from ambtenaar20.core.logging_setup import configure_file_logging
from tests.helpers import run_python


def test_records_reach_the_file_with_time_level_and_logger(tmp_path, root_logger):
    log_file = tmp_path / "logs" / "ambtenaar20.log"
    configure_file_logging(log_file)
    configure_file_logging(log_file)  # a second call adds nothing
    ours = [h for h in root_logger.handlers if getattr(h, "baseFilename", None) == str(log_file)]
    assert len(ours) == 1
    assert not log_file.exists(), "no file before anything is logged"
    logging.getLogger("ambtenaar20.test").warning("feed %s failed", "x")
    ours[0].flush()
    line = log_file.read_text("utf-8").strip()
    assert line.endswith("WARNING MainThread ambtenaar20.test: feed x failed")
    assert line[:4].isdigit()


def test_the_file_rotates_at_its_size_limit(tmp_path, root_logger, monkeypatch):
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 2_000)
    monkeypatch.setattr(logging_setup, "BACKUP_COUNT", 2)
    log_file = tmp_path / "app.log"
    configure_file_logging(log_file)
    for number in range(200):
        logging.getLogger("rotation").info("record %03d %s", number, "x" * 40)
    for handler in root_logger.handlers:
        handler.flush()
    kept = sorted(path.name for path in tmp_path.iterdir())
    assert kept == ["app.log", "app.log.1", "app.log.2"]
    assert all(path.stat().st_size <= 2_000 for path in tmp_path.iterdir())
    assert "record 199" in log_file.read_text("utf-8")


def test_logging_handlers_load_with_the_first_record(tmp_path):
    script = (
        "import sys, logging, pathlib\n"
        "from ambtenaar20.core.logging_setup import configure_file_logging\n"
        f"configure_file_logging(pathlib.Path({str(tmp_path / 'a.log')!r}))\n"
        "before = 'logging.handlers' in sys.modules\n"
        "logging.getLogger('x').info('hello')\n"
        "print(before, 'logging.handlers' in sys.modules)\n"
    )
    result = run_python(script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]
    assert "hello" in (tmp_path / "a.log").read_text("utf-8")


def test_a_log_file_that_cannot_be_written_loses_its_records_quietly(tmp_path, root_logger,
                                                                      capsys):
    log_file = tmp_path / "logs" / "ambtenaar20.log"
    log_file.mkdir(parents=True)  # a folder where the file should be: it cannot be opened
    configure_file_logging(log_file)
    logging.getLogger("ambtenaar20.test").error("first")
    logging.getLogger("ambtenaar20.test").warning("second")
    assert capsys.readouterr().err == ""  # no "--- Logging error ---" with a traceback
    log_file.rmdir()  # writable again: the next record is kept
    logging.getLogger("ambtenaar20.test").warning("third")
    for handler in root_logger.handlers:
        handler.flush()
    assert log_file.read_text("utf-8").strip().endswith("ambtenaar20.test: third")


def test_a_log_folder_that_cannot_be_made_is_no_error(tmp_path, root_logger, capsys):
    (tmp_path / "data").write_text("a file, not a folder")
    configure_file_logging(tmp_path / "data" / "logs" / "ambtenaar20.log")
    logging.getLogger("ambtenaar20.test").error("lost")
    assert capsys.readouterr().err == ""
