"""Sample entries shared by the export tests: ordinary, hostile and personal data."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ambtenaar20.core.export.document import ExportRequest, build_document
from ambtenaar20.core.logbook.clock import Period

MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))

SAMPLES = [
    dict(occurred_at="2026-03-02T09:15", platform="X", kind="reactie", direction="out",
         topic="Afval", counterpart="@janjansen", url="https://x.com/janjansen/status/123",
         summary="Vraag van @janjansen over de ophaaldag; bel 06-12345678",
         minutes=5, outcome="Beantwoord", follow_up="2026-03-09"),
    dict(occurred_at="2026-03-10T14:00", platform="Facebook", kind="vraag beantwoord",
         direction="in", topic="Parkeren", counterpart="Petra de Boer",
         url="https://www.facebook.com/petra.deboer/posts/9",
         summary="Petra de Boer vroeg naar de vergunning, mail petra@example.nl",
         minutes=12, outcome="=HYPERLINK(\"http://evil\",\"klik\")"),
    dict(occurred_at="2026-03-15T11:30", platform="Website", kind="bericht", direction="out",
         topic="Afval", url="https://www.gemeente.nl/nieuws/ophaaldagen",
         summary="-Nieuwe ophaaldagen gepubliceerd", minutes=30),
    dict(occurred_at="2026-03-20T16:45", platform="X", kind="privébericht", direction="in",
         topic="Afval", counterpart="@JanJansen", summary="+31 tweede vraag; IBAN "
         "NL91ABNA0417164300", minutes=3, outcome="@doorgestuurd"),
    dict(occurred_at="2026-03-31T23:30", platform="LinkedIn", kind="correctie",
         topic="Parkeren", summary="Correctie\top bericht", minutes=0),
]


def fill(logbook) -> list:
    entries = [logbook.add(**values) for values in SAMPLES]
    # Outside the period, on both sides.
    logbook.add(occurred_at="2026-02-28T23:59", platform="X", kind="overig", summary="feb")
    logbook.add(occurred_at="2026-04-01T00:00", platform="X", kind="overig", summary="apr")
    return entries


def document(logbook, context, **request):
    return build_document(logbook, context.settings.profile, ExportRequest(MARCH, **request))


def add_many(logbook, count: int) -> None:
    """``count`` entries spread over March, in one transaction (for long exports)."""
    first = datetime(2026, 3, 1, 8, 0)
    step = timedelta(minutes=30 * 24 * 60 // max(count, 1))
    with logbook.db.atomic():
        for number in range(count):
            logbook.add(occurred_at=first + step * number, platform="X", kind="reactie",
                        topic="Afval", counterpart=f"@inwoner{number % 40}",
                        summary=f"Vraag {number} van @inwoner{number % 40} over de ophaaldag",
                        minutes=5)
