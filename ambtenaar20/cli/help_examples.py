"""Worked examples at the end of ``--help``: one command line an officer can copy and adapt.

The lines are kept on the parser (``examples``) as well as in its help text, so a test can parse
every one of them, in each language: an example that no longer parses teaches a mistake.
"""

from __future__ import annotations

import argparse

from ambtenaar20.core.i18n import ngettext

#: The parser attribute that holds a parser's example command lines.
EXAMPLES = "examples"


def add_examples(parser: argparse.ArgumentParser, *lines: str) -> None:
    """End ``parser``'s help with ``lines``, each a whole command line (``ambtenaar20 …``)."""
    setattr(parser, EXAMPLES, lines)
    heading = ngettext("example:", "examples:", len(lines))
    parser.epilog = "\n".join([heading, *(f"  {line}" for line in lines)])


def examples_of(parser: argparse.ArgumentParser) -> tuple[str, ...]:
    return getattr(parser, EXAMPLES, ())
