"""``drafts dismiss|undismiss|tick|publish``: what the officer decides about a draft.

As in the window: a finding is ignored with a reason, kept with the draft, and a dismissal
covers its rule on the same words (``Dismissal.covers``), so it holds while the text around them
changes. "Count again" (``undismiss``) takes it back. Checklist questions are ticked per draft.
Publishing marks the draft once and adds one entry to the log through the app's recorder, with
the findings still open; the store refuses a second time. The findings are always those of
``DraftingService.check_draft``, the check the window runs for the draft.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ambtenaar20.cli.help_examples import add_examples
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _, ngettext

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener
    from ambtenaar20.core.drafting.drafts import Dismissal, Draft
    from ambtenaar20.core.drafting.model import CheckResult, Finding

#: How much of a finding's words a one-line message shows: a length finding is the whole tail
#: of the post.
SHOWN_WORDS = 40


def shown_words(text: str) -> str:
    """A finding's words on one line: line breaks as "⏎", cut short with "…" when long."""
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    flat = " ⏎ ".join(line for line in lines if line)
    return flat if len(flat) <= SHOWN_WORDS else flat[:SHOWN_WORDS - 1].rstrip() + "…"


def _offset(text: str) -> int:
    try:
        number = int(text.strip())
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(
            _("'{value}' is no character offset (a whole number from 0 up)").format(value=text))
    return number


def register_decisions(actions: argparse._SubParsersAction,
                       parents: list[argparse.ArgumentParser]) -> None:
    from ambtenaar20.cli.drafts_command import add_id_argument, platform_key

    rule_help = _("the rule of the finding, e.g. jargon (as 'drafts show' lists it)")
    dismiss = actions.add_parser(
        "dismiss", parents=parents, help=_("ignore a finding, with a reason"),
        description=_("Ignore an open finding of RULE in the draft, with a reason that is kept "
                      "with the draft, as the window does. It stays ignored where the same "
                      "words come back. When RULE has findings on different words, --start "
                      "OFFSET says which: the 'start' that 'drafts show --format json' "
                      "gives, or any offset within the finding."))
    add_id_argument(dismiss)
    dismiss.add_argument("rule", metavar=_("RULE"), help=rule_help)
    dismiss.add_argument("--reason", required=True, metavar=_("TEXT"),
                         help=_("why the finding is not a problem here"))
    dismiss.add_argument("--start", type=_offset, metavar=_("OFFSET"),
                         help=_("the character offset of the finding in the text"))
    add_examples(dismiss, _('ambtenaar20 drafts dismiss 3 jargon --reason "Term of the '
                            'trade"'))
    dismiss.set_defaults(handler=run_dismiss)

    undismiss = actions.add_parser(
        "undismiss", parents=parents, help=_("count an ignored finding again"),
        description=_("Count an ignored finding of RULE again, as 'Count again' in the "
                      "window. When RULE was ignored on different words, --text says which."))
    add_id_argument(undismiss)
    undismiss.add_argument("rule", metavar=_("RULE"), help=rule_help)
    undismiss.add_argument("--text", metavar=_("TEXT"),
                           help=_("the words the finding was on, as 'drafts show' lists "
                                  "them, or a piece of them only that finding has"))
    add_examples(undismiss, _("ambtenaar20 drafts undismiss 3 jargon"))
    undismiss.set_defaults(handler=run_undismiss)

    tick = actions.add_parser(
        "tick", parents=parents, help=_("tick a checklist question"),
        description=_("Tick a question of the draft's checklist (such as manual.facts), as "
                      "the checkbox in the window does; --untick takes the tick away."))
    add_id_argument(tick)
    tick.add_argument("question", metavar=_("QUESTION"),
                      help=_("the question's id, as 'drafts show' lists it"))
    tick.add_argument("--untick", action="store_true", help=_("take the tick away"))
    add_examples(tick, _("ambtenaar20 drafts tick 3 manual.facts"))
    tick.set_defaults(handler=run_tick)

    publish = actions.add_parser(
        "publish", parents=parents, help=_("mark a draft as published and add it to the log"),
        description=_("Mark a draft as published, as the window does: it gets the status "
                      "published and one entry in the log, with the number of findings still "
                      "open. A draft is published once; a second time is refused (exit 2)."))
    add_id_argument(publish)
    publish.add_argument("--platform", required=True, type=platform_key, metavar=_("PLATFORM"),
                         help=_("where it was published: one of the draft's platforms (any "
                                "platform when it has none)"))
    publish.add_argument("--url", default="", metavar="URL",
                         help=_("web address of the published post (https://...); leave it "
                                "out when the post has none"))
    add_examples(publish, _("ambtenaar20 drafts publish 3 --platform x "
                            "--url https://x.com/municipality/status/1"))
    publish.set_defaults(handler=run_publish)


