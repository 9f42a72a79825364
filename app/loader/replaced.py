"""The ids that merged or renamed records replace, written with each load: they keep answering."""

from itertools import islice
from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete, insert

from app.db.models import ReplacedId
from app.loader.read import Located
from app.loader.rows import RecordRows

if TYPE_CHECKING:
    from app.loader.plan import Plan

CHILD = "replaced_ids"
CHUNK = 500
# The replaced ids of the records that have rows (those the checks staged), once each.
STAGED = """
    SELECT DISTINCT r.resource, r.old_id, r.new_id FROM replaced AS r
    JOIN records AS k ON k.seq = r.seq WHERE k.main IS NOT NULL
"""


def note_replaced(resource: str, located: Located, built: RecordRows | None) -> None:
    """Give a record that replaces ids their rows, part of what its content hash covers."""
    if located.record.replaces and built is not None:
        built.children[CHILD] = [
            {"resource": resource, "old_id": old_id, "new_id": located.record.id}
            for old_id in dict.fromkeys(located.record.replaces)
        ]


def rewrite_replaced(connection: Connection, plan: "Plan") -> None:
    """Replace the stored table of replaced ids with the plan's."""
    connection.execute(delete(ReplacedId))
    columns = ("resource", "old_id", "new_id")
    rows = (dict(zip(columns, row, strict=True)) for row in plan.scratch.rows(STAGED))
    while batch := list(islice(rows, CHUNK)):
        connection.execute(insert(ReplacedId), batch)
