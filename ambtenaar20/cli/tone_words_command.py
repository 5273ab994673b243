"""``ambtenaar20 tone-words list|add|remove``: the officer's words without tone.

The same list as "Woorden zonder toon" under Preferences (the settings' ``tone.toneless_words``,
see ``core/analysis/toneless_words.py``): its words are left out of the tone of feed items and of
drafts. Adding or removing a word scores the stored items that hold it again, here and now, so
``items list`` and the trend agree with the list at once; a tone set by hand is kept.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ambtenaar20.cli.help_examples import add_examples
from ambtenaar20.cli.output import add_format_option, print_json
from ambtenaar20.core.i18n import _, ngettext

if TYPE_CHECKING:
    from ambtenaar20.cli.main import ContextOpener
    from ambtenaar20.core.app_context import AppContext
    from ambtenaar20.core.feeds.tone_rescore import Rescored


def register(subparsers: argparse._SubParsersAction,
             parents: list[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "tone-words", parents=parents,
        help=_("list, add and remove words without tone"),
        description=_("Words the sentiment lexicon scores but your policy field does not mean "
                      "(\"hitte\", \"droogte\") are left out of the tone of feed items and "
                      "drafts, with their inflections. The same list as \"Words without tone\" "
                      "under Preferences. Stored items holding a word are scored again when "
                      "it is added or removed; a tone you set by hand is kept."))
    commands = parser.add_subparsers(dest="tone_words_command", metavar=_("COMMAND"),
                                     parser_class=type(parser), required=True)
    listing = commands.add_parser(
        "list", parents=parents, help=_("list the words without tone"),
        description=_("List your words without tone, one a line, and the built-in ones."))
    add_format_option(listing)
    listing.set_defaults(handler=run_list)
    add = commands.add_parser(
        "add", parents=parents, help=_("add words without tone"),
        description=_("Add words to the list (case does not matter) and score the stored "
                      "items that hold them again."))
    add.add_argument("words", nargs="+", metavar=_("WORD"), help=_("a word, letters only"))
    add_format_option(add)
    add_examples(add, _("ambtenaar20 tone-words add hitte droogte"))
    add.set_defaults(handler=run_add)
    remove = commands.add_parser(
        "remove", parents=parents, help=_("remove words without tone"),
        description=_("Remove words from the list and score the stored items that hold them "
                      "again; a word that is not in the list gives exit 2."))
    remove.add_argument("words", nargs="+", metavar=_("WORD"),
                        help=_("a word as 'tone-words list' shows it"))
    add_format_option(remove)
    remove.set_defaults(handler=run_remove)


def run_list(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.core.analysis.toneless_words import BUILT_IN, clean_words

    words = clean_words(open_context().settings.tone.toneless_words)
    if args.format == "json":
        print_json({"words": list(words),
                    "built_in": {lang: sorted(BUILT_IN[lang]) for lang in sorted(BUILT_IN)}})
        return 0
    for word in words:
        print(word)
    print(ngettext("{count} word without tone", "{count} words without tone",
                   len(words)).format(count=len(words)))
    for lang in sorted(BUILT_IN):
        print(_("Built in ({language}): {words}").format(
            language=lang, words=", ".join(sorted(BUILT_IN[lang]))))
    return 0


def run_add(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.core.analysis.toneless_words import add_words, built_in_words, clean_words

    context = open_context()
    saved, added = add_words(context.settings.tone.toneless_words, args.words)  # no word: exit 2
    built_in = built_in_words(args.words)
    listed = [word for word in clean_words(args.words) if word not in added + built_in]
    if added:
        context.settings.tone.toneless_words = saved
        context.save_settings()
    rescored = _rescore(context, added)
    if args.format == "json":
        print_json({"added": added, "rescored": rescored.items, "changed": rescored.changed,
                    "built_in": built_in})
        return 0
    if added:
        print(_("Added to the words without tone: {words}.").format(words=", ".join(added)))
    if built_in:
        print(ngettext("'{words}' has no tone already (built in); it was not added.",
                       "'{words}' have no tone already (built in); they were not added.",
                       len(built_in)).format(words="', '".join(built_in)))
    if listed and not added:
        print(ngettext("That word is in the list already; nothing changed.",
                       "Those words are in the list already; nothing changed.",
                       len(listed)))
    _say_rescored(rescored, bool(added))
    return 0


def run_remove(args: argparse.Namespace, open_context: ContextOpener) -> int:
    from ambtenaar20.core.analysis.toneless_words import remove_words

    context = open_context()
    saved, removed = remove_words(context.settings.tone.toneless_words, args.words)  # exit 2
    context.settings.tone.toneless_words = saved
    context.save_settings()
    rescored = _rescore(context, removed)
    if args.format == "json":
        print_json({"removed": removed, "rescored": rescored.items,
                    "changed": rescored.changed})
        return 0
    print(_("Removed from the words without tone: {words}.").format(words=", ".join(removed)))
    _say_rescored(rescored, True)
    return 0


def _rescore(context: AppContext, words: list[str]) -> Rescored:
    from ambtenaar20.core.feeds.tone_rescore import Rescored, rescore_items

    if not words:
        return Rescored(0, 0)
    return rescore_items(context.items, words)


def _say_rescored(rescored: Rescored, changed_list: bool) -> None:
    if not changed_list:
        return
    print(ngettext("{count} stored item scored again, {changed} of them with another tone.",
                   "{count} stored items scored again, {changed} of them with another tone.",
                   rescored.items).format(count=rescored.items, changed=rescored.changed))
