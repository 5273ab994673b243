"""What a guideline pack may contain: rule kinds, their parameters and the value types.

Kept apart from the loader so the documentation (``docs/guideline-packs.md``) and the validator
describe the same thing. Every check returns an error text or ``None``; a check of a list or a
table returns every bad item instead (``Problem``s), so one run reports all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ambtenaar20.core.drafting.model import SEVERITIES
from ambtenaar20.core.i18n import _

#: Where under the checked key a problem sits (list index from 0, table key), and its text.
Problem = tuple[tuple[str | int, ...], str]
Check = Callable[[object], str | list[Problem] | None]

PII_DETECTORS = ("bsn", "iban", "phone", "email", "address")
PLATFORM_IDS = ("x", "mastodon", "bluesky", "threads", "linkedin", "facebook", "instagram")
RULE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
#: One placeholder of a template, as the templates write it (see ``placeholders.py``).
PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,200}\]")


def is_str(value: object) -> str | None:
    return None if isinstance(value, str) else _("must be text (in quotes)")


def is_text(value: object) -> str | None:
    """Text with at least one character that is not a space."""
    if not isinstance(value, str):
        return is_str(value)
    return None if value.strip() else _("must not be empty")


def is_bool(value: object) -> str | None:
    return None if isinstance(value, bool) else _("must be true or false")


def is_int(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return _("must be a whole number, 0 or more")
    return None


def is_number(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _("must be a number")
    return None


def is_regex(value: object) -> str | None:
    if not isinstance(value, str):
        return _("must be a regular expression in quotes")
    try:
        re.compile(value)
    except re.error as error:
        return _("is not a valid regular expression ({error})").format(error=error)
    return None


def problems(check: Check, value: object) -> list[Problem]:
    """Every problem ``check`` finds in ``value``, each with where it sits; [] when fine."""
    found = check(value)
    if not found:
        return []
    return [((), found)] if isinstance(found, str) else found


def list_of(item: Check) -> Check:
    def check(value: object) -> str | list[Problem] | None:
        if not isinstance(value, list):
            return _("must be a list, like [\"a\", \"b\"]")
        return [((index - 1, *where), _("item {n} {problem}").format(n=index, problem=problem))
                for index, element in enumerate(value, start=1)
                for where, problem in problems(item, element)]

    return check


def table_of(item: Check, keys: tuple[str, ...] | None = None) -> Check:
    def check(value: object) -> str | list[Problem] | None:
        if not isinstance(value, dict):
            return _("must be a table of names and values")
        found: list[Problem] = []
        for key, element in value.items():
            if keys is not None and key not in keys:
                found.append(((key,), _("has an unknown name '{key}' (known: {known})").format(
                    key=key, known=", ".join(keys))))
                continue
            found.extend(((key, *where), _("'{key}' {problem}").format(key=key, problem=problem))
                         for where, problem in problems(item, element))
        return found

    return check


def one_of(*choices: str) -> Check:
    def check(value: object) -> str | None:
        if value in choices:
            return None
        return _("must be one of: {choices}").format(choices=", ".join(choices))

    return check


def is_placeholder(value: object) -> str | None:
    """A template placeholder as written in the template: text in square brackets."""
    if not isinstance(value, str):
        return is_str(value)
    if PLACEHOLDER.fullmatch(value) and value[1:-1].strip():
        return None
    return _("must be a placeholder in square brackets, like \"[name]\"")


def is_separable(value: object) -> str | None:
    """A ``separable`` entry: the whole verb (a key of ``replace``) and a regular expression
    for its forms that go before the particle, like ["mededelen", "deel|delen|deelt"]."""
    if (isinstance(value, list) and len(value) == 2
            and all(isinstance(item, str) and item.strip() for item in value)):
        return is_regex(value[1])
    return _("must be a verb and a regular expression for its forms, like "
             "[\"mededelen\", \"deel|delen\"]")


STR_LIST = list_of(is_str)

#: Keys every rule may have, with their checks.
COMMON: dict[str, Check] = {
    "id": is_str,
    "kind": is_str,
    "severity": one_of(*SEVERITIES),
    "message": is_str,
    "why": is_str,
    "link": is_str,
    "enabled": is_bool,
    # Checked per kind by ``translations``; this one serves rules whose kind is unknown.
    "translations": table_of(table_of(is_str), ("nl", "en")),
}

#: Per kind: its own parameters. Lists and tables can be extended by overrides (``add_...``).
KINDS: dict[str, dict[str, Check]] = {
    "words": {"words": STR_LIST, "patterns": list_of(is_regex), "case_sensitive": is_bool,
              "exceptions": STR_LIST},
    "substitution": {"replace": table_of(STR_LIST), "context_dependent": STR_LIST,
                     "context_message": is_str, "case_sensitive": is_bool,
                     "separable": table_of(lambda value: is_separable(value)),
                     "separable_message": is_str},
    "pii": {"detector": one_of(*PII_DETECTORS), "pattern": is_regex, "allow": STR_LIST,
            "range_message": is_str},
    "length": {"limits": table_of(is_int, PLATFORM_IDS)},
    "readability": {"min_score": is_number, "min_words": is_int, "max_sentence_words": is_int,
                    "max_word_syllables": is_int, "sentence_message": is_str,
                    "word_message": is_str},
    "tone": {"measure": one_of("polarity", "subjectivity"), "below": is_number,
             "above": is_number},
    "hashtag": {"check": one_of("case", "count"), "max": is_int, "min_length": is_int},
    "emoji": {"max": is_int, "repeated": is_bool, "between_words": is_bool,
              "fancy_letters": is_bool, "repeated_message": is_str, "between_message": is_str,
              "fancy_message": is_str},
    "caps": {"min_words": is_int, "min_word_length": is_int, "max_marks": is_int,
             "marks_message": is_str},
    "spelling": {"min_length": is_int, "ignore": STR_LIST, "no_suggestion_message": is_str},
    "links": {"check": one_of("shortener", "source"), "domains": STR_LIST,
              "claim_patterns": list_of(is_regex)},
    "consistency": {"formal": STR_LIST, "informal": STR_LIST, "swap": table_of(is_str),
                    "hint_only": STR_LIST, "hint_message": is_str},
    "restraint": {"opinion": STR_LIST, "political": STR_LIST, "parties": STR_LIST,
                  "topics": STR_LIST},
    "mentions": {"watchlist": STR_LIST},
    "placeholder": {"placeholders": list_of(is_placeholder)},
    "manual": {"question": is_str},
}

#: Parameters a rule of that kind cannot do without.
REQUIRED: dict[str, tuple[str, ...]] = {
    "substitution": ("replace",),
    "tone": ("measure",),
    "hashtag": ("check",),
    "links": ("check",),
    "manual": ("question",),
}

PACK_KEYS: dict[str, Check] = {
    "id": lambda v: is_str(v) or (None if RULE_ID.match(str(v)) else _(
        "may only contain small letters, digits, '.', '_' and '-'")),
    "name": is_text,
    "organisation": is_str,
    "version": is_text,
    "language": one_of("nl", "en"),
    "description": is_str,
    "extends": is_str,
    "sources": list_of(table_of(is_str, ("id", "title", "url"))),
}


#: List and table parameters an override may add to with ``add_<name>``.
EXTENDABLE = frozenset({
    "words", "patterns", "exceptions", "replace", "context_dependent", "domains",
    "claim_patterns", "formal", "informal", "swap", "hint_only", "opinion", "political",
    "parties", "topics", "watchlist", "ignore", "limits", "allow", "placeholders", "separable",
})


def allowed_entries(detector: str | None) -> Check:
    """A pii rule's ``allow``: each entry must be something its detector can report."""
    from ambtenaar20.core.analysis.pii_allow import allow_problem

    if detector == "bsn":
        return lambda value: allow_problem("-", "bsn")
    # Entries that are no text at all are reported by the ``allow`` check itself.
    return list_of(lambda entry: allow_problem(entry, detector) if isinstance(entry, str)
                   else None)


def wording_keys(kind: str) -> tuple[str, ...]:
    """The keys of a ``kind`` rule that are words for the reader, not settings of the check."""
    own = tuple(key for key in KINDS[kind] if key.endswith("_message") or key == "question")
    return ("why", *own) if kind == "manual" else ("message", "why", *own)


def translations(kind: str) -> Check:
    """A rule's ``translations``: per language (nl, en), its wording keys in that language."""
    return table_of(table_of(is_str, wording_keys(kind)), ("nl", "en"))


def extendable(kind: str) -> set[str]:
    """Parameters of ``kind`` that an override may add to."""
    return set(KINDS[kind]) & EXTENDABLE
