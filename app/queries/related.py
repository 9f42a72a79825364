"""Batched loading of the rows that hang off a page of records: one query per relation."""

from collections import defaultdict
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from app.db.models import (
    Actor,
    ActorAlias,
    Affiliation,
    Article,
    Citation,
    Event,
    EventParticipant,
    EventTopic,
    PositionEvidence,
    QuoteTopic,
    Source,
    Topic,
    TopicAlias,
)
from app.schemas.common import ArticleRef, CitationRead, Ref
from app.schemas.records import AffiliationRead, ArticleRead, EventRef, ParticipantRead

# Every statement here is built once, at import, with an expanding `ids` parameter: building and
# caching a statement per call costs SQLAlchemy about four times what executing a built one does.
IDS = "ids"


def _ids() -> Any:
    return bindparam(IDS, expanding=True)


def _rows(session: Session, statement: Select[Any], ids: Collection[str]) -> Sequence[Any]:
    """The rows `statement` gives for `ids`; none, without a query, when there are no ids."""
    return session.execute(statement, {IDS: list(set(ids))}).all() if ids else []


def _citations_of(owner: str) -> Select[Any]:
    citation, source, article = Citation.__table__, Source.__table__, Article.__table__
    owner_column = citation.c[f"{owner}_id"]
    return (
        select(
            owner_column.label("owner"),
            citation.c.excerpt,
            citation.c.start_offset,
            citation.c.end_offset,
            citation.c.words,
            source.c.id.label("source_id"),
            source.c.title,
            source.c.publisher,
            article.c.id.label("article_id"),
            article.c.title.label("article_title"),
            article.c.published_on,
        )
        .join(source, source.c.id == citation.c.source_id)
        .join(
            article,
            (article.c.source_id == citation.c.source_id) & (article.c.id == citation.c.article_id),
        )
        .where(owner_column.in_(_ids()))
        .order_by(owner_column, citation.c.ordinal, citation.c.id)
    )


CITATIONS = {
    owner: _citations_of(owner) for owner in ("actor", "affiliation", "event", "quote", "position")
}


def citations_for(
    session: Session, owner: str, ids: Collection[str]
) -> dict[str, list[CitationRead]]:
    """The citations of each record of kind `owner` (actor, event, quote...) among `ids`."""
    found: dict[str, list[CitationRead]] = defaultdict(list)
    for row in _rows(session, CITATIONS[owner], ids):
        found[row.owner].append(
            CitationRead(
                source_id=row.source_id,
                source_title=row.title,
                publisher=row.publisher,
                published_on=row.published_on,
                article=ArticleRef(
                    id=row.article_id, title=row.article_title, published_on=row.published_on
                ),
                excerpt=row.excerpt,
                start=row.start_offset,
                end=row.end_offset,
                words=row.words,
            )
        )
    return found


ARTICLES = (
    select(Article.__table__)
    .where(Article.__table__.c.source_id.in_(_ids()))
    .order_by(Article.__table__.c.source_id, Article.__table__.c.ordinal)
)


def source_articles(session: Session, ids: Collection[str]) -> dict[str, list[ArticleRead]]:
    """The articles of each source among `ids`, in the order of its text."""
    found: dict[str, list[ArticleRead]] = defaultdict(list)
    for row in _rows(session, ARTICLES, ids):
        found[row.source_id].append(
            ArticleRead(
                id=row.id,
                title=row.title,
                published_on=row.published_on,
                published_at=row.published_at,
                time_zone=row.time_zone,
                start=row.start_offset,
                end=row.end_offset,
            )
        )
    return found


def _names(table: Any, label: str) -> Select[Any]:
    return select(table.c.id, table.c[label]).where(table.c.id.in_(_ids()))


ACTOR_NAMES = _names(Actor.__table__, "name")
TOPIC_NAMES = _names(Topic.__table__, "name")
EVENT_TITLES = _names(Event.__table__, "title")


def actor_refs(session: Session, ids: Collection[str]) -> dict[str, Ref]:
    rows = _rows(session, ACTOR_NAMES, ids)
    return {row.id: Ref(id=row.id, name=row.name) for row in rows}


def topic_refs(session: Session, ids: Collection[str]) -> dict[str, Ref]:
    rows = _rows(session, TOPIC_NAMES, ids)
    return {row.id: Ref(id=row.id, name=row.name) for row in rows}


