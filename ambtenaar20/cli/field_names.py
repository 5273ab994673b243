"""Naming the wrong field in an error as the officer typed it: ``--from``, ``-o``, ``ID``.

The services name a wrong field by a fixed key at the start of their message ("kind: unknown
kind 'x'", "output: the folder … does not exist"): the same key in every language, so that
each front end can tell which of its fields is meant. The window shows the message beside the
field; on the command line that bare English key would be neither the option nor a word of the
officer's language. A command lists its keys with ``FIELD_OPTIONS`` (``set_defaults``), and
``main`` puts the option in the key's place, spelled as it was typed (``-o`` or ``--output``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

#: ``set_defaults`` name of a command's key -> option strings (or the argument's name) table.
FIELD_OPTIONS = "field_options"

_KEY = re.compile(r"([a-z][a-z-]*): ")


def log_field_options(*keys: str) -> dict[str, tuple[str, ...]]:
    """The ``log`` fields: each key is its option's name (``follow-up`` is ``--follow-up``)."""
    return {key: (f"--{key}",) for key in keys}


def with_option_name(message: str, options: Mapping[str, Sequence[str]] | None,
                     argv: Sequence[str]) -> str:
    """``message`` with its leading field key replaced by the option the officer typed.

    Messages without a known key are returned as they are.
    """
    found = _KEY.match(message)
    if not found or not options or found.group(1) not in options:
        return message
    return f"{typed(options[found.group(1)], argv)}: {message[found.end():]}"


def typed(spellings: Sequence[str], argv: Sequence[str]) -> str:
    """The spelling of an option found in ``argv`` (``-o``, ``--output``, ``--output=x``,
    ``-ox``); the last, long one when none is (an argument's name is never typed)."""
    for spelling in spellings:
        for argument in argv:
            if argument == spelling or argument.startswith(f"{spelling}=") or (
                    len(spelling) == 2 and argument.startswith(spelling)
                    and not argument.startswith("--")):
                return spelling
    return spellings[-1]
