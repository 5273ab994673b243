"""Every message has a Dutch translation and the compiled catalogue is up to date."""

import subprocess
import sys

from tests.helpers import REPO_ROOT


def test_catalogue_complete_and_compiled():
    result = subprocess.run([sys.executable, "scripts/translations.py", "check"],
                            capture_output=True, text=True, cwd=REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
