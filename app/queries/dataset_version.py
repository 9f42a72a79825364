"""The version of the dataset a transaction reads: the first statement of every request's."""

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

T = TypeVar("T")

DATASET_VERSION_SQL = "SELECT version FROM dataset"


def dataset_version(connection: Connection) -> str | None:
    """The version of the loaded dataset, as the connection's transaction sees it.

    Read on the driver's own cursor: it is the first statement of every request's transaction,
    where SQLAlchemy's statement machinery cost several times the read itself.
    """
    driver_errors = connection.dialect.loaded_dbapi.Error
    cursor = connection.connection.cursor()
    try:
        cursor.execute(DATASET_VERSION_SQL)
        row = cursor.fetchone()
    except driver_errors as error:
        # Raised as SQLAlchemy raises a failed statement's error, so that the error handlers tell
        # a database that went away (a 503) from a mistake of ours, as for every other statement.
        raise DBAPIError.instance(DATASET_VERSION_SQL, None, error, driver_errors) from error
    finally:
        cursor.close()
    return None if row is None else str(row[0])


# Session.info key under which a session notes the version its transaction reads, when the
# transaction begins (app.api.deps.note_dataset_version): queries in it need not read it again.
NOTED_VERSION = "dataset_version"


def snapshot_version(session: Session) -> str | None:
    """The version `session`'s transaction reads (begun here if it was not): the one noted when
    it began, else read."""
    connection = session.connection()
    if NOTED_VERSION in session.info:
        noted: str | None = session.info[NOTED_VERSION]
        return noted
    return dataset_version(connection)


class PerVersion(Generic[T]):
    """What `read` finds in a dataset that changes only with the dataset, read once per
    version: the version served, and the one before it while a reload settles."""

    VERSIONS = 2

    def __init__(self, read: Callable[[Connection], T]) -> None:
        self.read = read
        self.found: dict[str, T] = {}
        self.storing = threading.Lock()  # read threads meet here on a new dataset's first reads

    def __call__(self, session: Session) -> T:
        """What `read` finds in the dataset `session` reads."""
        version = snapshot_version(session)
        if version is None:
            return self.read(session.connection())
        found = self.found.get(version)
        if found is None:
            found = self.read(session.connection())
            with self.storing:
                while len(self.found) >= self.VERSIONS:
                    del self.found[next(iter(self.found))]
                self.found[version] = found
        return found
