"""Feed passwords in a real Secret Service keyring (gnome-keyring in a private D-Bus session).

``test_password_lives_in_the_real_keyring`` starts a private session bus and an unlocked
gnome-keyring with a temporary HOME, and runs ``test_inside_keyring_session`` there in a fresh
pytest. That inner test uses the real ``ambtenaar20`` command with keyring's own backend
choice, and checks the backend really is SecretService and that the password is in no file of
the data folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.feeds.feed_server import AUTH_PASSWORD, AUTH_USER, rss
from tests.helpers import REPO_ROOT, run_cli

INSIDE = "AMBTENAAR20_INSIDE_KEYRING_SESSION"


def test_password_lives_in_the_real_keyring(tmp_path):
    if os.environ.get(INSIDE):
        pytest.skip("already inside the keyring session")
    missing = [tool for tool in ("dbus-run-session", "gnome-keyring-daemon")
               if shutil.which(tool) is None]
    if missing:
        pytest.skip("real keyring test needs " + " and ".join(missing)
                    + " (Debian packages dbus and gnome-keyring)")
    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DBUS_", "PYTHON_KEYRING"))}
    env.update({"HOME": str(home), INSIDE: "1", "PYTHONPATH": str(REPO_ROOT)})
    inner = (f"echo unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "
             f"exec {sys.executable} -m pytest -q -p no:cacheprovider "
             f"{Path(__file__).resolve()}::test_inside_keyring_session")
    result = subprocess.run(["dbus-run-session", "--", "sh", "-c", inner], env=env,
                            cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


def test_inside_keyring_session(data_dir, feed_server, monkeypatch):
    if not os.environ.get(INSIDE):
        pytest.skip("runs only inside the private keyring session started by the test above")
    # keyring chooses its backend itself, as on an officer's desktop.
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    backend = subprocess.run(
        [sys.executable, "-c", "import keyring; print(type(keyring.get_keyring()).__module__)"],
        capture_output=True, text=True, check=True).stdout.strip()
    assert backend == "keyring.backends.SecretService"

    url = feed_server.add("/intranet.xml", rss("Intranet", [
        {"title": "Alleen voor collega's", "guid": "1", "link": "https://intra/1"}]), auth=True)
    added = run_cli("--data-dir", str(data_dir), "feeds", "add", url, "--user", AUTH_USER,
                    "--password-stdin", input_text=AUTH_PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    refreshed = run_cli("--data-dir", str(data_dir), "refresh", "--format", "json")
    outcome = json.loads(refreshed.stdout)["feeds"][0]
    assert (outcome["status"], outcome["new_items"]) == ("ok", 1), outcome
    stored = subprocess.run(
        [sys.executable, "-c", "import keyring, sys; "
         "sys.stdout.write(keyring.get_password('ambtenaar20', sys.argv[1]))", f"feed:{url}"],
        capture_output=True, text=True, check=True).stdout
    assert stored == AUTH_PASSWORD
    secret = AUTH_PASSWORD.encode("utf-8")
    files = [path for path in data_dir.rglob("*") if path.is_file()]
    assert files
    for path in files:
        assert secret not in path.read_bytes(), path
