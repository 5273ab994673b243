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
from typing import TYPE_CHECKING, Any

from ambtenaar20.cli.help_examples import add_examples
from ambtenaar20.cli.pack_files import readable_pack
from ambtenaar20.cli.text_input import read_text
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener
    from ambtenaar20.core.drafting.model import CheckResult
    from ambtenaar20.core.drafting.packs import Pack
    from ambtenaar20.core.drafting.service import DraftingService


def register(
    subparsers: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]
) -> None:
    # Not the shared parents: "check --lang" is the language of the text (nl, en or auto),
    # not of the messages. "--lang" before the command still sets the message language.
    from ambtenaar20.cli.main import add_data_dir_option

    parser = subparsers.add_parser(
        "check", help=_("check drafts against the guidelines"),
        description=_("Check one or more drafts against the guideline pack. Reads standard "
                      "input when no file (or '-') is given."))
    add_data_dir_option(parser)
    parser.add_argument("--platform", metavar=_("PLATFORM"), action=_OnePlatform,
                        help=_("count the length as this platform does: x, mastodon, bluesky, "
                               "threads, linkedin, facebook, instagram"))
    parser.add_argument("--pack", metavar=_("FILE"), type=Path,
                        help=_("use this guideline pack file instead of the active pack"))
    parser.add_argument("--lang", dest="text_lang", choices=("nl", "en", "auto"),
                        default="auto",
                        help=_("language of the text, which picks the rules (default: auto). "
                               "The messages are in the interface language: --lang before "
                               "'check', as in 'ambtenaar20 --lang en check --lang nl FILE'"))
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help=_("output format (default: text)"))
    parser.add_argument("files", nargs="*", metavar=_("FILE"),
                        help=_("files to check; '-' or nothing reads standard input"))
    add_examples(parser, _("ambtenaar20 check --platform x draft.txt"))
    parser.set_defaults(handler=run)


class _OnePlatform(argparse.Action):
    """``--platform`` given once: the JSON has one "platform" and one "length".

    argparse keeps the last of a repeated option, so the other platform's length error would
    vanish without a word. The same platform twice asks nothing new and is let through.
    """

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        earlier = getattr(namespace, self.dest, None)
        if earlier is not None and _same_platform(earlier) != _same_platform(values):
            raise argparse.ArgumentError(self, _(
                "give --platform once; check the text once per platform"))
        setattr(namespace, self.dest, values)


def _same_platform(name: str) -> str:
    """The key ``name`` stands for ("X", "twitter" and "x" are one platform)."""
    from ambtenaar20.core.drafting.platforms import platform

    found = platform(name)
    return found.id if found is not None else name.strip().lower()


def run(args: argparse.Namespace, open_context: ContextOpener) -> int:
    names = args.files or ["-"]
    if args.pack:
        readable_pack(args.pack)  # a missing file is no error in a pack: said before it loads
    texts = [(name, read_text(name)) for name in names]
    service = open_context().drafting
    pack = _pack(service, args.pack) if args.pack else None
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


def _pack(service: DraftingService, path: Path) -> Pack:
    from ambtenaar20.cli.pack_verdicts import not_used
    from ambtenaar20.core.drafting.packs import PackError

    try:
        return service.library.load_file(path)
    except PackError as error:  # said as check's own outcome: no draft was checked
        raise UsageError(not_used(path, error)) from None


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
