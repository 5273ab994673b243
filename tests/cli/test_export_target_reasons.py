"""Why an export cannot be written, in the officer's language: never the system's English text."""

from __future__ import annotations

import errno

import pytest

from ambtenaar20.core import i18n
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.export import target as export_target
from ambtenaar20.core.export.target import atomic_output, check_output
from tests.helpers import run_cli

PERIOD = ["--from", "2020-01-01", "--to", "2030-12-31"]


@pytest.fixture()
def data(tmp_path):
    folder = tmp_path / "data"
    added = run_cli("--data-dir", str(folder), "log", "add", "--platform", "X", "--kind",
                    "reactie", "--at", "2026-03-02T10:00", "--summary", "Vraag beantwoord")
    assert added.returncode == 0, added.stderr
    return folder


def export_to(data, target, *language):
    return run_cli(*language, "--data-dir", str(data), "export", *PERIOD, "--format", "csv",
                   "-o", str(target))


def one_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_a_path_whose_folder_is_a_file_says_so_in_dutch(data, tmp_path):
    a_file = tmp_path / "notities.txt"
    a_file.write_text("geen map")
    result = export_to(data, a_file / "maart.csv")
    assert result.returncode == 2 and result.stdout == ""
    assert one_line(result) == (f"ambtenaar20: -o: kan niet schrijven in {a_file} "
                                "(het is een bestand, geen map)")
    deeper = export_to(data, a_file / "sub" / "maart.csv")
    assert deeper.returncode == 2
    assert one_line(deeper).endswith("(een deel van het pad is een bestand, geen map)")
    english = export_to(data, a_file / "maart.csv", "--lang", "en")
    assert english.returncode == 2
    assert one_line(english).endswith(f"cannot write in {a_file} (it is a file, not a folder)")
    assert a_file.read_text() == "geen map"


def test_a_read_only_folder_is_named_in_dutch(data, tmp_path):
    locked = tmp_path / "alleen-lezen"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = export_to(data, locked / "maart.csv")
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2
    assert one_line(result) == f"ambtenaar20: -o: de map {locked} is alleen-lezen"
    assert list(locked.iterdir()) == []


def test_a_folder_that_refuses_the_file_gives_a_dutch_reason(tmp_path, monkeypatch):
    # A network share may refuse a file although its permission bits allow it (Windows ACLs,
    # which os.access does not read); the probe file is then the first to fail.
    def refuse(*args, prefix="", suffix="", dir=None, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", f"{dir}/{prefix}x1{suffix}")

    monkeypatch.setattr(export_target.tempfile, "mkstemp", refuse)
    with pytest.raises(UsageError) as caught:
        check_output(tmp_path / "maart.csv")
    assert str(caught.value) == (f"output: kan niet schrijven in {tmp_path} "
                                 "(u hebt daarvoor geen toestemming)")
    assert "Permission denied" not in str(caught.value)


@pytest.mark.parametrize(("language", "reason"), [
    ("nl", "(het is een map, geen bestand)"), ("en", "(it is a folder, not a file)")])
def test_a_write_that_fails_at_the_end_gives_the_reason_in_the_language(tmp_path, language,
                                                                        reason):
    # A folder that appeared under the target's name while the export ran: the rename fails.
    i18n.set_language(language)
    target = tmp_path / "maart.csv"
    target.mkdir()
    (target / "iets").write_text("blijft")
    with pytest.raises(UsageError) as caught, atomic_output(target) as temporary:
        temporary.write_text("inhoud")
    assert str(target) in str(caught.value) and str(caught.value).endswith(reason)
    assert "directory" not in str(caught.value).lower()
    # No temporary file is left beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["maart.csv"]
