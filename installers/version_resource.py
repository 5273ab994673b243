"""The Windows version resource of the frozen programs, made from the package version.

Windows wants four numbers (file version a.b.c.d); a pre-release such as ``0.2.0rc1`` becomes
``0.2.0.0`` there, while the text fields keep the full version. Used by ``ambtenaar20.spec``;
``windows/build.ps1`` computes the same numbers for Inno Setup.
"""

from __future__ import annotations

import re


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """The leading release numbers of ``version``, padded to four: ``0.2.0rc1`` -> (0, 2, 0, 0)."""
    match = re.match(r"\d+(?:\.\d+){0,3}", version)
    if match is None:
        raise ValueError(f"not a version: {version!r}")
    numbers = [int(part) for part in match.group().split(".")]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def render_version_info(template: str, version: str) -> str:
    """``windows/version_info.txt`` with its ``@VERSION_TUPLE@`` and ``@VERSION@`` filled in."""
    numbers = ", ".join(str(n) for n in version_numbers(version))
    return template.replace("@VERSION_TUPLE@", numbers).replace("@VERSION@", version)
