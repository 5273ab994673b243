"""Template placeholders left in a draft: "[link naar de pagina]" that was never filled in.

Templates mark what the officer fills in with square brackets. A bracketed text that is exactly
one of the placeholders of a known template is certainly left over, and publishing it is a
mistake. Any other bracketed text is left alone: the app's own erasure marker "[verwijderd]",
an editor's "[...]" in a quotation, "jan [at] gemeente [dot] nl". Guessing there would make the
error cry wolf.

The built-in templates are read once per process (``templates.builtin_templates``, shared with
the templates menu); the officer's own templates come with each check
(``CheckOptions.template_placeholders``), so a check itself reads no file.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

from ambtenaar20.core.drafting.model import Finding
from ambtenaar20.core.drafting.packs import Rule
from ambtenaar20.core.drafting.rule_context import RuleContext
from ambtenaar20.core.drafting.templates import builtin_templates
from ambtenaar20.core.drafting.text import BRACKETED
from ambtenaar20.core.name_spellings import ERASED_MARKER


def _key(inner: str) -> str:
    """What makes two placeholders the same: not case, not the spaces ("[ Link ]" = "[link]")."""
    return " ".join(inner.split()).casefold()


_ERASED = _key(ERASED_MARKER[1:-1])


def placeholders_of(texts: Iterable[str]) -> frozenset[str]:
    """Every placeholder in the template texts, as written with its brackets ("[datum]")."""
    return frozenset(match.group() for text in texts for match in BRACKETED.finditer(text)
                     if _key(match.group(1)) not in ("", _ERASED))


@cache
def builtin_placeholders() -> frozenset[str]:
    """The placeholders of the built-in templates (read once, shared with the menu)."""
    return placeholders_of(template.text for template in builtin_templates())


@lru_cache(maxsize=32)
def _keys(placeholders: frozenset[str] | tuple[str, ...]) -> frozenset[str]:
    # Cached: the officer's set and a rule's list are the same objects check after check.
    found = {_key(text[1:-1] if text.startswith("[") and text.endswith("]") else text)
             for text in placeholders}
    return frozenset(found - {"", _ERASED})


def check_placeholders(rule: Rule, ctx: RuleContext) -> list[Finding]:
    if "[" not in ctx.text:
        return []
    known = (_keys(builtin_placeholders()), _keys(ctx.options.template_placeholders),
             _keys(tuple(rule.param("placeholders", ()))))
    findings = []
    for match in BRACKETED.finditer(ctx.text):
        # "[link](https://...)" is a Markdown link whose text happens to be "link": filled in.
        if ctx.text.startswith("(", match.end()):
            continue
        key = _key(match.group(1))
        if any(key in keys for keys in known):
            findings.append(ctx.finding(rule, match.start(), match.end()))
    return findings
