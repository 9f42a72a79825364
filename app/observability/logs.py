"""Log lines as JSON (or readable text on a terminal), each stamped with its request's id."""

import atexit
import logging
import sys
from logging.handlers import QueueHandler, QueueListener
from queue import SimpleQueue
from typing import Any, Literal

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.orjson import OrjsonFormatter

from app.observability.request_id import current_request_id

ACCESS_LOGGER = "summitkb.access"
CONSOLE_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(request_id)s] %(message)s"
JSON_FIELDS = "%(levelname)s %(name)s %(message)s %(request_id)s"
RENAMED = {"levelname": "level", "name": "logger"}
UVICORN_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access")
# uvicorn repeats each message with terminal colours: not wanted in a JSON line.
NOT_LOGGED = [*RESERVED_ATTRS, "color_message"]


class RequestIdFilter(logging.Filter):
    """Stamp each record with the id of the request it was logged in ("-" outside requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get() or "-"
        return True


class BackgroundStreamHandler(QueueHandler):
    """Log to stderr from a background thread: the caller only queues the record.

    Filters (the request id) run in the caller; formatting and the write run in the thread, so
    the event loop never blocks on stderr (a write gives up the GIL and, under load, waits for it
    behind busy worker threads). Lines still queued are written at exit.
    """

    def __init__(self) -> None:
        super().__init__(SimpleQueue())
        self.target = logging.StreamHandler(sys.stderr)
        self.listener: QueueListener | None = QueueListener(self.queue, self.target)
        self.listener.start()
        atexit.register(self.stop)

    def setFormatter(self, fmt: logging.Formatter | None) -> None:  # noqa: N802 - logging's name
        self.target.setFormatter(fmt)

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        return record  # formatted by the target, in the listener's thread

    def stop(self) -> None:
        """Write what is queued, then stop the thread (idempotent)."""
        if self.listener is not None:
            self.listener.stop()
            self.listener = None

    def close(self) -> None:
        self.stop()
        super().close()


def json_formatter() -> logging.Formatter:
    """One JSON object per line: timestamp, level, logger, message, request_id and any extras."""
    return OrjsonFormatter(
        JSON_FIELDS, rename_fields=RENAMED, reserved_attrs=NOT_LOGGED, timestamp=True
    )


def console_formatter() -> logging.Formatter:
    return logging.Formatter(CONSOLE_FORMAT)


def wants_json(log_format: Literal["auto", "json", "console"]) -> bool:
    """JSON if asked for, or when `auto` and stderr is not a terminal (a container, a file)."""
    return log_format == "json" or (log_format == "auto" and not sys.stderr.isatty())


def logging_config(level: str, log_format: Literal["auto", "json", "console"]) -> dict[str, Any]:
    """A `logging.config.dictConfig` for the server; uvicorn applies it in every worker."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"json": {"()": json_formatter}, "console": {"()": console_formatter}},
        "handlers": {
            "stderr": {
                "()": BackgroundStreamHandler,
                "formatter": "json" if wants_json(log_format) else "console",
                "filters": ["request_id"],
            }
        },
        # uvicorn's own lines go through the same handler; its access log is replaced by ours.
        "loggers": {
            **{name: {"handlers": [], "propagate": True} for name in UVICORN_LOGGERS},
            # Alembic describes its context at INFO each time /readyz looks at the revision.
            "alembic": {"level": "WARNING"},
        },
        "root": {"level": level, "handlers": ["stderr"]},
    }
