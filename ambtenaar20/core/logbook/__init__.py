"""The interaction log ("Logboek"): what the officer did online, kept like a record."""

from ambtenaar20.core.logbook.clock import Period
from ambtenaar20.core.logbook.model import HistoryLine, Interaction, LogFilter, Summary
from ambtenaar20.core.logbook.service import LogbookService

__all__ = ["HistoryLine", "Interaction", "LogFilter", "LogbookService", "Period", "Summary"]
