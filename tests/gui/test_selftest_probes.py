"""The Qt parts of the self-test: a real one-page PDF, and Qt's Dutch translation file."""

import re
import shutil
import subprocess

import pytest

from ambtenaar20.gui.selftest_probes import qt_translation_file, render_probe_pdf


def test_probe_pdf_is_a_real_one_page_a4_pdf(qapp, tmp_path):
    target = tmp_path / "probe.pdf"
    pages = render_probe_pdf(target, "<h1>Zelftest</h1><p>één pagina</p>")
    assert pages == 1
    assert target.read_bytes()[:4] == b"%PDF"
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    assert "A4" in info


def test_long_text_gives_more_pages(qapp, tmp_path):
    pages = render_probe_pdf(tmp_path / "long.pdf", "<p>regel</p>" * 400)
    assert pages > 1


def test_qt_dutch_translation_is_found_and_unknown_language_is_not(qapp):
    found = qt_translation_file("nl")
    assert found is not None and found.name == "qtbase_nl.qm"
    assert qt_translation_file("xx") is None


def test_window_icon_is_packaged_and_loads(qapp):
    from ambtenaar20.gui.app import APP_ICON, ensure_application

    assert APP_ICON.is_file()
    assert not ensure_application().windowIcon().isNull()
