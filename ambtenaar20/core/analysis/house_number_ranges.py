"""Whether "Kerkstraat 1-3" is a stretch of street (road works) or someone's home.

Road-works notices name stretches: "Kerkstraat 1 t/m 20", "Molenweg 3 - 27", "Kerkstraat
2-14". But in a Dutch address "1-3" very often is house number 1, third floor or addition 3
("Kerkstraat 1-3, 1234 AB Utrecht", "ik woon op Kerkstraat 1-3"). Only the written-together
dash is ambiguous; "t/m", "tot en met", "to", "through" and a spaced dash are always stretches.
For "N-M" with M larger than N the sentence decides:

1. a postcode after it, a place after it ("Kerkstraat 1-3, Utrecht") or a word about living
   there ("ik woon", "mijn adres", "bij mij", "I live", "my address") makes it an address;
2. otherwise words of road works or of several homes ("afgesloten", "werkzaamheden",
   "huisnummers", "bewoners", "closed", "roadworks") make it a stretch: nothing to report;
3. with neither, it is reported as a *possible* address: the checker shows it as a warning that
   says it may be a range (advice only; it never blocks a post). Masking for exports treats it
   as an address, since hiding a stretch of street costs less than showing someone's home.
"""

from __future__ import annotations

import regex

ADDRESS = "address"
STRETCH = "stretch"
MAYBE = "maybe"

MONTHS = frozenset({
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep",
    "sept", "okt", "nov", "dec", "january", "february", "march", "may", "june", "july",
    "august", "october",
})
# After the first house number: "t/m 20", "- 27", "-14", "tot 9", "to 20", "through 48".
_RANGE = regex.compile(
    r"\s*(?:(?P<dash>-)|(?P<through>t\s?/\s?m|t\.?\s?m\.?|tot\s+en\s+met|through|thru)"
    r"|tot|to|until|till)\s*(?P<last>\d{1,4})(?!\d|[.,:]\d)\s*(?P<next>\p{L}*)",
    regex.IGNORECASE)
# Someone lives there. Checked first: "Bij mij op Kerkstraat 1-3 is de stoep afgesloten" is a
# home whatever else the sentence says.
_HOME = regex.compile(
    r"\b(?:(?:ik|wij|we)\s+(?:woon|woont|wonen|woonde|woonden)"
    r"|(?:mijn|ons|onze|zijn|haar|hun|uw)\s+(?:nieuwe\s+)?(?:woon|post)?(?:adres|huis|woning)"
    r"|bij\s+(?:mij|ons\s+thuis)|woonachtig|(?:woont|wonend|wonende)\s+(?:op|aan|in|te)"
    r"|adres\s+(?:is|was|wordt)|adres\s*:"
    r"|(?:i|we)\s+(?:live|lived)|lives\s+(?:at|on|in)|living\s+(?:at|on)"
    r"|(?:my|our|his|her|their|your)\s+(?:new\s+)?(?:home|house|flat|apartment|address)"
    r"|address\s+(?:is|was)|address\s*:)(?!\w)",
    regex.IGNORECASE)
# Road works and several homes. Stems, since Dutch writes compounds ("Wegwerkzaamheden",
# "Rioleringswerk", "Herinrichting").
_STRETCH = regex.compile(
    r"(?:werkzaamhed|(?:weg|straat|bouw|onderhouds|graaf|herstel)werk|riool|riolering|asfalt"
    r"|wegdek|glasvezel|\bleidingen\b|\bkabels\b|\baanleg|sewer|asphalt|\b(?:re)?pav(?:ing|ed)\b"
    r"|afgesloten|afsluiting|afgezet|omleiding|omgeleid|herinricht|bestrating|opgebroken"
    r"|stremming|gestremd|huisnummers|\bnummers\b|\bnrs\b|\bbewoners\b|\bwoningen\b|\bpanden\b"
    r"|\beven\b|\boneven\b|\bdicht\b|(?:niet|slecht|alleen|beperkt)\s+bereikbaar|sloop|gesloopt"
    r"|renovatie|roadworks?|road\s+works|\bworks\b|\bclosed|\bclosure|diversion|detour|resurfac"
    r"|\bresidents\b|\bhouses\b|\bhomes\b|\bnumbers\b|\bodd\b|maintenance|construction)",
    regex.IGNORECASE)
# A place right after the numbers: "Kerkstraat 1-3, Utrecht", "Kerkstraat 1-3 te Den Haag".
_PLACE_AFTER = regex.compile(
    r",?[ \t]+(?:(?:te|in)[ \t]+)?(?:(?:Den|De|Het|Ter|Ten)[ \t]+|'s-)?\p{Lu}\p{Ll}+(?![\w-])")
# Words that open the next sentence when its full stop is missing ("Kerkstraat 1-3 Wij komen").
_NOT_A_PLACE = frozenset(
    "de het een en of op in bij naar aan om voor met via tot ook ik wij we u hij zij er daar "
    "hier dit dat deze die the a an and or at on in to for we i you it this that there".split())
# A sentence ends at a full stop before a capital or at a line break: "nrs. 2-14" and
# "Burg. de Withstraat" stay in one sentence.
_SENTENCE_BREAK = regex.compile(r"[.!?]+\s+(?=\p{Lu})|\n")


def is_range(after: str, first: int) -> bool:
    """``after`` the first house number goes on to a last one: "t/m 20", "-14", "tot 9"."""
    found = _RANGE.match(after)
    if not found:
        return False
    last = int(found.group("last"))
    if found.group("next").lower() in MONTHS or (len(found.group("last")) == 4
                                                 and 1800 <= last <= 2100):
        return False  # "tot 20 mei", "tot 2026": a date, not a house number
    return bool(found.group("through")) or last > first


def dash_pair(view: str, name_start: int, name_end: int, end: int) -> str:
    """A street name at ``view[name_start:name_end]`` with "N-M" (M > N) and no postcode up to
    ``end``: ADDRESS, STRETCH or MAYBE (see the module's docstring)."""
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(view, 0, name_start)]
    sentence_start = breaks[-1] if breaks else 0
    following = _SENTENCE_BREAK.search(view, end)
    sentence_end = following.start() if following else len(view)
    # The rest of the sentence, not the street's own name ("Omleidingsweg 1-3").
    around = view[sentence_start:name_start] + " " + view[name_end:sentence_end]
    if _HOME.search(around):
        return ADDRESS
    if _STRETCH.search(around):
        return STRETCH
    place = _PLACE_AFTER.match(view, end)
    if place and place.group().strip(", \t").split()[-1].lower() not in _NOT_A_PLACE:
        return ADDRESS
    return MAYBE
