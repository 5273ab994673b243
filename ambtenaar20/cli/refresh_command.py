"""``ambtenaar20 refresh``: fetch every due feed now and report per feed."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ambtenaar20.cli.help_examples import add_examples
from ambtenaar20.cli.output import add_format_option, print_json
from ambtenaar20.core.i18n import _

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener


def register(subparsers: argparse._SubParsersAction,
             parents: list[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "refresh", parents=parents, help=_("fetch all due feeds now"),
        description=_("Fetch all feeds now (except ones that asked to wait or are gone). "
                      "Exits 0 when the refresh ran, even if some feeds failed."))
    add_format_option(parser)
    add_examples(parser, "ambtenaar20 refresh --format json")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, open_context: ContextOpener) -> int:
    report = open_context().feeds.refresh()
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
    print(_("{count} new items.").format(count=report.new_items))
    for topic, count in report.matched.items():
        print(_("Topic '{name}': {count} new matches.").format(name=topic, count=count))
    return 0
