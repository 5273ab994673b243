"""The command line: version, help in both languages, exit codes, one-line errors."""

import json
import subprocess
import sys

import pytest

from ambtenaar20 import __version__
from tests.helpers import REPO_ROOT, run_cli, run_python


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"ambtenaar20 {__version__}"


def test_help_is_dutch_by_default_and_english_on_request():
    dutch = run_cli("--help")
    english = run_cli("--lang", "en", "--help")
    assert dutch.returncode == english.returncode == 0
    assert "gebruik: ambtenaar20" in dutch.stdout
    assert "opdrachten" in dutch.stdout
    assert "usage: ambtenaar20" in english.stdout
    assert "commands" in english.stdout


def test_english_system_locale_gives_english():
    result = run_cli("--help", env={"LANG": "en_GB.UTF-8"})
    assert "usage: ambtenaar20" in result.stdout


def test_unknown_command_is_one_line_exit_2():
    result = run_cli("vliegen")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "vliegen" in lines[0] and "ongeldige keuze" in lines[0]
    assert "Traceback" not in result.stderr


def test_bad_option_value_is_exit_2():
    result = run_cli("--lang", "fr", "--version")
    assert result.returncode == 2
    assert "--lang" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_smoke_test_opens_window_and_reports_ready(tmp_path):
    result = run_cli("--data-dir", str(tmp_path / "data"), "gui", "--smoke-test")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert isinstance(report["ready_ms"], int) and report["ready_ms"] > 0
    # Drawn once first, then the data of the area on screen.
    assert report["populated_ms"] >= report["ready_ms"]
    assert (tmp_path / "data" / "ambtenaar20.sqlite3").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display server is Linux's")
def test_window_without_a_screen_is_one_line_exit_2_and_touches_nothing(tmp_path):
    data = tmp_path / "data"
    # What an SSH session on a Linux machine looks like: no display server, no Qt platform.
    result = run_cli("--data-dir", str(data), "gui",
                     env={"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("ambtenaar20: er is geen scherm")
    assert "DISPLAY" in lines[0]
    assert not data.exists()


def test_smoke_test_leaves_the_settings_alone(tmp_path):
    data = tmp_path / "data"
    assert run_cli("--data-dir", str(data), "gui", "--smoke-test").returncode == 0
    settings = data / "settings.json"
    before = settings.read_bytes() if settings.exists() else None
    assert run_cli("--data-dir", str(data), "gui", "--smoke-test").returncode == 0
    assert (settings.read_bytes() if settings.exists() else None) == before


def test_data_dir_from_environment(tmp_path):
    target = tmp_path / "from-env"
    result = run_cli("gui", "--smoke-test", env={"AMBTENAAR20_DATA_DIR": str(target)})
    assert result.returncode == 0, result.stderr
    assert (target / "ambtenaar20.sqlite3").exists()


def test_corrupt_database_exits_2_and_file_untouched(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    db = data / "ambtenaar20.sqlite3"
    db.write_bytes(b"not a database" * 50)
    result = run_cli("--data-dir", str(data), "gui", "--smoke-test")
    assert result.returncode == 2
    assert "geen SQLite-bestand" in result.stderr
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == b"not a database" * 50


def test_second_gui_for_same_data_dir_is_refused(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\n"
         "from PySide6.QtCore import QLockFile\n"
         f"lock = QLockFile({str(data / 'gui.lock')!r}); assert lock.tryLock(1000)\n"
         "print('locked', flush=True); time.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = run_cli("--data-dir", str(data), "gui", "--smoke-test")
        assert result.returncode == 2
        assert "al geopend" in result.stderr
        assert not (data / "ambtenaar20.sqlite3").exists()  # nothing touched
    finally:
        holder.kill()
        holder.wait()
    # Once the other window is gone (even killed), the lock is stale and the app starts.
    assert run_cli("--data-dir", str(data), "gui", "--smoke-test").returncode == 0


def test_cli_parser_does_not_import_qt():
    code = (
        "import sys\n"
        "from ambtenaar20.cli.main import build_parser, main\n"
        "build_parser()\n"
        "main(['--version'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_unusable_data_dir_is_exit_2_with_the_reason(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_cli("--data-dir", str(blocker / "data"), "gui", "--smoke-test")
    assert result.returncode == 2
    assert "kan niet worden gebruikt" in result.stderr
    assert "Traceback" not in result.stderr


def test_global_options_after_the_command(tmp_path):
    result = run_cli("gui", "--smoke-test", "--data-dir", str(tmp_path / "d"), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "d" / "ambtenaar20.sqlite3").exists()


def test_a_bug_before_the_data_folder_opens_is_one_line_and_logged_to_its_file(tmp_path):
    data = tmp_path / "data"
    code = (
        "import sys\n"
        "from ambtenaar20.cli import log_command, main\n"
        "def broken(args, open_context):\n"
        "    raise RuntimeError('kapot voor het openen')\n"
        "log_command.run_list = broken\n"
        f"sys.exit(main.main(['--data-dir', {str(data)!r}, 'log', 'list']))\n")
    result = run_python(code)
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "kapot voor het openen" in lines[0]
    log_text = (data / "logs" / "ambtenaar20.log").read_text(encoding="utf-8")
    assert "Traceback" in log_text and "kapot voor het openen" in log_text


def test_check_lang_is_the_texts_language_not_the_interfaces(tmp_path):
    missing = str(tmp_path / "geen.txt")
    after = run_cli("--data-dir", str(tmp_path / "d"), "check", "--lang", "en", missing)
    before = run_cli("--data-dir", str(tmp_path / "d"), "--lang", "en", "check", missing)
    assert after.returncode == before.returncode == 2
    assert "Kan" in after.stderr and "niet lezen" in after.stderr
    assert "Cannot read" in before.stderr


def test_an_empty_data_dir_is_bad_usage_not_the_default_folder(tmp_path):
    default = tmp_path / "default-data"
    result = run_cli("--data-dir", "", "log", "list", env={"AMBTENAAR20_DATA_DIR": str(default)})
    assert result.returncode == 2
    assert "--data-dir" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not default.exists()
