"""``ambtenaar20 check``: check drafts against the guideline pack, like a compiler checks code.

Text output is one finding per line (``line:col severity rule message``); JSON output is the
shape documented in docs/guideline-packs.md. Exit 0 without error-severity findings, 1 with at
least one, 2 on bad usage, unreadable input or a bad pack.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener
    from ambtenaar20.core.drafting.model import CheckResult


def register(
    subparsers: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]
) -> None:
    # Not the shared parents: "check --lang" is the language of the text (nl, en or auto),
    # not of the messages. "--lang" before the command still sets the message language.
    parser = subparsers.add_parser(
        "check", help=_("check drafts against the guidelines"),
        description=_("Check one or more drafts against the guideline pack. Reads standard "
                      "input when no file (or '-') is given."))
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help=_("folder for the database and settings"))
    parser.add_argument("--platform", metavar="P",
                        help=_("count the length as this platform does: x, mastodon, bluesky, "
                               "threads, linkedin, facebook, instagram"))
    parser.add_argument("--pack", metavar="FILE", type=Path,
                        help=_("use this guideline pack file instead of the active pack"))
    parser.add_argument("--lang", dest="text_lang", choices=("nl", "en", "auto"),
                        default="auto", help=_("language of the text (default: auto)"))
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help=_("output format (default: text)"))
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help=_("files to check; '-' or nothing reads standard input"))
    parser.set_defaults(handler=run)


def _read(name: str) -> str:
    if name == "-":
        # Bytes, decoded as UTF-8 whatever the console's code page (Windows).
        try:
            return sys.stdin.buffer.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UsageError(_("Cannot read {file}: {error}").format(
                file=_("standard input"), error=error)) from error
    try:
        # utf-8-sig: a byte-order mark (Windows Notepad) is not part of the text.
        return Path(name).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(_("Cannot read {file}: {error}").format(
            file=name, error=getattr(error, "strerror", None) or error)) from error


def run(args: argparse.Namespace, open_context: ContextOpener) -> int:
    names = args.files or ["-"]
    texts = [(name, _read(name)) for name in names]
    service = open_context().drafting
    pack = service.library.load_file(args.pack) if args.pack else None
    language = None if args.text_lang == "auto" else args.text_lang
    platforms = (args.platform,) if args.platform else ()
    results = [(name, service.check(text, language=language, platforms=platforms, pack=pack))
               for name, text in texts]
    if args.format == "json":
        _print_json(results)
    else:
        for name, result in results:
            prefix = f"{name}:" if len(results) > 1 else ""
            for line in text_lines(result):
                print(prefix + line)
    return 1 if any(result.has_errors for _name, result in results) else 0


def _print_json(results: list[tuple[str, CheckResult]]) -> None:
    if len(results) == 1:
        payload: object = results[0][1].as_json()
    else:
        payload = [{"file": name, **result.as_json()} for name, result in results]
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def text_lines(result: CheckResult) -> list[str]:
    lines = []
    for finding in result.findings:
        line, column = line_col(result.text, finding.start)
        message = " ".join(finding.message.split())
        lines.append(f"{line}:{column} {finding.severity} {finding.rule} {message}")
    return lines
