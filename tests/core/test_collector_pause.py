"""The garbage collector is paused while the program starts and resumed once it has."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.helpers import REPO_ROOT


def run_python(code: str) -> list[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO_ROOT, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_resume_sets_start_up_objects_aside_once():
    out = run_python(
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
    out = run_python(
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
