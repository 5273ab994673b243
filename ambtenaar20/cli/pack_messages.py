"""A pack rule's message as ``pack show`` prints it: with its places named, not as a template.

A message such as "too long for {platform}: {count} of {limit} characters" is filled in when a
draft is checked. Printed as written, the braces read like a fault in the pack; filled with
made-up values they would read like part of the rule. So each place the checker fills in is
shown by what goes there, in the officer's language ("‹platform›: ‹number› of ‹limit›"), and
one closing line says what the marks mean. Other braces are left as the checker leaves them.
"""

from __future__ import annotations

import re

from ambtenaar20.core.i18n import N_, _

#: The places the checker fills in (docs/guideline-packs.md) and what goes there.
PLACES = {
    "match": N_("found text"),
    "suggestions": N_("alternatives"),
    "platform": N_("platform"),
    "count": N_("number"),
    "limit": N_("limit"),
    "max": N_("maximum"),
    "score": N_("score"),
    "min_score": N_("minimum score"),
    "words": N_("words"),
    "about": N_("subject"),
}
PLACES_NOTE = N_("‹…› is filled in when a draft is checked, with what was found in it.")

_PLACE = re.compile(r"\{(" + "|".join(PLACES) + r")\}")


def readable_message(message: str) -> str:
    return _PLACE.sub(lambda found: f"‹{_(PLACES[found.group(1)])}›", message)
