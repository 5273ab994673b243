"""Diagnostics: what IT needs is there, and the saved file carries no personal data."""

import pytest

from ambtenaar20 import __version__
from ambtenaar20.core import diagnostics
from ambtenaar20.core.app_context import create_app_context


@pytest.fixture
def context(data_dir):
    made = create_app_context(data_dir, "en")
    yield made
    made.close()


def plant_log(context, lines):
    context.paths.log_file.parent.mkdir(parents=True, exist_ok=True)
    context.paths.log_file.write_text("\n".join(lines) + "\n", "utf-8")


def test_report_shows_versions_database_health_keyring_and_errors(context):
    plant_log(context, [
        "2026-11-27 06:00:01,123 INFO MainThread x: started",
        "2026-11-27 06:00:02,123 ERROR MainThread feeds: refresh of feed 3 failed: timeout",
        "Traceback (most recent call last):",
    ])
    text = diagnostics.render(diagnostics.collect(context, {"Qt": "6.9.9"}))
    assert f"Ambtenaar 2.0: {__version__}" in text
    assert "Python: " in text and "SQLite: " in text and "Qt: 6.9.9" in text
    assert "Database check (integrity_check): ok" in text
    assert "ambtenaar20.trust:0001_privacy_requests" in text
    assert "keyring.backends.fail.Keyring" in text  # the test environment's backend
    assert "refresh of feed 3 failed: timeout" in text
    assert "Traceback" not in text
    assert str(context.paths.data_dir) in text


def test_area_providers_add_sections_and_a_failing_one_does_not_break_the_report(
        context, monkeypatch):
    monkeypatch.setattr(diagnostics, "PROVIDERS", [])

    def refresh_errors(ctx):
        return diagnostics.Section("Last refresh errors", [("feed 7", "HTTP 503")])

    def broken(ctx):
        raise RuntimeError("provider bug")

    diagnostics.register_provider(refresh_errors)
    diagnostics.register_provider(broken)
    text = diagnostics.render(diagnostics.collect(context))
    assert "== Last refresh errors" in text and "feed 7: HTTP 503" in text
    assert "provider bug" in text


def test_file_for_it_has_no_personal_data(context, tmp_path, monkeypatch):
    context.settings.profile.name = "Anne de Vries-Bakker"
    context.save_settings()
    monkeypatch.setattr(diagnostics, "PROVIDERS", [lambda ctx: diagnostics.Section(
        "Feeds", [("feed", "https://anne:geheim@intranet.example.nl/rss?token=abc123&x=1")])])
    plant_log(context, [
        "2026-11-27 06:00:02,123 ERROR MainThread log: could not save entry for "
        "jan.jansen@example.org (Anne de Vries-Bakker)",
        "2026-11-27 06:00:03,123 CRITICAL MainThread x: call 06-12345678 failed",
    ])
    target = diagnostics.save_for_it(context, tmp_path / "diagnose.txt", {"Qt": "6.9.9"})
    text = target.read_text("utf-8")
    for personal in ("Anne", "Vries-Bakker", "jan.jansen@example.org", "geheim", "abc123",
                     "06-12345678", str(context.paths.data_dir.home())):
        assert personal not in text, personal
    assert "Database check (integrity_check): ok" in text  # still useful for IT
    assert "could not save entry" in text
    assert "intranet.example.nl/rss" in text
