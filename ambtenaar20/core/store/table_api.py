"""sqlite-utils' ``Database`` for the services that use its table API, with our transactions.

Built by ``Connection.table_api`` on the connection it already has; kept in its own module so
that importing sqlite-utils happens only when a table method is first used.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlite_utils import Database

from ambtenaar20.core.store.connection import immediate_transaction


class AppDatabase(Database):
    """sqlite-utils' ``Database`` whose outermost ``atomic()`` takes the write lock at once.

    Table methods (``insert``, ``upsert``...) open their transactions through ``atomic()``, so
    they wait for another process's writer within the busy timeout, exactly like
    ``Connection.atomic`` (see there for why).
    """

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        with immediate_transaction(self.conn):
            yield self
