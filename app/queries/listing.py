"""Quote and event lists with what a client can ask for besides the page: facets, includes."""

from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.db.models import Actor, Event
from app.errors import InvalidParameter
from app.queries import catalog, events, facets, quotes
from app.queries.pagination import PageRequest
from app.queries.served import served
from app.queries.successors import with_successors
from app.schemas.views import EventPage, Facets, Included

# What `?include=` may name on each list: one level deep.
INCLUDES = {"quotes": ("speaker", "event"), "events": ("participants",)}


def check_includes(resource: str, names: Sequence[str]) -> list[str]:
    """The include names, deduplicated; 422 for nested or unknown names."""
    known = INCLUDES[resource]
    for name in names:
        if "." in name:
            raise InvalidParameter(f"include: {name!r} is nested; includes go one level deep")
        if name not in known:
            raise InvalidParameter(
                f"include: unknown include {name!r}; use one of {', '.join(known)}"
            )
    return list(dict.fromkeys(names))


def _unfiltered(filters: Any) -> bool:
    return not any(asdict(filters).values())


def _actors(session: Session, ids: Collection[str]) -> dict[str, Any]:
    if not ids:
        return {}
    rows = list(session.execute(served(Actor).where(Actor.id.in_(ids))).mappings())
    return {actor.id: actor for actor in catalog.hydrate_actors(session, rows)}


def _events(session: Session, ids: Collection[str]) -> dict[str, Any]:
    if not ids:
        return {}
    rows = list(session.execute(served(Event).where(Event.id.in_(ids))).mappings())
    return {event.id: event for event in events.hydrate(session, rows)}


def _dates_only(filters: quotes.QuoteFilters) -> bool:
    """Whether the list is filtered by its dates and nothing else."""
    rest = {**asdict(filters), "said_from": None, "said_to": None}
    return not any(rest.values()) and not _unfiltered(filters)


def _quote_facets(
    session: Session, filters: quotes.QuoteFilters, names: Sequence[str]
) -> Facets | None:
    """The facets asked for; the speaker facet of a date range from the stored per-day counts."""
    if not names:
        return None
    by_day = "speaker" in names and _dates_only(filters)
    others = [name for name in names if not (by_day and name == "speaker")]
    counts: Facets = {}
    if others:
        base = quotes.filtered(session, filters)
        counts = facets.facets_for(session, "quotes", others, base, _unfiltered(filters)) or {}
    if by_day:
        counts["speaker"] = facets.speakers_by_day(session, filters.said_from, filters.said_to)
    return {name: counts[name] for name in names}


@dataclass(frozen=True)
class QuoteDocumentPage:
    """A page of quotes as their stored JSON documents, with facets and included records."""

    items: list[bytes]
    next: str | None
    facets: Facets | None
    included: Included | None


def quote_page(
    session: Session,
    filters: quotes.QuoteFilters,
    page: PageRequest,
    facet_names: Sequence[str] = (),
    include: Sequence[str] = (),
) -> QuoteDocumentPage:
    """One page of quotes, with the facets and included records asked for."""
    filters = with_successors(session, filters)
    rows, next_cursor = quotes.list_quote_rows(session, filters, page)
    counts = _quote_facets(session, filters, facet_names)
    included = None
    if include:
        speakers = {row["speaker_id"] for row in rows} if "speaker" in include else ()
        said_at = {row["event_id"] for row in rows if row["event_id"]}
        included = Included(
            actors=_actors(session, speakers) if "speaker" in include else None,
            events=_events(session, said_at) if "event" in include else None,
        )
    documents = [bytes(row["body"]) for row in rows]
    return QuoteDocumentPage(documents, next_cursor, counts, included)


def event_page(
    session: Session,
    filters: events.EventFilters,
    page: PageRequest,
    facet_names: Sequence[str] = (),
    include: Sequence[str] = (),
) -> EventPage:
    """One page of events, with the facets and included records asked for."""
    filters = with_successors(session, filters)
    found = events.list_events(session, filters, page)
    counts = facets.facets_for(
        session, "events", facet_names, events.filtered(session, filters), _unfiltered(filters)
    )
    included = None
    if include:
        taking_part = {actor.id for event in found.items for actor in event.participants}
        included = Included(actors=_actors(session, taking_part))
    return EventPage(items=found.items, next=found.next, facets=counts, included=included)
