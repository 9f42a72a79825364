"""The records that lean on an edited one, checked again: the loader's rules over a position
read its actor's names and its evidence's speakers, so renaming an actor or changing a quote's
speaker can break a stored position as surely as a bad write of the position itself."""

from sqlalchemy import Connection

from app.curation.check import BODY, Rejected
from app.curation.knowledge import stored_knowledge
from app.curation.referrers import referrers
from app.curation.stored import stored_record
from app.loader.checks import findings
from app.loader.problems import Problem
from app.loader.read import Located
from app.loader.records import RESOURCES

# The resources whose records the position rules read: an actor's names, a quote's speaker.
READ_BY_POSITION_RULES = ("actors", "quotes")


def leaning_positions(connection: Connection, resource: str, record_id: str) -> list[str]:
    """The positions whose rules read the actor or quote `record_id` (its referrers)."""
    if resource not in READ_BY_POSITION_RULES:
        return []
    return referrers(connection, resource, record_id).get("positions", [])


def check_dependents(connection: Connection, resource: str, record_id: str) -> None:
    """Rejected, naming each position and what it would break, if the stored positions that
    lean on the record (as the write has just left it) no longer pass the loader's rules."""
    known = stored_knowledge(connection)
    problems = []
    for position_id in leaning_positions(connection, resource, record_id):
        stored = stored_record(connection, "positions", position_id)
        if stored is None:
            continue
        located = Located(RESOURCES["positions"].model_validate(stored), BODY, 0, stored)
        for _loc, reason in findings("positions", located, known):
            problems.append(Problem(BODY, 0, "", f"position {position_id!r} would fail: {reason}"))
    if problems:
        raise Rejected(problems)
