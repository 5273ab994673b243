"""Capitalised words that never begin a street name, so that an address starts after them.

A street name may have several capitalised words ("Burgemeester de Withstraat", "Nieuwe
Binnenweg", "Van Heemstralaan", "Oude Gracht"), so the address pattern takes up to three of them
before the street word. A sentence's first word is capitalised too: "Vanaf Kerkstraat 12-14"
and "Mevrouw van Kastanjelaan 3 D" were reported with "Vanaf" and "Mevrouw" as part of the
address. These words (prepositions, adverbs, pronouns, forms of address, Dutch and English)
are never a street name's first word. At worst a real street that begins with one ("Achter de
Vismarkt") is reported without it: still reported.

Not listed on purpose, since Dutch street names begin with them: "Van", "Ter", "Ten", "Sint",
titles such as "Burgemeester", "Dokter", "Pastoor", "Koningin", "Mr." ("Mr. Visserplein") and
"Heer" ("Heer Bokelweg"), and "Binnen", "Buiten", "Korte", "Lange", "Oude", "Nieuwe".
"""

from __future__ import annotations

_DUTCH = (
    # Articles, conjunctions and prepositions
    "De Het Een En Of Maar Want Dus Als Omdat Wanneer Zodra Terwijl Hoewel Toen "
    "In Op Bij Naar Aan Om Voor Met Via Tot Vanaf Vanuit Naast Tegenover Achter Langs Tussen "
    "Door Onder Boven Over Uit Na Nabij Rond Rondom Richting Sinds Zonder Voorbij Omstreeks Per "
    # Adverbs and other sentence openers
    "Ook Alleen Daarom Nu Hier Daar Er Nog Wel Niet Ja Nee Eerst Daarna Straks Helaas Graag "
    "Misschien Wellicht Inmiddels Binnenkort Vandaag Morgen Gisteren Vanavond Vanmorgen "
    "Vanmiddag Vannacht Waar Wat Wie Welke Hoe Dat Die Dit Deze Zie Kijk Bel Namens "
    # Pronouns
    "Ik Wij We U Hij Zij Ze Jij Je Jullie Men Mijn Ons Onze Uw Zijn Haar Hun Iedereen Niemand "
    # Forms of address and people
    "Mevrouw Meneer Mijnheer Dhr Mevr Mw Beste Geachte Hallo Hoi Familie Fam "
    "Bewoner Bewoners Buurtbewoners Omwonenden Buren"
)
_ENGLISH = (
    "The A An And Or But So Also Only Then Now Here There Today Tomorrow Yesterday Please "
    "At On Near Opposite Behind From Between To Along Past Outside Beside Beyond By Into Onto "
    "Towards Around Across Before After Until Since For With Without About Of "
    "I You He She They It My Our Your His Her Their "
    "Mrs Ms Miss Dear Hello Hi Residents Resident Neighbours Neighbors"
)

#: Words (as written, capitalised) that never begin a street name.
NOT_STREET_START = frozenset((_DUTCH + " " + _ENGLISH).split())

#: Abbreviations among them, written with a dot ("Dhr. Jansen"). Single letters are not: "A."
#: is an initial, as in "Burg. A. Colijnstraat".
_ABBREVIATIONS = ("Dhr", "Mevr", "Mw", "Fam")

#: For a regular expression: one of these words, as a whole word.
NOT_STREET_START_PATTERN = (
    "(?:(?:" + "|".join(sorted(NOT_STREET_START, key=lambda w: (-len(w), w))) + r")\s"
    "|(?:" + "|".join(_ABBREVIATIONS) + r")\.)")
