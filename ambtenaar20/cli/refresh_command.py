"""``ambtenaar20 refresh``: fetch every due feed now and report per feed."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ambtenaar20.cli.help_examples import add_examples
from ambtenaar20.cli.output import add_format_option, print_json
from ambtenaar20.core.i18n import _, ngettext

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener


def register(subparsers: argparse._SubParsersAction,
             parents: list[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "refresh", parents=parents, help=_("fetch all due feeds now"),
        description=_("Fetch all feeds now, also ones that failed a moment ago, except ones "
                      "whose server asked to wait (status 429 or 503) and ones that are gone. "
                      "Exits 0 when the refresh ran, even if some feeds failed."))
    add_format_option(parser)
    add_examples(parser, "ambtenaar20 refresh --format json")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, open_context: ContextOpener) -> int:
    # Asked for by the officer (or their script): a back-off after an error is not waited out.
    report = open_context().feeds.refresh(asked=True)
    if args.format == "json":
        print_json(report.as_dict())
        return 0
    for outcome in report.feeds:
        name = outcome.title or outcome.url
        if outcome.status == "error":
            print(_("{name}: error: {error}").format(name=name, error=outcome.error))
        elif outcome.status == "not_modified":
            print(_("{name}: not changed").format(name=name))
        else:
            print(_("{name}: {count} new").format(name=name, count=outcome.new_items))
    print(ngettext("{count} new item.", "{count} new items.", report.new_items).format(
        count=report.new_items))
    if report.waiting:
        from ambtenaar20.core.feeds.waiting import waiting_note

        print(waiting_note(report.waiting))
    for topic, count in report.matched.items():
        print(ngettext("Topic '{name}': {count} new match.", "Topic '{name}': {count} new matches.",
                       count).format(name=topic, count=count))
    return 0
