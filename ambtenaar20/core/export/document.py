"""What an export contains: the selected entries, the period, the officer and the totals.

Built once per export from the log service; pseudonymisation is applied here, before any format
sees the entries, so no format can leak what another one hides.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ambtenaar20 import APP_NAME, __version__
from ambtenaar20.core.cancellation import CancelToken, ProgressCallback
from ambtenaar20.core.export.progress import ExportSteps
from ambtenaar20.core.i18n import _
from ambtenaar20.core.logbook.clock import Period, to_local, zone_name
from ambtenaar20.core.logbook.model import Interaction, LogFilter, Summary
from ambtenaar20.core.logbook.service import LogbookService
from ambtenaar20.core.logbook.summary import summarize

FORMATS = ("csv", "xlsx", "pdf", "json")
SEPARATORS = (";", ",")
JSON_SCHEMA_ID = "ambtenaar20.logbook-export/1"


@dataclass(frozen=True)
class ExportRequest:
    period: Period
    topics: tuple[str, ...] = ()
    pseudonymize: bool = False
    separator: str = ";"
    #: People to hide besides the log's counterparts (the officer's list; only when
    #: pseudonymising): named in a summary, they are recognised no other way.
    hidden_names: tuple[str, ...] = ()


@dataclass
class ExportDocument:
    period: Period
    timezone: str
    start: datetime
    end_exclusive: datetime
    officer: dict[str, str]
    topics: tuple[str, ...]
    pseudonymized: bool
    entries: list[Interaction]
    summary: Summary
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC).astimezone())

    def period_json(self) -> dict[str, Any]:
        return {
            "from": self.period.start.isoformat(),
            "to": self.period.end.isoformat(),
            "timezone": self.timezone,
            "start": self.start.isoformat(),
            "end_exclusive": self.end_exclusive.isoformat(),
        }


def build_document(service: LogbookService, profile: Any, request: ExportRequest,
                   cancel: CancelToken | None = None,
                   progress: ProgressCallback | None = None) -> ExportDocument:
    """Select the entries of ``request`` and prepare them (pseudonymised if asked).

    Only pseudonymising takes long (seconds for thousands of entries), in two steps that
    ``progress`` counts from 0 each: the people of the log indexed, then the entries done;
    ``cancel`` is looked at every few people or entries.
    """
    entries = service.list(LogFilter(period=request.period, topics=request.topics))
    if cancel is not None:
        cancel.raise_if_cancelled()
    # An entry keeps the offset it was made with (a laptop on UTC, the other side of a DST
    # change); the report shows every time on the export's clock, so the dates fall inside
    # the period and read in order.
    entries = [replace_entry(entry, occurred_at=to_local(entry.occurred_at, service.tz))
               for entry in entries]
    topics = request.topics
    if request.pseudonymize:
        from ambtenaar20.core.export.pseudonymize import Pseudonymizer
        from ambtenaar20.core.hidden_names import clean_names

        # Everyone in the log, deleted entries too: a person from another month may be named;
        # then the people the officer listed, numbered like anyone only mentioned.
        known = [*service.counterparts(), *clean_names(request.hidden_names)]
        # A step of its own: the spellings of every person (~0.4 s for 10,000 people).
        indexing = ExportSteps(len(entries) + len(known), _("Recognising people"), cancel,
                               progress)
        indexing.start()
        pseudonymizer = Pseudonymizer.for_entries(entries, known, each=indexing.advance)
        indexing.finish()
        steps = ExportSteps(len(entries), _("Pseudonymising entries"), cancel, progress)
        steps.start()
        hidden = []
        # One by one in order, as ``apply_all`` does: pseudonyms are numbered on first use.
        for entry in entries:
            hidden.append(pseudonymizer.apply(entry))
            steps.advance()
        steps.finish()
        entries = hidden
        # The topic filter is shown on the cover and in the summary sheet, like by_topic.
        topics = tuple(pseudonymizer.text(topic) for topic in topics)
    start, end = request.period.bounds(service.tz)
    officer = {name: getattr(profile, name, "") or "" for name in
               ("name", "function", "organisation", "department")}
    return ExportDocument(
        period=request.period,
        timezone=zone_name(service.tz),
        start=start,
        end_exclusive=end,
        officer=officer,
        topics=topics,
        pseudonymized=request.pseudonymize,
        entries=entries,
        summary=summarize(entries, request.period, service.tz),
    )


def generator_name() -> str:
    return f"{APP_NAME} {__version__}"


def pseudonymized_note() -> str:
    """What a pseudonymised report says of itself, on the PDF cover and the summary sheet.

    Only what was done: the people recognised are the log's counterparts and the names the
    officer listed (``core/hidden_names.py``); anyone else named in a summary stays. A reader
    told that everyone was replaced would pass the file on trusting that (QA).
    """
    return _("Pseudonymised: the counterparts from the log, and any names listed to be hidden, "
             "are shown as 'Persoon 1', 'Persoon 2' and so on; links to people and personal "
             "data have been left out. Other names in the texts may remain.")


def replace_entry(entry: Interaction, **changes: Any) -> Interaction:
    return dataclasses.replace(entry, **changes)
