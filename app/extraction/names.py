"""Known names found in a text: every name and alias of the known actors and topics, and the
surname of each known person, matched as whole words in one pass of one regular expression."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from app.extraction.knowledge import Knowledge


@dataclass(frozen=True)
class Spelling:
    kind: str  # "actor" or "topic"
    id: str
    how: str  # "name", "alias" or "surname"


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    words: str
    spellings: tuple[Spelling, ...]

    def owners(self, kind: str) -> list[str]:
        return list(dict.fromkeys(s.id for s in self.spellings if s.kind == kind))


def _exact_case(spelling: str) -> bool:
    """One capitalised word or an acronym ("Rutte", "US") is matched as written: "us" is no
    country. Longer names are matched in any case ("the Foreign Ministry", "foreign ministry")."""
    return " " not in spelling or spelling.isupper()


def _loose(written: str) -> str:
    """A pattern for a name in any spacing and either apostrophe."""
    return re.sub("['’]", "['’]", re.escape(written).replace(r"\ ", r"\s+"))


def _key(words: str) -> str:
    return " ".join(words.replace("’", "'").split()).casefold()


@dataclass(frozen=True)
class NameIndex:
    knowledge: Knowledge
    spellings: dict[str, list[tuple[str, Spelling]]] = field(default_factory=dict)

    @classmethod
    def build(cls, knowledge: Knowledge) -> "NameIndex":
        index = cls(knowledge)
        for actor in knowledge.actors:
            index._add(actor.name, Spelling("actor", actor.id, "name"))
            for alias in actor.aliases:
                index._add(alias, Spelling("actor", actor.id, "alias"))
        for topic in knowledge.topics:
            index._add(topic.name, Spelling("topic", topic.id, "name"))
            for alias in topic.aliases:
                index._add(alias, Spelling("topic", topic.id, "alias"))
        taken = set(index.spellings)
        for actor in knowledge.actors:
            words = actor.name.split()
            if actor.is_person and len(words) > 1 and _key(words[-1]) not in taken:
                index._add(words[-1], Spelling("actor", actor.id, "surname"))
        return index

    def _add(self, written: str, spelling: Spelling) -> None:
        if written.strip():
            self.spellings.setdefault(_key(written), []).append((written.strip(), spelling))

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        if not self.spellings:
            return None
        written = {w for entries in self.spellings.values() for w, _ in entries}
        # Longest first: at one position the longer name wins ("Russian Foreign Ministry").
        choices = sorted((_loose(w) for w in written), key=len)
        alternation = "|".join(reversed(choices))
        return re.compile(rf"(?<![\w’'])(?:{alternation})(?!\w)", re.IGNORECASE)

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Found]:
        """The known names in text[start:end], left to right, none overlapping."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text, start, len(text) if end is None else end):
            entries = self.spellings.get(_key(match[0]), [])
            kept = tuple(s for w, s in entries if not _exact_case(w) or w == match[0])
            if kept:
                yield Found(match.start(), match.end(), match[0], kept)
