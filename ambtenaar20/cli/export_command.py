"""``ambtenaar20 export``: the log of a period as CSV, XLSX, PDF or JSON, written atomically.

Only ``--format pdf`` loads Qt (through ``ambtenaar20.render``); the other formats stay light.
Every option is checked, and the output folder probed, before anything is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ambtenaar20 import APP_SLUG
from ambtenaar20.cli.field_names import FIELD_OPTIONS
from ambtenaar20.cli.help_examples import add_examples
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _, ngettext

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener
    from ambtenaar20.core.logbook.service import LogbookService

#: ``-o -``: write to standard output.
STDOUT = "-"


def register(subparsers: argparse._SubParsersAction,
             parents: list[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export", parents=parents, help=_("export the log of a period for your manager"),
        description=_("Export the log of a period (both dates included, local time) as CSV, "
                      "Excel (XLSX), a PDF report or JSON."))
    parser.add_argument("--from", dest="date_from", metavar=_("DATE"), required=True,
                        help=_("first day, YYYY-MM-DD (included)"))
    parser.add_argument("--to", dest="date_to", metavar=_("DATE"), required=True,
                        help=_("last day, YYYY-MM-DD (included)"))
    parser.add_argument("--format", required=True, choices=("csv", "xlsx", "pdf", "json"),
                        help=_("file format"))
    parser.add_argument("--topic", action="append", default=[], metavar=_("TOPIC"),
                        help=_("only this topic (repeat for more)"))
    parser.add_argument("--pseudonymize", action="store_true",
                        help=_("replace the log's counterparts by 'Persoon 1', 'Persoon 2' "
                               "wherever they are named, drop links to people and mask "
                               "personal data; other people named in a summary or outcome "
                               "are not recognised, unless they are in the saved list of "
                               "names to hide ('hidden-names') or given with --hide-name"))
    parser.add_argument("--hide-name", action="append", default=[], metavar=_("NAME"),
                        help=_("with --pseudonymize: hide this person too, in every spelling "
                               "of the name, for this export only (repeat for more)"))
    parser.add_argument("--separator", choices=(";", ","), default=";", metavar="';'|','",
                        help=_("CSV separator: ';' (default, for Dutch Excel) or ','"))
    parser.add_argument("-o", "--output", required=True, metavar=_("FILE"),
                        help=_("file to write; '-' writes CSV or JSON to standard output"))
    add_examples(parser, _("ambtenaar20 export --from 2026-03-01 --to 2026-03-31 --format xlsx "
                           "-o march.xlsx"))
    parser.set_defaults(handler=run, **{FIELD_OPTIONS: {"output": ("-o", "--output")}})


def run(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.cli.log_command import period_from_options
    from ambtenaar20.core.export.document import ExportRequest, build_document
    from ambtenaar20.core.export.target import check_output
    from ambtenaar20.core.number_text import whole_number_text
    from ambtenaar20.render.exports import STREAM_FORMATS, write_export, write_export_stream

    if args.hide_name and not args.pseudonymize:
        raise UsageError(_("--hide-name only works together with --pseudonymize"))
    period = period_from_options(args.date_from, args.date_to)
    # "-" is standard output, as it is standard input for ``check``; only for text formats.
    to_stdout = args.output == STDOUT
    if to_stdout and args.format not in STREAM_FORMATS:
        raise UsageError("output: " + _("{format} cannot be written to standard output "
                                        "('-'); give a file name").format(
            format=args.format.upper()))
    target = None if to_stdout else check_output(Path(args.output))
    context = open_context()
    if target is not None:
        context.paths.refuse_as_output(target, option="output")  # named as typed by main
    # The saved list, as the window uses it, and this export's own names.
    hidden = (*context.settings.privacy.hidden_names, *args.hide_name) \
        if args.pseudonymize else ()
    request = ExportRequest(period=period, topics=tuple(args.topic),
                            pseudonymize=args.pseudonymize, separator=args.separator,
                            hidden_names=hidden)
    document = build_document(context.logbook, context.settings.profile, request)
    count = len(document.entries)
    if target is None:
        sys.stdout.flush()
        write_export_stream(document, args.format, sys.stdout.buffer, args.separator)
        # The export is the output: the count goes to stderr, where it cannot mix with it.
        print(ngettext("Wrote {count} entry to standard output",
                       "Wrote {count} entries to standard output", count).format(
                  count=whole_number_text(count)),
              file=sys.stderr)
        warn_when_empty(context.logbook, args.topic, count)
        return 0
    write_export(document, args.format, target, args.separator)
    print(ngettext("Wrote {count} entry to {path}", "Wrote {count} entries to {path}",
                   count).format(count=whole_number_text(count), path=target))
    warn_when_empty(context.logbook, args.topic, count)
    warn_about_extension(target, args.format)
    return 0


#: How many of the log's topics a warning about an unknown topic names.
_TOPICS_SHOWN = 15


def warn_when_empty(logbook: LogbookService, topics: list[str], count: int) -> None:
    """Say on stderr why a report is empty or short: a topic no entry has (a typo), or a
    period without entries.

    The empty file is still written and the exit code stays 0 (a script may want the file),
    but the officer must not send a manager an empty report without knowing.
    """
    # Also when another topic filled the report: the mistyped one is missing from it.
    unknown = logbook.unknown_topics(topics)
    if unknown:
        known = logbook.distinct_values("topic")
        shown = ", ".join(known[:_TOPICS_SHOWN]) + (", …" if len(known) > _TOPICS_SHOWN
                                                     else "")
        named = ", ".join(f"'{topic}'" for topic in unknown)
        message = ngettext("warning: no log entry has the topic {topics}",
                           "warning: no log entry has the topics {topics}",
                           len(unknown)).format(topics=named) + "; " + (
            _("the log's topics are: {topics}").format(topics=shown) if known
            else _("the log has no topics yet"))
    elif count == 0:
        message = (_("note: no log entries with these topics in this period") if topics
                   else _("note: no log entries in this period"))
    else:
        return
    print(f"{APP_SLUG}: {message}", file=sys.stderr)


def warn_about_extension(target: Path, file_format: str) -> None:
    """Say so when the name does not end in the format's extension (``-o rapport.pdf`` for CSV).

    ``--format`` decides what is written, as documented; a script may want just that name. But
    the officer who double-clicks ``rapport.pdf`` gets an error from the PDF reader, so the
    mismatch is said on stderr (a warning, not an error: the file is written, exit 0).
    """
    expected = f".{file_format}"
    if target.suffix.lower() == expected:
        return
    print(f"{APP_SLUG}: " + _("warning: {name} does not end in {extension}, but it holds "
                              "{format}; other programs may not open it, or open it wrongly")
          .format(name=target.name, extension=expected, format=file_format.upper()),
          file=sys.stderr)

