"""Engines and sessions, with the SQLite connection pragmas in one place."""

from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

from app.db.availability import watch_sqlite_file
from app.db.load_lock import (
    BUSY_TIMEOUT,
    take_postgres_lock,
    take_sqlite_lock,
    wait_for_lock,
    wait_for_write_lock,
    waiting_hook,
    write_wait,
)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers keep serving the old dataset while a load writes the new one.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(BUSY_TIMEOUT)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # pysqlite would only BEGIN before the first write; a load or a write must hold its lock
    # from the start.
    waiting, wait_s = waiting_hook(connection), write_wait(connection)
    driver: Any = connection.connection.driver_connection
    if waiting is not None:
        wait_for_lock(lambda seconds: take_sqlite_lock(driver, seconds), waiting)
    elif wait_s is not None:
        wait_for_write_lock(lambda seconds: take_sqlite_lock(driver, seconds), wait_s)
    else:
        driver.execute("BEGIN")  # on the driver: every request's transaction begins here


def truncate_wal(connection: Connection) -> None:
    """SQLite: fold the write-ahead log into the database and empty it, after a load.

    A load is one transaction, so the log grows to its size, and only a checkpoint that
    truncates gives the space back (the API's read-only connections never write one). Readers
    in an older snapshot at that moment keep their pages: the log is then emptied by a later
    load, or by SQLite's own checkpoints.
    """
    if connection.dialect.name == "sqlite":
        driver: Any = connection.connection.driver_connection
        driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _postgres_begin(connection: Connection) -> None:
    waiting, wait_s = waiting_hook(connection), write_wait(connection)
    if waiting is not None:
        wait_for_lock(lambda seconds: take_postgres_lock(connection, seconds), waiting)
    elif wait_s is not None:
        wait_for_write_lock(lambda seconds: take_postgres_lock(connection, seconds), wait_s)


def _pool(pool_size: int) -> dict[str, Any]:
    # As many connections as worker threads: a thread never waits for a connection that only
    # another thread could give back. Overflow covers streamed responses.
    # LIFO: the connection given back last is taken first, so that under moderate load a few
    # connections serve everything. Taken in turn (FIFO), all of them were used, and each grew
    # its own SQLite page cache (up to 2 MB): memory that kept rising for minutes in the soak.
    return {
        "pool_size": pool_size,
        "max_overflow": pool_size // 4,
        "pool_timeout": 10,
        "pool_use_lifo": True,
    }


def build_engine(url: str, pool_size: int = 5) -> Engine:
    """An engine for `url`; SQLite connections get the project's pragmas and real transactions."""
    pool = _pool(pool_size)
    if is_sqlite(url):
        path = make_url(url).database
        if path in (None, "", ":memory:"):
            pool = {}  # one connection per thread (SingletonThreadPool): no pool to size
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "isolation_level": None}, **pool
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        if path and path != ":memory:":
            watch_sqlite_file(engine, path)
        return engine
    engine = create_engine(url, pool_pre_ping=True, **pool)
    event.listen(engine, "begin", _postgres_begin)
    return engine


def snapshot_reads(engine: Engine) -> Engine:
    """`engine` for API requests: each transaction reads one snapshot of the database.

    SQLite in WAL mode already reads a transaction from one snapshot. PostgreSQL's default, READ
    COMMITTED, takes a new snapshot per statement, so a request whose queries straddle a load's
    commit could mix the old dataset with the new; REPEATABLE READ keeps the first one.
    """
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="REPEATABLE READ")
    return engine
