"""What the extractor knows before it reads: the actors and topics of a dataset, as plain data.

The engine takes this from its caller (the database, a seed folder, a test) and imports no
database or HTTP code of its own.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class KnownActor:
    id: str
    name: str
    kind: str  # person, state, organisation or group (app.domain.ActorKind)
    aliases: tuple[str, ...] = ()
    # What the texts call the actor instead of a name: its description and its roles
    # ("spokesman, Russian Foreign Ministry"), read for titles such as "the Kremlin aide".
    titles: tuple[str, ...] = ()

    @property
    def is_person(self) -> bool:
        return self.kind == "person"


@dataclass(frozen=True)
class KnownTopic:
    id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Knowledge:
    actors: tuple[KnownActor, ...] = ()
    topics: tuple[KnownTopic, ...] = ()

    def actor(self, actor_id: str) -> KnownActor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


NOTHING_KNOWN = Knowledge()
