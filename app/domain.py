"""The vocabulary shared by the seed format, the database and the API."""

from enum import StrEnum

# A record id: lowercase words of letters and digits joined by single hyphens.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Precision(StrEnum):
    """How precisely a date is known; the stored date is the first day of the period."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class ActorKind(StrEnum):
    PERSON = "person"
    STATE = "state"
    ORGANISATION = "organisation"
    GROUP = "group"


class EventKind(StrEnum):
    SUMMIT = "summit"
    MEETING = "meeting"
    TALKS = "talks"
    CALL = "call"
    STATEMENT = "statement"
    PRESS_CONFERENCE = "press-conference"
    BRIEFING = "briefing"
    ANNOUNCEMENT = "announcement"
    MILITARY = "military"
    POLL = "poll"
    VISIT = "visit"
    OTHER = "other"


class EventStatus(StrEnum):
    PLANNED = "planned"
    PROPOSED = "proposed"
    HELD = "held"
    CANCELLED = "cancelled"


class Stance(StrEnum):
    """An actor's stance on a topic; seed/README.md gives an example of each."""

    SUPPORTS = "supports"
    OPPOSES = "opposes"
    CONDITIONAL = "conditional"
    MIXED = "mixed"
    TENTATIVE = "tentative"
    EXPECTS = "expects"
    DECLINES_TO_RESPOND = "declines-to-respond"


class VariantKind(StrEnum):
    """How the words of a variant set are one another: spellings of one word, or words the
    texts use for one another."""

    SPELLING = "spelling"
    SYNONYM = "synonym"


STANCES_TEXT = ", ".join(stance.value for stance in Stance) + "."


class KeyScope(StrEnum):
    """What an API key may do: `write` edits the knowledge; `admin` also manages what writes
    depend on."""

    WRITE = "write"
    ADMIN = "admin"


class ChangeKind(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    MERGE = "merge"


class TextAccess(StrEnum):
    """Who may read a source's full text; its excerpts are public either way."""

    PUBLIC = "public"
    KEYS = "keys"
