"""Why a TOML file (a guideline pack) cannot be read: in the officer's words, with the place.

Python's ``tomllib`` explains itself in English ("Expected '=' after a key in a key/value pair
(at line 3, column 6)"). A communications department writes packs by hand, so the officer gets
the reason in their own language and the position as an editor shows it, as ``xml_errors`` does
for feed lists. A message this module does not know keeps the parser's text: it is still the
best description there is.
"""

from __future__ import annotations

import ast
import re
import tomllib

from ambtenaar20.core.i18n import N_, _

_POSITION = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")

#: The parser's messages an officer meets in practice, first match wins. ``{char}`` and
#: ``{name}`` are filled from the message's group.
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    # A text in double quotes runs to the end of the line (a closing quote is missing).
    (re.compile(r"(?:Illegal|Found invalid) character '\\[nr]'"),
     N_("a text in quotes is not closed on this line")),
    (re.compile(r"(?:Illegal|Found invalid) character (?P<char>.+)"),
     N_("a character that is not allowed here: {char}")),
    (re.compile(r"Unterminated string|Expected \"'(?:'')?\""),
     N_("a text in quotes is not closed")),
    (re.compile(r"Expected '=' after a key in a key/value pair"),
     N_("'=' is missing after the key (write: key = value)")),
    (re.compile(r"Invalid initial character for a key part"),
     N_("a key may hold only letters, digits, '_' and '-' (or be written in quotes)")),
    (re.compile(r"Invalid statement"),
     N_("this line is not a key = value, a [section] or a # comment")),
    (re.compile(r"Expected newline or end of document after a statement"),
     N_("more follows the value on this line (one key = value per line; text goes in "
        "quotes)")),
    (re.compile(r"Cannot overwrite a value"),
     N_("this key already has a value (a key is given twice)")),
    (re.compile(r"Duplicate inline table key (?P<name>.+)"),
     N_("the key {name} is given twice")),
    (re.compile(r"Cannot declare (?P<name>.+) twice"),
     N_("the section [{name}] is given twice")),
    (re.compile(r"Cannot (?:mutate immutable|redefine) namespace (?P<name>.+)"),
     N_("{name} already has a value and cannot be given more keys here")),
    (re.compile(r"Invalid value"),
     N_("an invalid value (text goes in quotes; true and false are written in small "
        "letters)")),
    (re.compile(r"Invalid date or datetime"), N_("an invalid date or time")),
    (re.compile(r"Unclosed array"),
     N_("a list is not closed with ']' (or a ',' is missing between its items)")),
    (re.compile(r"Unclosed inline table"),
     N_("a table between braces is not closed (or a ',' is missing between its keys)")),
    (re.compile(r"Expected '\]' at the end of a table declaration"),
     N_("a [section] heading is not closed with ']'")),
    (re.compile(r"Expected '\]\]' at the end of an array declaration"),
     N_("a [[section]] heading is not closed with ']]'")),
    (re.compile(r"Unescaped '\\' in a string"),
     N_("a backslash in double quotes must be written twice (or use single quotes)")),
    (re.compile(r"Invalid hex value|Escaped character is not a Unicode scalar value"),
     N_("an invalid \\u or \\U code in a text")),
)


def toml_problem(error: tomllib.TOMLDecodeError, source: str) -> tuple[int, int, str]:
    """(line, column, reason) of a syntax error in ``source``; the reason in the current
    language, line and column counted from 1."""
    text = str(error)
    found = _POSITION.search(text)
    message = text[:found.start()] if found else text.strip()
    if found and found.group(1):
        line, column = int(found.group(1)), int(found.group(2))
    else:
        line, column = _end(source)
    if message == "Cannot overwrite a value":
        # The parser stands after the repeated value; the key it repeats starts the line.
        lines = source.split("\n")
        current = lines[line - 1] if line <= len(lines) else ""
        column = len(current) - len(current.lstrip()) + 1
    return line, column, _reason(message)


def _reason(message: str) -> str:
    for pattern, reason in _REASONS:
        matched = pattern.fullmatch(message)
        if matched:
            # A character stays as the parser shows it ('\x01' is invisible otherwise).
            fields = {key: value if key == "char" else _name(value)
                      for key, value in matched.groupdict().items()}
            return _(reason).format(**fields) if fields else _(reason)
    return message


def _name(written: str) -> str:
    """``('rules', 'a')`` or ``'a'`` as the pack writes it: ``rules.a``, ``a``."""
    try:
        value = ast.literal_eval(written)
    except (ValueError, SyntaxError):
        return written
    if isinstance(value, tuple):
        return ".".join(map(str, value))
    return str(value) if isinstance(value, str) and value.strip() else written


def _end(source: str) -> tuple[int, int]:
    """Where the text ends, after its last character that is not white space."""
    lines = source.rstrip().split("\n")  # as the parser counts lines
    return len(lines), len(lines[-1]) + 1
