"""``ambtenaar20 backup`` and ``restore`` as a user runs them: exit codes, messages, the lock."""

import os
import re
import subprocess
import sys
import time
import zipfile

import pytest

from ambtenaar20.core.app_context import create_app_context
from tests.helpers import REPO_ROOT, run_cli


def set_marker(data_dir, value):
    context = create_app_context(data_dir, "nl")
    try:
        context.store.db["app_meta"].upsert({"key": "marker", "value": value}, pk="key")
    finally:
        context.close()


def marker(data_dir):
    context = create_app_context(data_dir, "nl")
    try:
        return context.store.db["app_meta"].get("marker")["value"]
    finally:
        context.close()


def test_backup_and_restore_round_trip(tmp_path):
    data = tmp_path / "data"
    set_marker(data, "saved")
    result = run_cli("--data-dir", str(data), "backup", str(tmp_path / "b.zip"))
    assert result.returncode == 0, result.stderr
    assert "Back-up opgeslagen in" in result.stdout
    # Its size as a Dutch reader writes it: "(44,0 kB)".
    assert re.search(r"\(\d+,\d (kB|MB)\)", result.stdout), result.stdout
    assert "manifest.json" in zipfile.ZipFile(tmp_path / "b.zip").namelist()

    set_marker(data, "changed")
    result = run_cli("--data-dir", str(data), "restore", str(tmp_path / "b.zip"), "--yes")
    assert result.returncode == 0, result.stderr
    assert "Back-up teruggezet" in result.stdout
    assert marker(data) == "saved"


def test_restore_without_yes_and_without_terminal_is_refused(tmp_path):
    data = tmp_path / "data"
    set_marker(data, "kept")
    run_cli("--data-dir", str(data), "backup", str(tmp_path / "b.zip"))
    set_marker(data, "current")
    result = run_cli("--data-dir", str(data), "restore", str(tmp_path / "b.zip"))
    assert result.returncode == 2
    assert "--yes" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert marker(data) == "current"


def test_damaged_backup_and_missing_file_exit_2_untouched(tmp_path):
    data = tmp_path / "data"
    set_marker(data, "current")
    bad = tmp_path / "kapot.zip"
    bad.write_bytes(b"PK\x03\x04 broken")
    for target in (bad, tmp_path / "bestaat-niet.zip"):
        result = run_cli("--data-dir", str(data), "--lang", "en", "restore", str(target),
                         "--yes")
        assert result.returncode == 2
        assert target.name in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert marker(data) == "current"


def test_backup_to_a_folder_or_unwritable_place_is_exit_2(tmp_path):
    data = tmp_path / "data"
    result = run_cli("--data-dir", str(data), "backup", str(tmp_path))
    assert result.returncode == 2 and "is een map" in result.stderr
    result = run_cli("--data-dir", str(data), "backup", str(tmp_path / "nope" / "b.zip"))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_restore_is_refused_while_a_window_holds_the_data_folder(tmp_path):
    data = tmp_path / "data"
    set_marker(data, "current")
    run_cli("--data-dir", str(data), "backup", str(tmp_path / "b.zip"))
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import time\n"
         "from PySide6.QtCore import QLockFile\n"
         f"lock = QLockFile({str(data / 'gui.lock')!r}); assert lock.tryLock(1000)\n"
         "print('locked', flush=True); time.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT)
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = run_cli("--data-dir", str(data), "restore", str(tmp_path / "b.zip"), "--yes")
        assert result.returncode == 2
        assert "geopend" in result.stderr and str(holder.pid) in result.stderr
        # A backup is allowed while the window runs.
        assert run_cli("--data-dir", str(data), "backup",
                       str(tmp_path / "c.zip")).returncode == 0
    finally:
        holder.kill()
        holder.wait()
    # The window is gone (killed): its lock is stale and the restore goes ahead.
    result = run_cli("--data-dir", str(data), "restore", str(tmp_path / "b.zip"), "--yes")
    assert result.returncode == 0, result.stderr


def test_gui_lock_probe_reads_qt_lock_files(tmp_path):
    from PySide6.QtCore import QLockFile

    from ambtenaar20.core.backup.process_probe import gui_lock_holder

    path = tmp_path / "gui.lock"
    assert gui_lock_holder(path) is None
    lock = QLockFile(str(path))
    assert lock.tryLock(1000)
    try:
        holder = gui_lock_holder(path)
        assert holder is not None and holder.pid == os.getpid()
    finally:
        lock.unlock()
    assert gui_lock_holder(path) is None
    path.write_text("999999999\npython\n" + __import__("socket").gethostname() + "\n")
    assert gui_lock_holder(path) is None  # a dead process holds nothing
    path.write_text("1\npython\nanother-host.example\n")
    assert gui_lock_holder(path) is not None  # cannot check another host: assume held


