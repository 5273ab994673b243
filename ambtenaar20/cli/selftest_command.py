"""``ambtenaar20 selftest``: prove that this installation works, one named check per line.

Meant for the officer's IT department and for release CI, which run it on the installed
(frozen) app. Exit code 0 when every check passed, 1 when any failed; the failed checks are
named on the last line. The checks themselves are listed in ``selftest_checks.CHECKS``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from ambtenaar20 import __version__
from ambtenaar20.core import i18n
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _, ngettext

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener
    from ambtenaar20.cli.selftest_checks import Check


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    ms: int


def register(
    subparsers: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]
) -> None:
    parser = subparsers.add_parser(
        "selftest", parents=parents,
        help=_("check that this installation works (database, language, PDF, window)"),
        description=_("Check that this installation works, in a temporary folder: your own "
                      "data is not touched. Exit code 0 when every check passed, 1 when one "
                      "failed."))
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help=_("output: one line per check (text) or one JSON document"))
    parser.add_argument("--only", action="append", metavar=_("NAME"), default=None,
                        help=_("run only this check (may be repeated)"))
    parser.set_defaults(handler=run)


def run_checks(checks: Sequence[Check], language: str,
               on_result=None) -> list[CheckResult]:
    """Run every check in order, each in isolation; a failure never stops the ones after it."""
    from ambtenaar20.cli.selftest_checks import CheckFailed, SelftestEnv

    env = SelftestEnv(language=language)
    results: list[CheckResult] = []
    try:
        for check in checks:
            started = time.perf_counter()
            try:
                ok, detail = True, check.run(env)
            except CheckFailed as failure:
                ok, detail = False, str(failure)
            except Exception as error:  # an unexpected error is still that check's failure
                ok, detail = False, f"{type(error).__name__}: {error}"
            result = CheckResult(check.name, ok, detail,
                                 round((time.perf_counter() - started) * 1000))
            results.append(result)
            if on_result is not None:
                on_result(result)
    finally:
        env.close()
    return results


def select_checks(only: Sequence[str] | None) -> tuple[Check, ...]:
    from ambtenaar20.cli.selftest_checks import CHECKS

    if not only:
        return CHECKS
    known = {check.name for check in CHECKS}
    unknown = [name for name in only if name not in known]
    if unknown:
        raise UsageError(_("unknown check {name}; the checks are: {names}").format(
            name=unknown[0], names=", ".join(check.name for check in CHECKS)))
    return tuple(check for check in CHECKS if check.name in only)


def format_line(result: CheckResult) -> str:
    # "ok"/"FAIL" stay untranslated: scripts and CI logs search for them.
    return f"{'ok  ' if result.ok else 'FAIL'} {result.name}: {result.detail}"


def summary(results: Sequence[CheckResult]) -> str:
    failed = [result.name for result in results if not result.ok]
    total = len(results)
    if failed:
        return ngettext("the check failed: {names}", "{count} of {total} checks failed: {names}",
                        total).format(count=len(failed), total=total, names=", ".join(failed))
    return ngettext("the check passed", "all {total} checks passed", total).format(total=total)


def run(args: argparse.Namespace, open_context: ContextOpener,
        out: TextIO | None = None) -> int:
    if out is None:
        out = sys.stdout
        if hasattr(out, "reconfigure"):
            # Redirected output on Windows uses the ANSI code page: a temporary folder or user
            # name in another script must not turn the report into a crash.
            out.reconfigure(errors="backslashreplace")
    checks = select_checks(args.only)
    language = i18n.current_language()
    as_json = args.format == "json"

    def show(result: CheckResult) -> None:
        if not as_json:
            print(format_line(result), file=out, flush=True)

    results = run_checks(checks, language, on_result=show)
    failed = [result.name for result in results if not result.ok]
    if as_json:
        document = {
            "ok": not failed,
            "version": __version__,
            "frozen": bool(getattr(sys, "frozen", False)),
            "failed": failed,
            "checks": [{"name": r.name, "ok": r.ok, "detail": r.detail, "ms": r.ms}
                       for r in results],
        }
        print(json.dumps(document), file=out)
    else:
        print(summary(results), file=out)
    return 1 if failed else 0
