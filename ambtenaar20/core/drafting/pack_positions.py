"""Where a key sits in a pack's TOML source, so schema errors can name a line and a column.

``tomllib`` gives positions for syntax errors only; for a wrong value we find the key's line by
reading the source the same way TOML does: table headers (``[a.b]``, ``[[rules]]``) set the
current path, ``key = value`` lines add a key to it. Good enough for the hand-written files packs
are; anything not found falls back to the enclosing table's header.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_NAME = r"""(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)"""
_KEY = re.compile(rf"^(\s*)({_NAME}(?:\s*\.\s*{_NAME})*)\s*=")
_PART = re.compile(r"""\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*(?:\.|$)""")

Path = tuple[str | int, ...]


def _split_key(dotted: str) -> list[str]:
    return [part.strip("\"'") for part in _PART.findall(dotted)]


def key_positions(source: str) -> dict[Path, tuple[int, int]]:
    """Map of key paths (``("rules", 2, "severity")``) to 1-based (line, column)."""
    positions: dict[Path, tuple[int, int]] = {}
    array_counts: dict[Path, int] = {}
    current: Path = ()
    in_multiline = 0  # depth of an open multi-line array, whose lines are values, not keys
    for number, line in enumerate(source.splitlines(), start=1):
        if in_multiline:
            in_multiline += _bracket_balance(line)
            continue
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            parts = _split_key(header.group(2))
            if header.group(1) == "[[":
                base = (*_resolve(parts[:-1], array_counts), parts[-1])
                index = array_counts.get(base, -1) + 1
                array_counts[base] = index
                current = (*base, index)
            else:
                current = _resolve(parts, array_counts)
            positions.setdefault(current, (number, line.index("[") + 1))
            continue
        key = _KEY.match(line)
        if key:
            path = (*current, *_split_key(key.group(2)))
            positions.setdefault(path, (number, len(key.group(1)) + 1))
            value = line[key.end():]
            in_multiline = max(0, _bracket_balance(value))
    return positions


def _resolve(parts: list[str], array_counts: dict[Path, int]) -> Path:
    """A header path, with the index of the latest element of every array of tables in it."""
    path: Path = ()
    for part in parts:
        path = (*path, part)
        if path in array_counts:
            path = (*path, array_counts[path])
    return path


def _bracket_balance(text: str) -> int:
    # Strings may contain brackets; drop them (and comments) before counting.
    stripped = re.sub(r'"(?:\\.|[^"\\])*"|\'[^\']*\'', "", text).split("#", 1)[0]
    return stripped.count("[") - stripped.count("]")


def locate(positions: dict[Path, tuple[int, int]], path: Path) -> tuple[int, int]:
    """Position of ``path``, or of its nearest enclosing key or table; (1, 1) if none."""
    probe = path
    while probe:
        if probe in positions:
            return positions[probe]
        probe = probe[:-1]
    return (1, 1)
