"""The speaker facet of a date range for the document lane, from the running counts per speaker
(app.queries.speaker_totals), read through the driver with the dataset version in one statement
and so from one snapshot."""

import datetime as dt
from typing import Any

from sqlalchemy import Select, null, select

from app.db.models import Dataset
from app.queries import facets, speaker_totals
from app.queries.documents import Documents, DriverStatements, driver_dates
from app.schemas.views import Facets, FacetValue


class SpeakerFacets:
    """The speaker facet of date ranges over `documents`' connection."""

    def __init__(self, documents: Documents) -> None:
        self.documents = documents
        self.date_param = driver_dates(documents.engine)
        self.statements = DriverStatements(documents.engine, _counts_statement)

    def of_range(
        self, said_from: dt.date | None, said_to: dt.date | None, version: str
    ) -> Facets | None:
        """The facet as `facets.speakers_by_day` gives it, if read from dataset `version`."""
        before = speaker_totals.day_before(said_from)
        params = {
            name: self.date_param(day)
            for name, day in (("said_to", said_to), ("before", before))
            if day is not None
        }
        statement = self.statements[said_to is not None, before is not None]
        with self.documents.connection() as connection:
            read_version, upper, lower, speakers = statement.rows(connection, **params)[0]
        if read_version != version:
            return None  # a reload between the page and the counts
        top = speaker_totals.most_quoted_of(
            _bytes(upper), _bytes(lower), _bytes(speakers), facets.MAX_VALUES
        )
        values = [FacetValue(value=value, label=name, count=total) for value, name, total in top]
        return {"speaker": values}


def _counts_statement(days: tuple[bool, bool]) -> Select[Any]:
    """Given whether the range has an end and a day before its start: the dataset version, the
    running counts at the end of the range (or of the last day) and before its start, and the
    speaker slots."""
    upper_day, lower_day = days
    return select(
        select(Dataset.version).scalar_subquery(),
        (
            speaker_totals.on_or_before("said_to") if upper_day else speaker_totals.LATEST
        ).scalar_subquery(),
        speaker_totals.on_or_before("before").scalar_subquery() if lower_day else null(),
        speaker_totals.SPEAKERS.scalar_subquery(),
    )


def _bytes(blob: Any) -> bytes | None:
    return None if blob is None else bytes(blob)
