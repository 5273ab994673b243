"""The garbage collector is paused while the program starts and resumed once it has."""

from __future__ import annotations

from tests.helpers import run_python


def output_words(code: str) -> list[str]:
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_resume_sets_start_up_objects_aside_once():
    out = output_words(
        "import gc\n"
        "from ambtenaar20.core import collector_pause\n"
        "collector_pause.pause()\n"
        "paused = gc.isenabled()\n"
        "collector_pause.resume()\n"
        "frozen = gc.get_freeze_count()\n"
        "collector_pause.resume()\n"
        "print(paused, gc.isenabled(), frozen > 0, gc.get_freeze_count() == frozen)\n")
    assert out == ["False", "True", "True", "True"]


def test_a_command_runs_with_the_collector_on(tmp_path):
    out = output_words(
        "import gc\n"
        "from ambtenaar20.cli import main as cli\n"
        "from ambtenaar20.core import collector_pause\n"
        "seen = []\n"
        "original = cli.ContextOpener.__call__\n"
        "def opening(self):\n"
        "    seen.append(gc.isenabled())\n"
        "    return original(self)\n"
        "cli.ContextOpener.__call__ = opening\n"
        "collector_pause.pause()\n"
        f"code = cli.main(['--data-dir', {str(tmp_path / 'data')!r},\n"
        "                  'feeds', 'list', '--format', 'json'])\n"
        "print(code, seen)\n")
    assert out[-2:] == ["0", "[True]"]
