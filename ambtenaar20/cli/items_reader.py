"""``ambtenaar20 items show|mark|tone``: what the window's reader does to one item, headless.

The reader pane shows an item with its tone and the words behind it, marks it read, starred or
as needing a response, and lets the officer correct its tone. These commands call the same
``ItemService`` methods (``item``, ``tone_words``, ``set_flag``, ``set_sentiment_override``), so
the window and the command line can never disagree about what a flag or a correction means.
Unlike opening an item in the window, ``items show`` changes nothing: it does not mark it read.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ambtenaar20.cli.output import add_format_option, print_json
from ambtenaar20.cli.record_numbers import record_number
from ambtenaar20.cli.tone_choice import TONES, tone_label
from ambtenaar20.core.errors import UsageError
from ambtenaar20.core.i18n import _, ngettext

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener

#: ``items mark`` options: (option, dest, flag in the store, value, the word said afterwards).
#: Each pair sets one flag the two ways; the words are translated when they are printed.
MARKS = (
    ("--read", "read", "read", True),
    ("--unread", "unread", "read", False),
    ("--starred", "starred", "starred", True),
    ("--unstarred", "unstarred", "starred", False),
    ("--needs-response", "needs_response", "needs_response", True),
    ("--no-response", "no_response", "needs_response", False),
)


def _item_number(text: str) -> int:
    return record_number(text, _("'{value}' is no item number (a whole number from 1 up)."))


def _number_help() -> str:  # translated when the parser is built, in the chosen language
    return _("the item's number, as 'items list' shows it")


def register(commands: argparse._SubParsersAction,
             parents: list[argparse.ArgumentParser]) -> None:
    show = commands.add_parser(
        "show", parents=parents, help=_("show one item with its tone and the words behind it"),
        description=_("Show one item: its details, its tone (and your correction) and the "
                      "words that set the tone. It is not marked read."))
    show.add_argument("item", metavar="ID", type=_item_number, help=_number_help())
    add_format_option(show)
    show.set_defaults(handler=run_show)

    mark = commands.add_parser(
        "mark", parents=parents, help=_("mark items read, unread, starred or needing a response"),
        description=_("Mark items as the reader in the window does. Give one or more item "
                      "numbers and at least one option; nothing changes when a number is "
                      "unknown."))
    mark.add_argument("items", metavar="ID", type=_item_number, nargs="+", help=_number_help())
    helps = {
        "read": _("mark read"), "unread": _("mark unread"), "starred": _("star"),
        "unstarred": _("remove the star"), "needs_response": _("mark as needing a response"),
        "no_response": _("mark as needing no response"),
    }
    for start in range(0, len(MARKS), 2):
        pair = mark.add_mutually_exclusive_group()
        for option, dest, _flag, _value in MARKS[start:start + 2]:
            pair.add_argument(option, dest=dest, action="store_true", help=helps[dest])
    mark.set_defaults(handler=run_mark)

    tone = commands.add_parser(
        "tone", parents=parents, help=_("correct the tone of an item"),
        description=_("Correct the tone of an item, as the window's tone list does; 'auto' "
                      "removes your correction and the computed tone counts again."))
    tone.add_argument("item", metavar="ID", type=_item_number, help=_number_help())
    # The type turns the Dutch words into the English labels, which argparse then checks.
    tone.add_argument("tone", choices=TONES, type=tone_label, metavar=_("TONE"),
                      help=_("positive, neutral or negative; auto removes your correction (the "
                             "Dutch words positief, neutraal, negatief and automatisch work "
                             "too)"))
    tone.set_defaults(handler=run_tone)


def _existing(items: Any, ids: list[int]) -> None:
    """Refuse the whole command when one of ``ids`` is no item, before anything changes."""
    found = {row["id"] for row in items.rows(ids, full=False)}
    for item_id in ids:
        if item_id not in found:
            raise UsageError(_("There is no item with number {id}.").format(id=item_id))


def run_mark(args: argparse.Namespace, open_context: ContextOpener) -> int:
    chosen = [(flag, value, dest) for _option, dest, flag, value in MARKS
              if getattr(args, dest)]
    if not chosen:
        raise UsageError(_("Say what to mark: --read, --unread, --starred, --unstarred, "
                           "--needs-response or --no-response."))
    ids = list(dict.fromkeys(args.items))
    items = open_context().items
    _existing(items, ids)
    for flag, value, _dest in chosen:
        items.set_flag(ids, flag, value)
    words = {
        "read": _("read"), "unread": _("unread"), "starred": _("starred"),
        "unstarred": _("not starred"), "needs_response": _("needs a response"),
        "no_response": _("no response needed"),
    }
    print(ngettext("Item {ids}: {changes}.", "Items {ids}: {changes}.", len(ids)).format(
        ids=", ".join(str(item_id) for item_id in ids),
        changes=", ".join(words[dest] for _flag, _value, dest in chosen)))
    return 0


def run_tone(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.cli.items_command import printable_items

    items = printable_items(open_context)
    items.item(args.item)  # an unknown number: exit 2 before anything is written
    label = None if args.tone == "auto" else args.tone
    items.set_sentiment_override(args.item, label)
    items.analyse_pending([args.item])  # "auto" shows the computed tone, so it must be there
    item = items.item(args.item)
    from ambtenaar20.core.analysis.sentiment import sentiment_name

    tone = sentiment_name(item["sentiment"]) or _("not yet known")
    if label is None:
        print(_("Item {id}: tone {tone}, as computed; your correction is removed.").format(
            id=args.item, tone=tone))
    else:
        print(_("Item {id}: tone {tone} (corrected by you).").format(id=args.item, tone=tone))
    return 0


def run_show(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.cli.items_command import printable_items

    items = printable_items(open_context)
    items.item(args.item)  # an unknown number: exit 2 with the plain message
    items.analyse_pending([args.item])  # as the reader does before it shows an item
    item = items.item(args.item)
    words = items.tone_words(args.item)
    if args.format == "json":
        from ambtenaar20.cli.items_command import JSON_FIELDS

        print_json({name: item[name] for name in JSON_FIELDS} | {
            "feed_url": item["feed_url"], "sentiment_computed": item["sentiment_computed"],
            "sentiment_override": item["sentiment_override"], "tone_words": words})
        return 0
    _print_item(item, words)
    return 0


def _quoted(words: list[str]) -> str:
    return ", ".join(f"‘{word}’" for word in words)


def _print_item(item: dict[str, Any], words: list[str]) -> None:
    from ambtenaar20.cli.output import local_time
    from ambtenaar20.core.analysis.sentiment import UNKNOWN, sentiment_name

    computed = sentiment_name(item["sentiment_computed"]) or _("not yet known")
    if words:
        computed += " " + _("(words: {words})").format(words=_quoted(words))
    lines = [(_("Number"), str(item["id"])),
             (_("Feed"), f"{item['feed']} ({item['feed_url']})"),
             (_("Published"), local_time(item["published"])),
             (_("Link"), item["link"] or "-"),
             (_("Topics"), ", ".join(item["topics"]) or "-"),
             (_("Language"), item["lang"] if item["lang"] not in (None, "", UNKNOWN)
              else _("unknown"))]
    if item["sentiment_override"]:
        lines.append((_("Tone"), sentiment_name(item["sentiment_override"]) + " "
                      + _("(corrected by you)")))
        lines.append((_("Computed tone"), computed))
    else:
        lines.append((_("Tone"), computed))
    marks = [_("read") if item["read"] else _("unread")]
    if item["starred"]:
        marks.append(_("starred"))
    if item["needs_response"]:
        marks.append(_("needs a response"))
    lines.append((_("Flags"), ", ".join(marks)))
    width = max(len(label) for label, _value in lines) + 1
    print(item["title"] or _("(no title)"))
    for label, value in lines:
        print(f"{label + ':':<{width}}  {value}")
    if item["text"]:
        print()
        print(item["text"])
