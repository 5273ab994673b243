"""Realistic sample entries for the log benchmarks and screenshots (never used by the app)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from ambtenaar20.core.logbook.service import LogbookService

TOPICS = ("Afval", "Parkeren", "Omgevingswet", "Jeugdzorg", "Energietransitie", "")
PLATFORMS = ("X", "LinkedIn", "Facebook", "Website", "Instagram", "Mastodon")
KINDS = ("reactie", "reactie", "vraag_beantwoord", "bericht", "correctie", "doorverwezen",
         "privebericht", "overig")
SUMMARIES = (
    "Vraag over de nieuwe ophaaldagen in de wijk beantwoord met link naar de afvalkalender",
    "Onjuiste bewering over de parkeertarieven gecorrigeerd met de raadsbesluiten",
    "Bewoner doorverwezen naar het omgevingsloket voor de vergunningaanvraag",
    "Bericht over de informatieavond geplaatst",
    "Klacht over een volle container doorgezet naar de buitendienst",
    "Uitleg gegeven over de subsidie voor isolatie; vervolgvraag via privébericht",
)
OUTCOMES = ("Beantwoord", "Doorgestuurd naar team", "Wacht op reactie", "")


def fill(service: LogbookService, count: int, start: date, days: int, seed: int = 7) -> None:
    """Add ``count`` entries spread over ``days`` days from ``start`` in one transaction."""
    rnd = random.Random(seed)
    first = datetime.combine(start, datetime.min.time())
    with service.db.atomic():
        for _number in range(count):
            at = first + timedelta(days=rnd.randrange(days), hours=rnd.randrange(7, 22),
                                   minutes=rnd.randrange(60))
            kind = rnd.choice(KINDS)
            counterpart = "" if kind == "bericht" else rnd.choice(
                ("@buurtbewoner", "@fietsfan_030", "Petra de Boer", "J. Jansen", "@wijkraad"))
            service.add(occurred_at=at, platform=rnd.choice(PLATFORMS), kind=kind,
                        direction="in" if kind == "privebericht" else "out",
                        topic=rnd.choice(TOPICS), counterpart=counterpart,
                        url=f"https://www.gemeente.nl/nieuws/{rnd.randrange(1000)}"
                        if kind == "bericht" else "",
                        summary=rnd.choice(SUMMARIES), minutes=rnd.choice((2, 5, 5, 10, 15, 30)),
                        outcome=rnd.choice(OUTCOMES),
                        follow_up=(at.date() + timedelta(days=rnd.randrange(1, 10)))
                        if rnd.random() < 0.15 else None)
