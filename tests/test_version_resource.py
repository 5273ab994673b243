"""The Windows version resource is made from the package version, never typed by hand."""

from pathlib import Path

import pytest

from ambtenaar20 import __version__
from installers.version_resource import render_version_info, version_numbers

TEMPLATE = Path(__file__).resolve().parent.parent / "installers" / "windows" / "version_info.txt"


@pytest.mark.parametrize(("version", "expected"), [
    ("0.1.0", (0, 1, 0, 0)),
    ("1.2", (1, 2, 0, 0)),
    ("0.2.0rc1", (0, 2, 0, 0)),
    ("2026.11.27.3", (2026, 11, 27, 3)),
])
def test_version_numbers(version, expected):
    assert version_numbers(version) == expected


def test_not_a_version_is_refused():
    with pytest.raises(ValueError):
        version_numbers("dev")


def test_template_becomes_a_valid_version_structure_with_the_package_version():
    text = render_version_info(TEMPLATE.read_text(encoding="utf-8"), __version__)
    assert "@" not in text
    numbers = ", ".join(str(n) for n in version_numbers(__version__))
    assert f"filevers=({numbers})" in text and f"prodvers=({numbers})" in text
    assert f"u'FileVersion', u'{__version__}'" in text
    # PyInstaller evaluates the file as one Python expression.
    compile(text, str(TEMPLATE), "eval")
