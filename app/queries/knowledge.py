"""The dataset's actors and topics as the extraction engine reads them (app.extraction): names,
aliases, descriptions and roles, as plain data."""

from collections import defaultdict

from sqlalchemy import Connection, inspect, select

from app.db.models import Actor, ActorAlias, Affiliation, Dataset, Topic, TopicAlias
from app.extraction.knowledge import NOTHING_KNOWN, Knowledge, KnownActor, KnownTopic


def read_knowledge(connection: Connection) -> Knowledge:
    """What the loaded dataset knows; nothing where no dataset is loaded."""
    if not inspect(connection).has_table(Dataset.__tablename__):
        return NOTHING_KNOWN
    if connection.execute(select(Dataset.id)).first() is None:
        return NOTHING_KNOWN
    return Knowledge(actors=_actors(connection), topics=_topics(connection))


def _actors(connection: Connection) -> tuple[KnownActor, ...]:
    aliases = defaultdict(list)
    for actor_id, alias in connection.execute(
        select(ActorAlias.actor_id, ActorAlias.alias).order_by(
            ActorAlias.actor_id, ActorAlias.ordinal
        )
    ):
        aliases[actor_id].append(alias)
    rows = connection.execute(
        select(Actor.id, Actor.name, Actor.kind, Actor.description).order_by(Actor.id)
    ).all()
    names = {row.id: row.name for row in rows}
    roles = defaultdict(list)
    for actor_id, role, organisation in connection.execute(
        select(Affiliation.actor_id, Affiliation.role, Affiliation.organisation_id).order_by(
            Affiliation.actor_id, Affiliation.ordinal
        )
    ):
        roles[actor_id].append(f"{role}, {names.get(organisation, '')}" if organisation else role)
    return tuple(
        KnownActor(
            id=row.id,
            name=row.name,
            kind=str(row.kind),
            aliases=tuple(aliases[row.id]),
            titles=tuple(([row.description] if row.description else []) + roles[row.id]),
        )
        for row in rows
    )


def _topics(connection: Connection) -> tuple[KnownTopic, ...]:
    aliases = defaultdict(list)
    for topic_id, alias in connection.execute(
        select(TopicAlias.topic_id, TopicAlias.alias).order_by(
            TopicAlias.topic_id, TopicAlias.ordinal
        )
    ):
        aliases[topic_id].append(alias)
    rows = connection.execute(select(Topic.id, Topic.name).order_by(Topic.id)).all()
    return tuple(KnownTopic(id=r.id, name=r.name, aliases=tuple(aliases[r.id])) for r in rows)
