"""Running the real ``ambtenaar20`` command in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, input_text: str | None = None, env: dict | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess:
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(REPO_ROOT), environment.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "ambtenaar20", *args],
        input=input_text, capture_output=True, text=True, env=environment, timeout=timeout,
    )