# -- the actions ---------------------------------------------------------------------------------
def run_dismiss(args: argparse.Namespace, open_context: ContextOpener) -> int:
    if not args.reason.strip():  # the store's own words, before a check is run for nothing
        raise UsageError(_("Give a short reason for ignoring this finding."))
    service = open_context().drafting
    draft = service.drafts.get(args.draft_id)
    result = service.check_draft(draft)
    dismissals = service.drafts.dismissals(draft.id)
    finding = _the_finding(draft, args.rule, args.start, result, dismissals)
    # The window's label: the pack and version the finding was made by.
    service.drafts.dismiss(draft.id, finding, f"{result.pack_id} {result.pack_version}",
                           args.reason)
    places = sum(1 for other in result.findings if other.rule == finding.rule
                 and other.text == finding.text)
    print(ngettext("Draft {id}: {rule} on “{text}” is ignored; the reason is kept with the "
                   "draft.",
                   "Draft {id}: {rule} on “{text}” is ignored in {count} places; the reason "
                   "is kept with the draft.", places).format(
        id=draft.id, rule=finding.rule, text=shown_words(finding.text), count=places))
    return 0


def _the_finding(draft: Draft, rule: str, at: int | None, result: CheckResult,
                 dismissals: list[Dismissal]) -> Finding:
    """The open finding ``dismiss`` means; bad usage when there is none or it is ambiguous."""
    from ambtenaar20.core.drafting.drafts import DraftStore

    of_rule = [f for f in DraftStore.open_findings(result.findings, dismissals)
               if f.rule == rule]
    if at is not None:
        # The 'start' that 'drafts show' gives names its finding, even where a longer one (the
        # length finding of a shorter platform) runs over it.
        of_rule = ([f for f in of_rule if f.start == at]
                   or [f for f in of_rule if f.start <= at < f.end])
    if not of_rule:
        if any(f.rule == rule for f in result.findings) and at is None:
            raise UsageError(_("Draft {id}: every finding of {rule} is already ignored.").format(
                id=draft.id, rule=rule))
        if at is not None:
            raise UsageError(_("Draft {id} has no open finding of {rule} at offset {at}; "
                               "'drafts show {id}' lists them.").format(
                id=draft.id, rule=rule, at=at))
        raise UsageError(_("Draft {id} has no open finding of {rule}; 'drafts show {id}' "
                           "lists them.").format(id=draft.id, rule=rule))
    if len({f.text for f in of_rule}) > 1:
        places = ", ".join(_candidate(f, result) for f in of_rule)
        raise UsageError(_("Draft {id} has findings of {rule} on different words (at {places}); "
                           "say which with --start OFFSET.").format(
            id=draft.id, rule=rule, places=places))
    return of_rule[0]


def _candidate(finding: Finding, result: CheckResult) -> str:
    """``500 “de rest…” (Mastodon)``: a finding as the ambiguity message lists it."""
    shown = f"{finding.start} “{shown_words(finding.text)}”"
    names = _length_platforms(finding, result)
    return f"{shown} ({names})" if names else shown


def _length_platforms(finding: Finding, result: CheckResult) -> str:
    """The platforms a length finding is about: those whose cut-off point is its start."""
    from ambtenaar20.core.drafting.platforms import platform

    if finding.rule != "length":
        return ""
    last = max(len(result.text) - 1, 0)  # where ``rules_form.check_length`` starts a finding
    keys = [key for key, length in result.lengths.items()
            if length.over and min(length.fits or 0, last) == finding.start]
    return ", ".join(found.name if (found := platform(key)) else key for key in keys)


def run_undismiss(args: argparse.Namespace, open_context: ContextOpener) -> int:
    store = open_context().drafting.drafts
    draft = store.get(args.draft_id)
    # The words as 'drafts show' lists them (one line, cut short) name a dismissal as well;
    # failing that, a piece of them does: a length finding's words are a whole paragraph.
    of_rule = [d for d in store.dismissals(draft.id) if d.rule == args.rule]
    found = of_rule if args.text is None else \
        [d for d in of_rule if args.text in (d.match_text, shown_words(d.match_text))] or \
        [d for d in of_rule if _piece_of(args.text, d.match_text)]
    if not found:
        raise UsageError(_("Draft {id} has no ignored finding of {rule}{words}.").format(
            id=draft.id, rule=args.rule,
            words="" if args.text is None else " " + _("on “{text}”").format(text=args.text)))
    words = list(dict.fromkeys(d.match_text for d in found))
    if len(words) > 1:
        raise UsageError(_("Draft {id} has {rule} ignored on different words ({words}); say "
                           "which with --text TEXT.").format(
            id=draft.id, rule=args.rule,
            words=", ".join(f"“{shown_words(text)}”" for text in words)))
    # Each would hide the finding on its own: all of them go, or it would stay ignored.
    for dismissal in found:
        store.undismiss(dismissal.id)
    print(_("Draft {id}: {rule} on “{text}” counts again.").format(
        id=draft.id, rule=args.rule, text=shown_words(words[0])))
    return 0


