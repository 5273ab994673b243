"""``ambtenaar20 selftest``: one line per named check, JSON on request, exit 1 naming failures."""

import argparse
import io
import json

import pytest

from ambtenaar20.cli import selftest_checks, selftest_command
from ambtenaar20.cli.selftest_checks import CHECKS, Check, CheckFailed, SelftestEnv
from ambtenaar20.core import i18n
from tests.helpers import run_cli


def test_every_check_passes_here_one_line_each_in_order(tmp_path):
    result = run_cli("--lang", "en", "selftest", timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok   {c.name}" for c in CHECKS]
    assert lines[-1] == f"all {len(CHECKS)} checks passed"


def test_json_format_and_only(tmp_path):
    result = run_cli("--lang", "en", "selftest", "--format", "json",
                     "--only", "personal-data", "--only", "database")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["failed"] == [] and report["frozen"] is False
    # Registry order, not command-line order.
    assert [c["name"] for c in report["checks"]] == ["database", "personal-data"]
    assert "BSN" in report["checks"][1]["detail"]


def test_unknown_check_is_a_usage_error_listing_the_checks():
    result = run_cli("selftest", "--only", "vliegen")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "vliegen" in result.stderr and "sentiment-nl" in result.stderr


def test_dutch_output_by_default():
    result = run_cli("selftest", "--only", "sentiment-nl")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "de controle is geslaagd"


def _failing(env: SelftestEnv) -> str:
    raise CheckFailed("the lexicon is missing")


def _crashing(env: SelftestEnv) -> str:
    raise ValueError("boom")


def test_failures_do_not_stop_later_checks_and_are_named(monkeypatch):
    checks = (Check("bad", _failing), Check("crash", _crashing),
              Check("data-dir", selftest_checks.check_data_dir))
    monkeypatch.setattr(selftest_checks, "CHECKS", checks)
    i18n.set_language("en")
    out = io.StringIO()
    args = argparse.Namespace(only=None, format="text")
    code = selftest_command.run(args, open_context=None, out=out)
    lines = out.getvalue().strip().splitlines()
    assert code == 1
    assert lines[0] == "FAIL bad: the lexicon is missing"
    assert lines[1] == "FAIL crash: ValueError: boom"
    assert lines[2].startswith("ok   data-dir: ")
    assert lines[3] == "2 of 3 checks failed: bad, crash"


def test_temporary_folder_is_removed_afterwards():
    seen = []

    def remember(env: SelftestEnv) -> str:
        seen.append(env.root)
        return selftest_checks.check_database(env)

    results = selftest_command.run_checks([Check("database", remember)], "en")
    assert results[0].ok, results[0].detail
    assert seen and not seen[0].exists()


def test_translation_check_leaves_the_language_as_it_was():
    i18n.set_language("en")
    detail = selftest_checks.check_translations(SelftestEnv(language="en"))
    assert "opdrachten" in detail
    assert i18n.current_language() == "en"


@pytest.mark.parametrize(("frozen", "executable", "platform", "expected"), [
    (True, "/opt/ambtenaar20/ambtenaar20", "linux", ["/opt/ambtenaar20/ambtenaar20"]),
    (True, "/x/Ambtenaar 2.0/ambtenaar20-gui.exe", "win32", ["/x/Ambtenaar 2.0/ambtenaar20.exe"]),
    (False, "/venv/bin/python", "linux", ["/venv/bin/python", "-m", "ambtenaar20"]),
])
def test_smoke_test_starts_the_console_program_of_the_same_installation(
        frozen, executable, platform, expected):
    assert selftest_checks.smoke_test_command(frozen, executable, platform) == expected


def test_report_survives_an_output_encoding_without_the_characters(tmp_path):
    # As on Windows with redirected output (cp1252): a temp folder named with a check mark.
    odd = tmp_path / "map ✓ 测试"
    odd.mkdir()
    result = run_cli("--lang", "en", "selftest", "--only", "data-dir", "--only", "translations",
                     env={"PYTHONIOENCODING": "cp1252", "TMPDIR": str(odd)})
    assert result.returncode == 0, result.stderr
    assert "ok   data-dir: " in result.stdout and "\\u2713" in result.stdout
    assert "'commands' -> 'opdrachten'" in result.stdout


def test_guideline_check_uses_the_built_in_dutch_pack():
    result = run_cli("--lang", "en", "selftest", "--format", "json", "--only", "guidelines-nl")
    assert result.returncode == 0, result.stdout + result.stderr
    detail = json.loads(result.stdout)["checks"][0]["detail"]
    assert detail.startswith("rijksoverheid-standaard ")


def test_guideline_check_fails_when_the_pack_misses_a_rule(monkeypatch):
    monkeypatch.setattr(selftest_checks, "GUIDELINE_EXPECTED", {"jargon", "pii.bsn", "no.such"})
    results = selftest_command.run_checks(
        [Check("guidelines-nl", selftest_checks.check_guidelines)], "en")
    assert not results[0].ok
    assert "no.such" in results[0].detail


def test_licence_check_names_qt_and_its_licence():
    result = run_cli("--lang", "en", "selftest", "--format", "json", "--only", "licences")
    assert result.returncode == 0, result.stdout + result.stderr
    detail = json.loads(result.stdout)["checks"][0]["detail"]
    assert "PySide6_Essentials" in detail and "LGPL-3.0-only" in detail


def test_licence_check_fails_naming_a_library_without_metadata(monkeypatch):
    monkeypatch.setattr(selftest_checks, "LIBRARIES_IN_ABOUT",
                        (*selftest_checks.LIBRARIES_IN_ABOUT, "no-such-library"))
    results = selftest_command.run_checks(
        [Check("licences", selftest_checks.check_licences)], "en")
    assert not results[0].ok
    assert "no-such-library" in results[0].detail and "certifi" not in results[0].detail


def test_licence_check_names_libraries_without_a_licence(monkeypatch):
    from ambtenaar20.core import licences
    from ambtenaar20.core.licences import Library

    i18n.set_language("en")
    app_licence, libraries = licences.runtime_libraries()
    unnamed = Library("textblob-nl", "0.0.1", i18n._("see the package"))
    monkeypatch.setattr(licences, "runtime_libraries", lambda: (app_licence, [
        *[library for library in libraries if library.name != "textblob-nl"], unnamed]))
    results = selftest_command.run_checks(
        [Check("licences", selftest_checks.check_licences)], "en")
    assert results[0].ok
    assert results[0].detail.endswith("no licence named for textblob-nl")
