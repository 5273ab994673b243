"""``ambtenaar20 export``: the log of a period as CSV, XLSX, PDF or JSON, written atomically.

Only ``--format pdf`` loads Qt (through ``ambtenaar20.render``); the other formats stay light.
Every option is checked, and the output folder probed, before anything is written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ambtenaar20.core.i18n import _, ngettext

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener


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
                        help=_("file to write"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.cli.log_command import period_from_options
    from ambtenaar20.core.export.document import ExportRequest, build_document
    from ambtenaar20.core.export.target import check_output
    from ambtenaar20.render.exports import write_export

    period = period_from_options(args.date_from, args.date_to)
    target = check_output(Path(args.output))
    context = open_context()
    context.paths.refuse_as_output(target, option="output")
    request = ExportRequest(period=period, topics=tuple(args.topic),
                            pseudonymize=args.pseudonymize, separator=args.separator)
    document = build_document(context.logbook, context.settings.profile, request)
    write_export(document, args.format, target, args.separator)
    count = len(document.entries)
    print(ngettext("Wrote {count} entry to {path}", "Wrote {count} entries to {path}",
                   count).format(count=count, path=target))
    return 0

