"""Known names found in a text: every name and alias of the known actors and topics, and the
surname of each known person, matched as whole words in one pass of one regular expression."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from app.extraction.knowledge import Knowledge, KnownActor
from app.extraction.titles import offices_of


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


# A word of a name: "Zelenskyy", "U.S" (its last full stop is not kept: "U.S." and "U.S"
# are one key), "30-year-old"; an apostrophe's "s" is a word of its own ("Ukraine's military").
WORD = re.compile(r"\w+(?:[.\-]\w+)*")


def _key_case(words: str) -> str:
    return " ".join(words.replace("’", "'").split()).rstrip(".")


def _key(words: str) -> str:
    return _key_case(words).casefold()


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

    def offices(self, actor: KnownActor) -> frozenset[str]:
        """The words of the actor's name, description and roles (app.extraction.titles)."""
        return self._offices[actor.id]

    @cached_property
    def _offices(self) -> dict[str, frozenset[str]]:
        return {actor.id: offices_of(actor) for actor in self.knowledge.actors}

    @cached_property
    def starts(self) -> dict[str, int]:
        """The first word of each spelling, and the most words a spelling starting so has."""
        longest: dict[str, int] = {}
        for key in self.spellings:
            words = WORD.findall(key)
            if words:
                longest[words[0]] = max(longest.get(words[0], 0), len(words))
        return longest

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Found]:
        """The known names in text[start:end], left to right, none overlapping: at each word the
        longest spelling that starts there ("Russian Foreign Ministry" before "Russian")."""
        words = list(WORD.finditer(text, start, len(text) if end is None else end))
        index = 0
        while index < len(words):
            found = self._at(text, words, index)
            if found is None:
                index += 1
                continue
            yield found[0]
            index = found[1]

    def _at(self, text: str, words: list[re.Match[str]], index: int) -> tuple[Found, int] | None:
        longest = self.starts.get(words[index][0].casefold(), 0)
        for last in range(min(len(words), index + longest) - 1, index - 1, -1):
            written = text[words[index].start() : words[last].end()]
            entries = self.spellings.get(_key(written))
            if entries:
                kept = tuple(
                    s
                    for w, s in entries
                    if not _exact_case(w) or _key_case(w) == _key_case(written)
                )
                if kept:
                    return Found(words[index].start(), words[last].end(), written, kept), last + 1
        return None
