"""Running the real ``ambtenaar20`` command in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def cli_environment(env: dict | None = None) -> dict[str, str]:
    """The environment a test's ``ambtenaar20`` runs in: this checkout first, Qt offscreen."""
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(REPO_ROOT), environment.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    environment.update(env or {})
    return environment


def run_cli(*args: str, input_text: str | None = None, env: dict | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ambtenaar20", *args],
        input=input_text, capture_output=True, text=True, env=cli_environment(env),
        timeout=timeout,
    )


def run_cli_answering(answer: str, *args: str, timeout: float = 60) -> str:
    """``ambtenaar20 *args`` with a terminal as its standard input that answers ``answer`` to
    its question (POSIX only); its standard output. Exits 0, or the test fails."""
    import pty

    controller, terminal = pty.openpty()
    try:
        os.write(controller, answer.encode())
        result = subprocess.run([sys.executable, "-m", "ambtenaar20", *args], stdin=terminal,
                                capture_output=True, text=True, env=cli_environment(),
                                timeout=timeout)
    finally:
        os.close(terminal)
        os.close(controller)
    assert result.returncode == 0, result.stderr
    return result.stdout


def run_python(code: str, *, cwd: Path = REPO_ROOT, env: dict | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess:
    """``code`` in a fresh interpreter: what a start loads, how the process ends."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=cwd, env=cli_environment(env), timeout=timeout)


def use_migration_sets(monkeypatch, sets):
    """Make the app believe its schema is ``sets`` (a version with more or fewer migrations).

    The schema generation recorded in the file follows the sets, as it would in that version.
    """
    from ambtenaar20.core.store import database, schema

    monkeypatch.setattr(schema, "migration_sets", lambda: list(sets))
    monkeypatch.setattr(database, "SCHEMA_GENERATION",
                        sum(len(s._migrations) for s in sets))
