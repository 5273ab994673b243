"""``ambtenaar20 export``: the log of a period as CSV, XLSX, PDF or JSON, written atomically.

Only ``--format pdf`` loads Qt (through ``ambtenaar20.render``); the other formats stay light.
Every option is checked, and the output folder probed, before anything is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _, ngettext

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener

#: ``-o -``: write to standard output.
STDOUT = "-"


def register(subparsers: argparse._SubParsersAction,
             parents: list[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export", parents=parents, help=_("export the log of a period for your manager"),
        description=_("Export the log of a period (both dates included, local time) as CSV, "
                      "Excel (XLSX), a PDF report or JSON."))
    parser.add_argument("--from", dest="date_from", metavar="DATE", required=True,
                        help=_("first day, YYYY-MM-DD (included)"))
    parser.add_argument("--to", dest="date_to", metavar="DATE", required=True,
                        help=_("last day, YYYY-MM-DD (included)"))
    parser.add_argument("--format", required=True, choices=("csv", "xlsx", "pdf", "json"),
                        help=_("file format"))
    parser.add_argument("--topic", action="append", default=[],
                        help=_("only this topic (repeat for more)"))
    parser.add_argument("--pseudonymize", action="store_true",
                        help=_("replace people by 'Persoon 1', 'Persoon 2', drop links to "
                               "people and mask personal data"))
    parser.add_argument("--separator", choices=(";", ","), default=";", metavar="';'|','",
                        help=_("CSV separator: ';' (default, for Dutch Excel) or ','"))
    parser.add_argument("-o", "--output", required=True, metavar="FILE",
                        help=_("file to write; '-' writes CSV or JSON to standard output"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.cli.log_command import period_from_options
    from ambtenaar20.core.export.document import ExportRequest, build_document
    from ambtenaar20.core.export.target import check_output
    from ambtenaar20.render.exports import STREAM_FORMATS, write_export, write_export_stream

    period = period_from_options(args.date_from, args.date_to)
    # "-" is standard output, as it is standard input for ``check``; only for text formats.
    to_stdout = args.output == STDOUT
    if to_stdout and args.format not in STREAM_FORMATS:
        raise UsageError(_("output: {format} cannot be written to standard output ('-'); "
                           "give a file name").format(format=args.format.upper()))
    target = None if to_stdout else check_output(Path(args.output))
    context = open_context()
    if target is not None:
        context.paths.refuse_as_output(target, option="output")
    request = ExportRequest(period=period, topics=tuple(args.topic),
                            pseudonymize=args.pseudonymize, separator=args.separator)
    document = build_document(context.logbook, context.settings.profile, request)
    count = len(document.entries)
    if target is None:
        sys.stdout.flush()
        write_export_stream(document, args.format, sys.stdout.buffer, args.separator)
        # The export is the output: the count goes to stderr, where it cannot mix with it.
        print(ngettext("Wrote {count} entry to standard output",
                       "Wrote {count} entries to standard output", count).format(count=count),
              file=sys.stderr)
        return 0
    write_export(document, args.format, target, args.separator)
    print(ngettext("Wrote {count} entry to {path}", "Wrote {count} entries to {path}",
                   count).format(count=count, path=target))
    return 0

