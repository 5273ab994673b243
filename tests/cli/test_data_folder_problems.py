"""A data folder that is read-only, has an unwritable log file or a damaged settings file: the
command says so once, in the officer's language, and nothing else reaches the console.

Read-only is real where the machine allows it: a tmpfs remounted read-only as root (chmod does
not stop root), a folder without write permission otherwise.
"""

import contextlib
import json
import os
import subprocess

import pytest

from tests.helpers import run_cli

PROFILE = {"name": "Marieke Hoekstra", "function": "Online adviseur",
           "organisation": "Gemeente Utrecht", "department": ""}


def quiet_console(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert "Logging error" not in stderr


def test_an_unwritable_log_file_does_not_reach_the_console(tmp_path):
    data = tmp_path / "data"
    assert run_cli("--data-dir", str(data), "log", "list").returncode == 0
    for old in (data / "logs").iterdir():
        old.unlink()
    (data / "logs" / "ambtenaar20.log").mkdir()  # the log file cannot be opened
    # ``backup`` logs what it made: the record cannot be written and is dropped.
    result = run_cli("--data-dir", str(data), "backup", str(tmp_path / "b.zip"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert (tmp_path / "b.zip").is_file()


def settings_cut_halfway(data):
    data.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"schema_version": 1, "language": "auto", "profile": PROFILE}, indent=2)
    (data / "settings.json").write_text(text[: len(text) // 2], "utf-8")


@pytest.mark.parametrize("language, said, profile", [
    ("nl", "apart gezet als settings.json.damaged-", "Uw profiel (naam, functie, organisatie)"),
    ("en", "set aside as settings.json.damaged-", "Your profile (name, function, organisation)"),
])
def test_a_damaged_settings_file_is_one_line_in_the_interface_language(tmp_path, language,
                                                                      said, profile):
    data = tmp_path / "data"
    settings_cut_halfway(data)
    result = run_cli("--data-dir", str(data), "--lang", language, "log", "list",
                     "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []  # the command's own output is untouched
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert said in lines[0] and profile in lines[0]
    assert "unreadable" not in result.stderr  # the log's English line stays in the log
    assert "unreadable" in (data / "logs" / "ambtenaar20.log").read_text("utf-8")
    # Said once: the damaged file has been set aside, and the next command is quiet.
    again = run_cli("--data-dir", str(data), "log", "list")
    assert again.returncode == 0 and again.stderr == ""


def test_a_profile_value_of_the_wrong_type_is_named_not_logged(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"profile": {"name": 5}}), "utf-8")
    result = run_cli("--data-dir", str(data), "log", "list")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "ambtenaar20: Uw profiel (naam, functie, organisatie) is daarbij verloren gegaan: vul het "
        "opnieuw in onder Bestand > Voorkeuren, zodat uw naam op uw rapportages staat."]
    assert "Profile.name" not in result.stderr


@contextlib.contextmanager
def read_only_folder(path):
    """``path`` filled by the caller first (``yield`` gives a function to seal it)."""
    path.mkdir()
    if os.geteuid() == 0:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(path)],
                                 capture_output=True)
        if mounted.returncode != 0:
            pytest.skip("as root only a read-only mount stops writes, and mounting is not "
                        "allowed here")

        def seal():
            subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True,
                           capture_output=True)
        try:
            yield seal
        finally:
            subprocess.run(["umount", "-l", str(path)], capture_output=True)
    else:
        def seal():
            for folder in (path, *[p for p in path.rglob("*") if p.is_dir()]):
                folder.chmod(0o555)
        try:
            yield seal
        finally:
            for folder in (path, *[p for p in path.rglob("*") if p.is_dir()]):
                folder.chmod(0o755)


def test_a_read_only_data_folder_is_said_plainly_by_window_and_command(tmp_path):
    with read_only_folder(tmp_path / "ro") as seal:
        data = tmp_path / "ro" / "data"
        added = run_cli("--data-dir", str(data), "log", "add", "--platform", "X",
                        "--kind", "reactie", "--summary", "voor het verzegelen")
        assert added.returncode == 0, added.stderr
        seal()
        window = run_cli("--data-dir", str(data), "gui", "--smoke-test")
        assert window.returncode == 2
        assert "al geopend" not in window.stderr  # no made-up second window
        assert "alleen-lezen" in window.stderr and "IT-afdeling" in window.stderr
        quiet_console(window.stderr)
        command = run_cli("--data-dir", str(data), "log", "add", "--platform", "X",
                          "--kind", "reactie", "--summary", "test")
        assert command.returncode == 2
        quiet_console(command.stderr)
        # One line, and it blames the folder, not a "damaged" database.
        assert len(command.stderr.splitlines()) == 1, command.stderr
        assert "alleen-lezen" in command.stderr and "beschadigd" not in command.stderr


def test_diagnose_says_the_log_file_cannot_be_written_instead_of_no_errors(tmp_path):
    data = tmp_path / "data"
    assert run_cli("--data-dir", str(data), "log", "list").returncode == 0
    for old in (data / "logs").iterdir():
        old.unlink()
    log_file = data / "logs" / "ambtenaar20.log"
    log_file.mkdir()  # a folder in the way: no record can be written
    result = run_cli("--data-dir", str(data), "diagnose")
    assert result.returncode == 1, result.stderr  # something for IT to fix
    section = result.stdout.split("== Recente fouten in het logbestand\n")[1].split("\n\n")[0]
    assert section == (
        f"Logbestand: {log_file} kan niet worden geschreven (alleen-lezen, geen toestemming, of "
        "er staat een map in de weg): fouten worden niet vastgelegd")
    quiet_console(result.stderr)
    # QA s6/qa-f 6: with --save as well (the file is written all the same).
    saved = run_cli("--data-dir", str(data), "diagnose", "--save", str(tmp_path / "it.txt"))
    assert saved.returncode == 1, saved.stderr
    assert "Het rapport toont iets om te verhelpen" in saved.stderr
    assert "fouten worden niet vastgelegd" in (tmp_path / "it.txt").read_text("utf-8")
    log_file.rmdir()
    healthy = run_cli("--data-dir", str(data), "diagnose")
    assert "Recente fouten in het logbestand\n-: geen\n" in healthy.stdout