def run_in_terminal(args, answer, timeout=60):
    """Run the CLI on a pseudo-terminal, answer its question, return (exit code, output)."""
    import pty  # POSIX only
    import select

    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    pid, fd = pty.fork()
    if pid == 0:  # child: becomes the command, with the terminal as stdin/stdout
        os.execve(sys.executable, [sys.executable, "-m", "ambtenaar20", *args], env)
    output = b""
    answered = False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _w, _x = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        if not answered and b"[j/N]" in output:
            os.write(fd, answer.encode() + b"\n")
            answered = True
    _pid, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_restore_asks_on_a_terminal(tmp_path):
    data = tmp_path / "data"
    set_marker(data, "saved")
    run_cli("--data-dir", str(data), "backup", str(tmp_path / "b.zip"))
    set_marker(data, "current")
    code, output = run_in_terminal(["--data-dir", str(data), "restore", str(tmp_path / "b.zip")],
                                   "n")
    assert code == 0 and "Er is niets teruggezet" in output
    assert marker(data) == "current"
    code, output = run_in_terminal(["--data-dir", str(data), "restore", str(tmp_path / "b.zip")],
                                   "j")
    assert code == 0 and "Back-up teruggezet" in output
    assert marker(data) == "saved"


def test_diagnose_prints_the_report_and_saves_it_for_it(tmp_path):
    data = tmp_path / "data"
    context = create_app_context(data, "nl")
    context.settings.profile.name = "Anne de Vries"
    context.save_settings()
    context.close()
    result = run_cli("--data-dir", str(data), "diagnose")
    assert result.returncode == 0, result.stderr
    assert "integrity_check): ok" in result.stdout and str(data) in result.stdout
    result = run_cli("--data-dir", str(data), "diagnose", "--save", str(tmp_path / "it.txt"))
    assert result.returncode == 0, result.stderr
    saved = (tmp_path / "it.txt").read_text("utf-8")
    assert "Anne" not in saved and "integrity_check): ok" in saved
    result = run_cli("--data-dir", str(data), "diagnose", "--save", str(tmp_path))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_diagnose_of_a_damaged_database_exits_1_in_plain_words(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "ambtenaar20.sqlite3").write_bytes(b"geen database " * 100)
    result = run_cli("--data-dir", str(data), "diagnose")
    assert result.returncode == 1, result.stderr
    assert "geen database van Ambtenaar 2.0" in result.stdout
    saved = run_cli("--data-dir", str(data), "diagnose", "--save", str(tmp_path / "it.txt"))
    assert saved.returncode == 1, saved.stderr  # QA s6/qa-f 6: --save exited 0
    assert "geen database van Ambtenaar 2.0" in (tmp_path / "it.txt").read_text("utf-8")
    # Each section under its own Dutch title; no internal names or exception reprs.
    assert "== Feeds" in result.stdout
    assert "feed_refresh_errors" not in result.stdout and "Error(" not in result.stdout
    assert (data / "ambtenaar20.sqlite3").read_bytes() == b"geen database " * 100


def test_daily_backup_for_a_scheduled_task(tmp_path):
    data = tmp_path / "data"
    first = run_cli("--data-dir", str(data), "backup", "--daily")
    assert first.returncode == 0, first.stderr
    made = list((data / "backups").glob("ambtenaar20-*-daily.zip"))
    assert len(made) == 1 and str(made[0]) in first.stdout
    second = run_cli("--data-dir", str(data), "backup", "--daily")
    assert second.returncode == 0 and "Geen dagelijkse back-up nodig" in second.stdout
    assert list((data / "backups").glob("ambtenaar20-*-daily.zip")) == made
    both = run_cli("--data-dir", str(data), "backup", "--daily", str(tmp_path / "b.zip"))
    neither = run_cli("--data-dir", str(data), "backup")
    assert both.returncode == neither.returncode == 2


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_restore_question_shows_when_the_backup_was_made_in_local_time(tmp_path, monkeypatch):
    import json
    from datetime import datetime
    from zoneinfo import ZoneInfo

    data = tmp_path / "data"
    set_marker(data, "saved")
    run_cli("--data-dir", str(data), "backup", str(tmp_path / "b.zip"))
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        created = json.loads(archive.read("manifest.json"))["created_at"]
    local = datetime.fromisoformat(created).astimezone(ZoneInfo("Europe/Amsterdam"))
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    code, output = run_in_terminal(["--data-dir", str(data), "restore", str(tmp_path / "b.zip")],
                                   "n")
    assert code == 0, output
    assert local.strftime("%Y-%m-%d %H:%M") in output, output
    assert created not in output and "+00:00" not in output
