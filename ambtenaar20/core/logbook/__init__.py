"""The interaction log ("Logboek"): what the officer did online, kept like a record.

The service is imported from ``core.logbook.service``, not from here: the CLI imports this
package for dates and kinds at start-up, and the service pulls in the database libraries.
"""

from ambtenaar20.core.logbook.clock import Period
from ambtenaar20.core.logbook.model import HistoryLine, Interaction, LogFilter, Summary

__all__ = ["HistoryLine", "Interaction", "LogFilter", "Period", "Summary"]
