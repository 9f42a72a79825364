"""Facet counts: how many records of a filtered list have each speaker, topic, source, month...

Counts over a whole resource are stored by each write (app.derived.facet_counts) and read back
for unfiltered lists; filtered lists get grouped counts over the filtered ids, driven by indexes.
"""

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Select, distinct, func, select
from sqlalchemy.orm import Session

from app.db.derived_tables import search_facet_counts
from app.db.models import (
    Actor,
    Citation,
    Event,
    EventParticipant,
    EventTopic,
    Quote,
    QuoteTopic,
    Source,
    Topic,
)
from app.domain import Precision
from app.errors import InvalidParameter
from app.queries import speaker_totals
from app.schemas.views import Facets, FacetValue

Bind = Session | Connection
MAX_VALUES = 100
UNKNOWN_MONTH = ""  # stored for records whose month is not known (a key cannot be null)
Counting = Callable[[Any], Select[Any]]


def _by_column(column_name: str) -> Counting:
    return lambda base: select(base.c[column_name], func.count()).group_by(base.c[column_name])


def _by_link(owner: Any, value: Any) -> Counting:
    return lambda base: (
        select(value, func.count()).where(owner.in_(select(base.c.id))).group_by(value)
    )


def _by_citation(owner_column: str, value: Any) -> Counting:
    owner = Citation.__table__.c[owner_column]

    def counting(base: Any) -> Select[Any]:
        query = select(value, func.count(distinct(owner))).where(owner.in_(select(base.c.id)))
        return query.join(Source, Source.id == Citation.source_id).group_by(value)

    return counting


def _by_month(date_column: str, precision_column: str) -> Counting:
    return lambda base: select(
        base.c[date_column], base.c[precision_column], func.count()
    ).group_by(base.c[date_column], base.c[precision_column])


COUNTINGS: dict[str, dict[str, Counting]] = {
    "quotes": {
        "speaker": _by_column("speaker_id"),
        "topic": _by_link(QuoteTopic.quote_id, QuoteTopic.topic_id),
        "source": _by_citation("quote_id", Citation.source_id),
        "publisher": _by_citation("quote_id", Source.publisher),
        "month": _by_month("said_on", "said_precision"),
    },
    "events": {
        "kind": _by_column("kind"),
        "status": _by_column("status"),
        "participant": _by_link(EventParticipant.event_id, EventParticipant.actor_id),
        "topic": _by_link(EventTopic.event_id, EventTopic.topic_id),
        "source": _by_citation("event_id", Citation.source_id),
        "publisher": _by_citation("event_id", Source.publisher),
        "month": _by_month("start_on", "start_precision"),
    },
}
LABELS = {"speaker": Actor.name, "participant": Actor.name, "topic": Topic.name}
LABELS_SOURCE = Source.title
BASES = {"quotes": Quote.__table__, "events": Event.__table__}


def check_names(resource: str, names: Sequence[str]) -> list[str]:
    """The facet names, deduplicated; 422 for a name this resource has no facet for."""
    known = COUNTINGS[resource]
    for name in names:
        if name not in known:
            raise InvalidParameter(
                f"facet: unknown facet {name!r}; use one of {', '.join(sorted(known))}"
            )
    return list(dict.fromkeys(names))


def _month_counts(rows: Sequence[Any]) -> Counter[str]:
    months: Counter[str] = Counter()
    for day, precision, count in rows:
        known = day is not None and precision in (Precision.DAY, Precision.WEEK, Precision.MONTH)
        months[day.strftime("%Y-%m") if known else UNKNOWN_MONTH] += count
    return months


def _labels(bind: Bind, facet: str, values: Sequence[str]) -> dict[str, str]:
    column = LABELS.get(facet, LABELS_SOURCE if facet == "source" else None)
    if column is None or not values:
        return {}
    key = column.table.c.id
    return {row[0]: row[1] for row in bind.execute(select(key, column).where(key.in_(values)))}


def _label(facet: str, value: str, labels: dict[str, str]) -> str:
    if facet == "month":
        if value == UNKNOWN_MONTH:
            return "month not known"
        return dt.date.fromisoformat(value + "-01").strftime("%B %Y")
    return labels.get(value, value)


def count(bind: Bind, resource: str, facet: str, base: Any) -> list[FacetValue]:
    """Counts of `facet` over the rows of `base` (a subquery of the resource's table)."""
    rows: Sequence[Any] = bind.execute(COUNTINGS[resource][facet](base)).all()
    if facet == "month":
        counts: Counter[str] = _month_counts(rows)
    else:
        counts = Counter({str(row[0]): row[1] for row in rows})
    return _most_frequent(bind, facet, counts)


def speakers_by_day(
    bind: Bind, said_from: dt.date | None, said_to: dt.date | None
) -> list[FacetValue]:
    """The speaker facet of the quotes said within [said_from, said_to], from the running
    counts per speaker stored at load (two lookups, not every quote of the range grouped)."""
    top = speaker_totals.most_quoted(bind, said_from, said_to, MAX_VALUES)
    return [FacetValue(value=value, label=name, count=total) for value, name, total in top]


def _most_frequent(bind: Bind, facet: str, counts: Counter[str]) -> list[FacetValue]:
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_VALUES]
    labels = _labels(bind, facet, [value for value, _ in top])
    return [_facet_value(facet, value, total, labels) for value, total in top]


def _facet_value(facet: str, value: str, total: int, labels: dict[str, str]) -> FacetValue:
    shown = None if facet == "month" and value == UNKNOWN_MONTH else value
    return FacetValue(value=shown, label=_label(facet, value, labels), count=total)


def stored(bind: Bind, resource: str, facet: str) -> list[FacetValue]:
    """The counts computed at load time over the whole resource."""
    table = search_facet_counts
    query = (
        select(table.c.value, table.c.label, table.c.count)
        .where(table.c.resource == resource, table.c.facet == facet)
        .order_by(table.c.count.desc(), table.c.value)
        .limit(MAX_VALUES)
    )
    return [
        FacetValue(
            value=None if facet == "month" and row.value == UNKNOWN_MONTH else row.value,
            label=row.label,
            count=row.count,
        )
        for row in bind.execute(query)
    ]


def facets_for(
    bind: Bind, resource: str, names: Sequence[str], filtered: Any, unfiltered: bool
) -> Facets | None:
    """The facets asked for, over the filtered list (a select of the resource's rows)."""
    if not names:
        return None
    if unfiltered:
        return {name: stored(bind, resource, name) for name in names}
    base = filtered.subquery()
    return {name: count(bind, resource, name, base) for name in names}
