"""Actors, topics and sources: the catalog that quotes, events and positions refer to."""

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import RowMapping, select
from sqlalchemy.orm import Session

from app.db.models import Actor, Dataset, Source, Topic
from app.domain import ActorKind
from app.errors import NotFound
from app.queries import related
from app.queries.pagination import Keyset, PageRequest, fingerprint, paginate
from app.queries.served import served, served_columns
from app.queries.successors import missing
from app.schemas.common import Page
from app.schemas.records import ActorRead, MetaRead, SourceRead, TopicRead


@dataclass(frozen=True)
class ActorFilters:
    kind: list[ActorKind] | None = None


def list_actors(session: Session, filters: ActorFilters, page: PageRequest) -> Page[ActorRead]:
    """One page of actors, by id."""
    query = served(Actor)
    if filters.kind:
        query = query.where(Actor.kind.in_(filters.kind))
    query_print = fingerprint("actors", asdict(filters))
    rows, next_cursor = paginate(session, query, Keyset(key=Actor.id), page, query_print)
    return Page[ActorRead](items=hydrate_actors(session, rows), next=next_cursor)


def get_actor(session: Session, actor_id: str) -> ActorRead:
    row = session.execute(served(Actor).where(Actor.id == actor_id)).mappings().first()
    if row is None:
        raise missing(session, "actors", actor_id)
    return hydrate_actors(session, [row])[0]


def require_actor(session: Session, actor_id: str) -> None:
    if session.get(Actor, actor_id) is None:
        raise missing(session, "actors", actor_id)


def hydrate_actors(session: Session, rows: list[RowMapping]) -> list[ActorRead]:
    ids = [row["id"] for row in rows]
    aliases = related.actor_aliases(session, ids)
    affiliations = related.actor_affiliations(session, ids)
    citations = related.citations_for(session, "actor", ids)
    return [
        ActorRead(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            description=row["description"],
            aliases=aliases.get(row["id"], []),
            affiliations=affiliations.get(row["id"], []),
            citations=citations.get(row["id"], []),
        )
        for row in rows
    ]


TOPIC_COLUMNS = (Topic.id, Topic.name, Topic.description)


def list_topics(session: Session, page: PageRequest) -> Page[TopicRead]:
    """One page of topics, by id."""
    query = select(*TOPIC_COLUMNS)
    rows, next_cursor = paginate(
        session, query, Keyset(key=Topic.id), page, fingerprint("topics", {})
    )
    return Page[TopicRead](items=hydrate_topics(session, rows), next=next_cursor)


def get_topic(session: Session, topic_id: str) -> TopicRead:
    row = session.execute(select(*TOPIC_COLUMNS).where(Topic.id == topic_id)).mappings().first()
    if row is None:
        raise missing(session, "topics", topic_id)
    return hydrate_topics(session, [row])[0]


def hydrate_topics(session: Session, rows: list[RowMapping]) -> list[TopicRead]:
    aliases = related.topic_aliases(session, [row["id"] for row in rows])
    return [
        TopicRead(
            id=row["id"],
            name=row["name"],
            aliases=aliases.get(row["id"], []),
            description=row["description"],
        )
        for row in rows
    ]


SOURCE_COLUMNS = served_columns(Source, "text")  # the text is read on its own


@dataclass(frozen=True)
class SourceFilters:
    publisher: list[str] | None = None


def list_sources(session: Session, filters: SourceFilters, page: PageRequest) -> Page[SourceRead]:
    """One page of sources, oldest first."""
    query = select(*SOURCE_COLUMNS)
    if filters.publisher:
        query = query.where(Source.publisher.in_(filters.publisher))
    keyset = Keyset(key=Source.id, lead=Source.published_on)
    query_print = fingerprint("sources", asdict(filters))
    rows, next_cursor = paginate(session, query, keyset, page, query_print)
    return Page[SourceRead](items=hydrate_sources(session, rows), next=next_cursor)


def get_source(session: Session, source_id: str) -> SourceRead:
    row = session.execute(select(*SOURCE_COLUMNS).where(Source.id == source_id)).mappings().first()
    if row is None:
        raise missing(session, "sources", source_id)
    return hydrate_sources(session, [row])[0]


def hydrate_sources(session: Session, rows: list[RowMapping]) -> list[SourceRead]:
    articles = related.source_articles(session, [row["id"] for row in rows])
    return [
        SourceRead.model_validate({**row, "articles": articles.get(row["id"], [])}) for row in rows
    ]


def get_meta(session: Session) -> MetaRead:
    dataset = session.scalar(select(Dataset))
    if dataset is None:
        raise NotFound("no dataset is loaded: run `summitkb load`")
    loaded_at = dataset.loaded_at
    if loaded_at.tzinfo is None:  # SQLite keeps no zone; the loader writes UTC
        loaded_at = loaded_at.replace(tzinfo=dt.UTC)
    return MetaRead(version=dataset.version, loaded_at=loaded_at, counts=dataset.counts)
