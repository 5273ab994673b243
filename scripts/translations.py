"""Keep the translation catalogues in step with the code.

    python scripts/translations.py update   # extract messages, merge into nl.po, compile .mo
    python scripts/translations.py check    # fail if a message is untranslated or .mo is stale

Translators edit ``ambtenaar20/locale/nl/LC_MESSAGES/ambtenaar20.po``; the template lives in
``resources/locale/ambtenaar20.pot``.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "resources" / "locale" / "ambtenaar20.pot"
LOCALE_DIR = ROOT / "ambtenaar20" / "locale"
LANGUAGES = ("nl",)


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "ambtenaar20.po"


def extract(target: Path = POT) -> None:
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "_", "-k", "N_", "-k", "ngettext:1,2", "--no-location", "--sort-output",
         "--omit-header", "--project=ambtenaar20", "-o", str(target), "ambtenaar20"],
        cwd=ROOT, check=True, capture_output=True,
    )


def compile_catalogue(language: str) -> bytes:
    with po_path(language).open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalogue, use_fuzzy=False)
    return buffer.getvalue()


def untranslated(language: str, template_path: Path = POT) -> list[str]:
    """Message ids in the template that have no (non-fuzzy) translation in ``language``."""
    with template_path.open("rb") as handle:
        template = read_po(handle)
    with po_path(language).open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    missing = []
    for message in template:
        if not message.id:
            continue
        found = catalogue.get(message.id)
        strings = (found.string,) if found and isinstance(found.string, str) else (
            found.string if found else ("",))
        if found is None or found.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def update() -> None:
    extract()
    for language in LANGUAGES:
        subprocess.run(
            [sys.executable, "-m", "babel.messages.frontend", "update", "-i", str(POT),
             "-o", str(po_path(language)), "-l", language, "--no-fuzzy-matching",
             "--ignore-obsolete", "--width=100"],
            cwd=ROOT, check=True, capture_output=True,
        )
        po_path(language).with_suffix(".mo").write_bytes(compile_catalogue(language))
        for message_id in untranslated(language):
            print(f"{language}: untranslated: {message_id!r}")


def check() -> int:
    """Extract afresh (the committed template may be stale) and compare."""
    problems = 0
    with tempfile.TemporaryDirectory() as scratch:
        template = Path(scratch) / "current.pot"
        extract(template)
        missing = {language: untranslated(language, template) for language in LANGUAGES}
    for language in LANGUAGES:
        for message_id in missing[language]:
            print(f"{language}: untranslated: {message_id!r}")
            problems += 1
        compiled = po_path(language).with_suffix(".mo")
        if not compiled.exists() or compiled.read_bytes() != compile_catalogue(language):
            print(f"{language}: {compiled.name} is out of date; run 'update'")
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
    else:
        raise SystemExit(check())