def _piece_of(given: str, words: str) -> bool:
    """Whether ``given`` (typed after --text, without the "…" of a shortened line; case and
    line breaks aside) is a piece of the dismissed ``words``."""
    piece = " ".join(given.removesuffix("…").replace("⏎", " ").split()).casefold()
    return bool(piece) and piece in " ".join(words.split()).casefold()


def run_tick(args: argparse.Namespace, open_context: ContextOpener) -> int:
    service = open_context().drafting
    draft = service.drafts.get(args.draft_id)
    questions = {q.id: q.question for q in service.check_draft(draft).checklist}
    if args.question not in questions:
        raise UsageError(_("Draft {id} has no checklist question {question}; its questions "
                           "are: {ids}").format(id=draft.id, question=args.question,
                                                ids=", ".join(questions) or "-"))
    service.drafts.tick(draft.id, args.question, not args.untick)
    message = (_("Draft {id}: “{question}” is no longer ticked.") if args.untick
               else _("Draft {id}: “{question}” is ticked."))
    print(message.format(id=draft.id, question=questions[args.question]))
    return 0


def run_publish(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.core.drafting.drafts import DraftStore
    from ambtenaar20.core.drafting.platforms import platforms

    service = open_context().drafting
    draft = service.drafts.get(args.draft_id)
    still_open: list[Finding] = []
    if draft.published_at is None:  # else the store refuses, in its own words
        if draft.platforms and args.platform not in draft.platforms:
            # The window offers the draft's own platforms: its length was checked for those.
            from ambtenaar20.cli.drafts_command import platform_names

            raise UsageError(_("Draft {id} is meant for {names}: give one of those with "
                               "--platform, or first add the platform to the draft ('drafts "
                               "edit {id} --platform …').").format(
                id=draft.id, names=platform_names(draft.platforms)))
        result = service.check_draft(draft)
        still_open = DraftStore.open_findings(result.findings,
                                              service.drafts.dismissals(draft.id))
    # The log keeps the name the officer sees ("X", not "x"), as the window stores it.
    name = platforms()[args.platform].name
    published = service.drafts.mark_published(draft.id, args.url, name, still_open,
                                               service.recorder)
    if service.recorder is None:
        print(_("Draft {id} is marked as published. The log is not available in this "
                "version, so no log entry was made.").format(id=published.id))
    else:
        print(ngettext("Draft {id} is marked as published on {platform} and added to the log "
                       "({count} finding still open).",
                       "Draft {id} is marked as published on {platform} and added to the log "
                       "({count} findings still open).", len(still_open)).format(
            id=published.id, platform=name, count=len(still_open)))
    return 0


# -- drafts show, as text ------------------------------------------------------------------------
def print_draft(draft: Draft, result: CheckResult, dismissals: list[Dismissal],
                ticks: set[str]) -> None:
    """The draft's details, its text, its open and ignored findings and its checklist."""
    from dataclasses import replace

    from ambtenaar20.cli.check_command import text_lines
    from ambtenaar20.cli.drafts_command import platform_names
    from ambtenaar20.cli.output import local_time
    from ambtenaar20.core.drafting.drafts import STATUS_LABELS, DraftStore

    rows = [(_("Status"), _(STATUS_LABELS[draft.status])), (_("Topic"), draft.topic or "-"),
            (_("Platforms"), platform_names(draft.platforms) or "-"),
            (_("Language"), result.language), (_("Last change"), local_time(draft.updated_at))]
    if draft.published_at is not None:
        rows.append((_("Published"), " ".join(
            [local_time(draft.published_at), draft.published_url or ""]).strip()))
    width = max(len(label) for label, _value in rows) + 1
    print(_("Draft {id}").format(id=draft.id))
    for label, value in rows:
        print(f"  {label + ':':<{width}}  {value}")
    print()
    print(draft.text.rstrip() or _("(empty draft)"))
    print()
    still_open = DraftStore.open_findings(result.findings, dismissals)
    print(_("Findings ({count}):").format(count=len(still_open)))
    for line in text_lines(replace(result, findings=still_open)):
        print("  " + line)
    ignored = [(finding, next(d for d in dismissals if d.covers(finding)))
               for finding in result.findings if finding not in still_open]
    if ignored:
        print(_("Ignored findings ({count}):").format(count=len(ignored)))
        for finding, dismissal in ignored:
            reason = _("Reason: {reason}").format(reason=dismissal.reason)
            print(f"  {finding.rule} “{shown_words(finding.text)}” — {reason} "
                  f"({local_time(dismissal.created_at)})")
    if result.checklist:
        print(_("Checklist:"))
        for question in result.checklist:
            mark = "[x]" if question.id in ticks else "[ ]"
            print(f"  {mark} {question.question} ({question.id})")
