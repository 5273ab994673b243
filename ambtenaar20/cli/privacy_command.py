"""``ambtenaar20 erase-person NAME`` (an AVG request) and ``privacy-requests`` (what was done).

The erasure runs through the areas' providers in one transaction (see ``core/privacy``); the
record that it happened holds counts, never the name.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ambtenaar20.cli.asking import confirmed
from ambtenaar20.core.i18n import _

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener


def register(
    subparsers: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]
) -> None:
    erase = subparsers.add_parser(
        "erase-person", parents=parents,
        help=_("erase one person's data everywhere in the app (AVG request)"),
        description=_("Erase NAME from everything the app holds (log entries, drafts, feed "
                      "items, feeds, topics), all or nothing: the name becomes [verwijderd], "
                      "the person's own records also lose their contact details, their feeds "
                      "are no longer fetched and a topic only about them is removed; the "
                      "records themselves stay, so counts and reports do not change. There is "
                      "nothing to choose: what happens to each kind of record is described in "
                      "docs/trust.md. The request is recorded without the name; when nothing "
                      "mentions NAME, nothing is changed or recorded (exit 1). Older backups "
                      "still contain the data."))
    erase.add_argument("name", metavar=_("NAME"), help=_("the person's name as used in the app"))
    erase.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    erase.set_defaults(handler=run_erase)

    requests = subparsers.add_parser(
        "privacy-requests", parents=parents,
        help=_("list the personal-data requests carried out"),
        description=_("List when personal data of a person was deleted, and how much."))
    requests.set_defaults(handler=run_requests)


def run_erase(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.core.privacy import describe_counts

    context = open_context()
    if not args.yes:
        question = _("Erase {name} from everything in the app? This cannot be undone. "
                     "[y/N] ").format(name=args.name)
        if not confirmed(question, _("Deleting personal data cannot be undone; add --yes to "
                                     "confirm when not asking interactively.")):
            print(_("Nothing has been deleted."))
            return 0
    request = context.privacy.erase_counterpart(args.name)
    if request.id is None:
        # A misspelt name must not look like a completed erasure, nor be recorded as one:
        # exit 1, "ran and found problems".
        print(_("Nothing mentioned {name}, so nothing was changed and nothing recorded. Check "
                "the spelling (case and accents do not matter) and try again if it was meant "
                "to match.").format(name=args.name), file=sys.stderr)
        return 1
    print(_("Done: {counts}. Recorded as request {id} (without the name).").format(
        counts=describe_counts(request.affected), id=request.id))
    return 0


def run_requests(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.core.privacy import describe_counts

    requests = open_context().privacy.requests()
    if not requests:
        print(_("No personal-data requests have been carried out."))
    for request in requests:
        print(f"{request.id}\t{request.carried_out_at}\t{describe_counts(request.affected)}")
    return 0