def event_refs(session: Session, ids: Collection[str]) -> dict[str, EventRef]:
    rows = _rows(session, EVENT_TITLES, ids)
    return {row.id: EventRef(id=row.id, title=row.title) for row in rows}


def _grouping(table: Any, owner: str, value: str, order: str) -> Select[Any]:
    owner_column = table.c[owner]
    return (
        select(owner_column, table.c[value])
        .where(owner_column.in_(_ids()))
        .order_by(owner_column, table.c[order])
    )


QUOTE_TOPICS = _grouping(QuoteTopic.__table__, "quote_id", "topic_id", "topic_id")
EVENT_TOPICS = _grouping(EventTopic.__table__, "event_id", "topic_id", "topic_id")
POSITION_EVIDENCE = _grouping(PositionEvidence.__table__, "position_id", "quote_id", "ordinal")
ACTOR_ALIASES = _grouping(ActorAlias.__table__, "actor_id", "alias", "ordinal")
TOPIC_ALIASES = _grouping(TopicAlias.__table__, "topic_id", "alias", "ordinal")


def _grouped(
    session: Session, statement: Select[Any], ids: Collection[str]
) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = defaultdict(list)
    for owner, value in _rows(session, statement, ids):
        found[owner].append(value)
    return found


def quote_topics(session: Session, ids: Collection[str]) -> dict[str, list[str]]:
    return _grouped(session, QUOTE_TOPICS, ids)


def event_topics(session: Session, ids: Collection[str]) -> dict[str, list[str]]:
    return _grouped(session, EVENT_TOPICS, ids)


def position_evidence(session: Session, ids: Collection[str]) -> dict[str, list[str]]:
    return _grouped(session, POSITION_EVIDENCE, ids)


def actor_aliases(session: Session, ids: Collection[str]) -> dict[str, list[str]]:
    return _grouped(session, ACTOR_ALIASES, ids)


def topic_aliases(session: Session, ids: Collection[str]) -> dict[str, list[str]]:
    return _grouped(session, TOPIC_ALIASES, ids)


def _participants() -> Select[Any]:
    participant, actor = EventParticipant.__table__, Actor.__table__
    return (
        select(participant.c.event_id, actor.c.id, actor.c.name, participant.c.role)
        .join(actor, actor.c.id == participant.c.actor_id)
        .where(participant.c.event_id.in_(_ids()))
        .order_by(participant.c.event_id, participant.c.ordinal)
    )


PARTICIPANTS = _participants()
AFFILIATIONS = (
    select(Affiliation.__table__)
    .where(Affiliation.__table__.c.actor_id.in_(_ids()))
    .order_by(Affiliation.__table__.c.actor_id, Affiliation.__table__.c.ordinal)
)


def event_participants(session: Session, ids: Collection[str]) -> dict[str, list[ParticipantRead]]:
    found: dict[str, list[ParticipantRead]] = defaultdict(list)
    for row in _rows(session, PARTICIPANTS, ids):
        found[row.event_id].append(ParticipantRead(id=row.id, name=row.name, role=row.role))
    return found


def actor_affiliations(session: Session, ids: Collection[str]) -> dict[str, list[AffiliationRead]]:
    found: dict[str, list[AffiliationRead]] = defaultdict(list)
    affiliations = _rows(session, AFFILIATIONS, ids)
    organisations = actor_refs(
        session, {a.organisation_id for a in affiliations if a.organisation_id}
    )
    citations = citations_for(session, "affiliation", [a.id for a in affiliations])
    for affiliation in affiliations:
        found[affiliation.actor_id].append(
            AffiliationRead(
                organisation=organisations.get(affiliation.organisation_id or ""),
                role=affiliation.role,
                started_on=affiliation.started_on,
                started_precision=affiliation.started_precision,
                ended_on=affiliation.ended_on,
                ended_precision=affiliation.ended_precision,
                citations=citations.get(affiliation.id, []),
            )
        )
    return found


def corroboration(citations: dict[str, list[CitationRead]]) -> dict[str, int]:
    """How many distinct publishers cite each record, from its batched citations."""
    return {owner: len({cite.publisher for cite in cites}) for owner, cites in citations.items()}
