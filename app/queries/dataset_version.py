"""The version of the dataset a transaction reads: the first statement of every request's."""

from sqlalchemy import Connection

DATASET_VERSION_SQL = "SELECT version FROM dataset"


def dataset_version(connection: Connection) -> str | None:
    """The version of the loaded dataset, as the connection's transaction sees it.

    Read on the driver's own cursor: it is the first statement of every request's transaction,
    where SQLAlchemy's statement machinery cost several times the read itself.
    """
    cursor = connection.connection.cursor()
    try:
        cursor.execute(DATASET_VERSION_SQL)
        row = cursor.fetchone()
    finally:
        cursor.close()
    return None if row is None else str(row[0])
